/** Calls about transcripts (sources). Import calls are added by the import feature. */
import { z } from 'zod';
import type { CorrectionResult } from '../domain/corrections';
import type { SourceDetail, SourceSummary } from '../domain/project';
import { call } from './define';

export const id = () => z.number().int().positive();

export const sourceCalls = {
  'sources-list': call('Every transcript in the project, in import order.', z.object({})).returns<SourceSummary[]>(),
  'source-get': call(
    'One transcript with its text, turns, speakers, annotations and session parts. Restricted (tapu) passages are masked unless frameId is a kaupapa Māori frame or the user is the kaitiaki.',
    z.object({ sourceId: id(), frameId: id().optional() }),
  ).returns<SourceDetail>(),
};

export const sourceEditCalls = {
  'source-update': call(
    'Edit a transcript\'s details (title, date, mode, group, facilitators, location, round, notes). The text is changed only by source-correct.',
    z.object({
      sourceId: id(),
      title: z.string().trim().min(1).max(500).optional(),
      sessionDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are yyyy-mm-dd').nullable().optional(),
      mode: z.enum(['mainstream', 'tikanga']).optional(),
      kind: z.string().max(200).optional(),
      groupId: id().nullable().optional(),
      facilitators: z.string().max(2000).optional(),
      location: z.string().max(500).optional(),
      round: z.string().max(200).optional(),
      notes: z.string().max(20_000).optional(),
    }),
  ).returns<SourceDetail>(),
  'source-correct': call(
    "Correct a transcript's words (Correct transcript mode): edits in the stored text's UTF-16 offsets, applied in one undo step; codings, quotes, marks, labels, parts, turns and the search index follow. Each edit stays inside one turn. preview: only report what would be trimmed or removed.",
    z.object({
      sourceId: id(),
      edits: z
        .array(z.object({ start: z.number().int().min(0), end: z.number().int().min(0), text: z.string().max(100_000) }).refine((e) => e.end >= e.start, 'an edit ends at or after its start'))
        .min(1, 'give at least one edit')
        .max(10_000),
      frameId: id().optional(),
      expectSha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex').optional(),
      preview: z.boolean().optional(),
    }),
  ).returns<CorrectionResult>(),
  'source-delete': call('Remove a transcript and everything coded in it.', z.object({ sourceId: id() })).returns<null>(),
};
