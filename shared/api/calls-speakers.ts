/**
 * Calls that correct who said what after import: a label that is not a speaker, labels that are
 * one speaker in one transcript, turns said by someone else. Each is one undoable step, audited;
 * the text and every coding stay exactly as they were (only attribution changes).
 */
import { z } from 'zod';
import type { SpeakerReviewRow } from '../domain/project';
import { call } from './define';
import { id } from './calls-sources';

const label = z.string().trim().min(1, 'a speaker label needs some text').max(200);

export const speakerCalls = {
  'speakers-not-speaker': call(
    "Mark speaker labels 'Not a speaker' (their turns become unattributed text under the label), or with restore make them speakers again; one undoable step.",
    z.object({ speakerIds: z.array(id()).min(1).max(10_000), restore: z.boolean().optional() }),
  ).returns<SpeakerReviewRow[]>(),
  'speakers-merge': call(
    "Merge labels of one transcript into the first one given (its turns gain the others' turns; the others go); one undoable step.",
    z.object({ speakerIds: z.array(id()).min(2, 'merging needs at least two labels').max(1000) }),
  ).returns<SpeakerReviewRow[]>(),
  'speakers-reassign': call(
    "Give turns (or unattributed text) of one transcript to another label of it, or to a new label (splitting a label); labels left with no turns go; one undoable step.",
    z
      .object({ blockIds: z.array(id()).min(1).max(100_000), speakerId: id().optional(), newLabel: label.optional() })
      .refine((v) => (v.speakerId === undefined) !== (v.newLabel === undefined), 'give exactly one of speakerId or newLabel'),
  ).returns<SpeakerReviewRow[]>(),
};
