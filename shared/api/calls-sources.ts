/** Calls about transcripts (sources). Import calls are added by the import feature. */
import { z } from 'zod';
import type { SourceDetail, SourceSummary } from '../domain/project';
import { call } from './define';

export const id = () => z.number().int().positive();

export const sourceCalls = {
  'sources-list': call('Every transcript in the project, in import order.', z.object({})).returns<SourceSummary[]>(),
  'source-get': call('One transcript with its text, turns, speakers, annotations and session parts.', z.object({ sourceId: id() })).returns<SourceDetail>(),
};
