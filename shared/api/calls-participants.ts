/** Calls about participants and groups. */
import { z } from 'zod';
import type { Participant } from '../domain/project';
import { call } from './define';

export const participantCalls = {
  'participants-list': call('Every participant and group, people first, by name.', z.object({})).returns<Participant[]>(),
};
