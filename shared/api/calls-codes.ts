/** Calls about code frames and the code tree. */
import { z } from 'zod';
import type { Code, CodeFrame } from '../domain/project';
import { call } from './define';
import { id } from './calls-sources';

export const codeCalls = {
  'frames-list': call('The project\'s code frames (mainstream, kaupapa Māori, ...).', z.object({})).returns<CodeFrame[]>(),
  'codes-list': call('The code tree of one frame (all frames when none is given), parents before children.', z.object({ frameId: id().optional() })).returns<Code[]>(),
};
