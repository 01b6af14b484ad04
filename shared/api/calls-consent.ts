/** Calls about the consent register beyond the participant fields: passage marks, withdrawal effects, the project check. */
import { z } from 'zod';
import type { PassageMark, Problem, WithdrawalEffects } from '../domain/quotes';
import { call } from './define';
import { id } from './calls-sources';

const offset = z.number().int().nonnegative();

export const consentCalls = {
  'passage-marks-list': call('Passages marked withdrawn or restricted (in one transcript, or all).', z.object({ sourceId: id().optional() })).returns<PassageMark[]>(),
  'passage-mark-add': call(
    'Mark a passage withdrawn ("not for the report") or restricted, with a reason; it is never exportable.',
    z
      .object({ sourceId: id(), start: offset, end: offset, kind: z.enum(['withdrawn', 'restricted']), reason: z.string().max(2000).optional() })
      .refine((v) => v.end > v.start, 'end must be after start'),
  ).returns<PassageMark>(),
  'passage-mark-remove': call('Remove a passage mark (recorded in the audit log).', z.object({ id: id() })).returns<null>(),
  'withdrawal-effects': call("What a participant's withdrawal affects: their transcripts, coded segments and quotes.", z.object({ participantId: id() })).returns<WithdrawalEffects>(),
  'project-check': call('Every consent and pseudonymisation problem in the project, each with its fix.', z.object({})).returns<Problem[]>(),
};
