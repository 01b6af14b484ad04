/** The wordings transcribers use for talk taken off the record, and the notes that are not that. */
import { describe, expect, it } from 'vitest';
import { classifyNote, isWithdrawalNote } from '../../../electron/core/consent/withdrawal-notes';

const WITHDRAWALS = [
  'Kōrero withdrawn from the record at the request of the speaker.',
  'Korero withdrawn from the record at the request of the speaker.',
  'KŌRERO WITHDRAWN',
  "Redacted at the speaker's request",
  'Redacted at the speaker’s request',
  "Removed at participant's request",
  'withdrawn',
  '[withdrawn]',
  'Withdrawn – 2 minutes',
  'participant asked for this to be removed',
  'Participant asked that this not be used',
  'Speaker requested that this section be withdrawn',
  'Section removed at the request of the participant',
  'Text deleted at the request of the interviewee',
  'Removed: participant’s request',
  'Comments struck from the record',
  'not for the report',
  'Off the record',
  'Kua tangohia te kōrero i runga i te tono a te kaikōrero',
  'kua tangohia i runga i te hiahia o te whānau',
  'Kōrero kua tangohia, i tono te kaikōrero',
  'inaudible – removed at the participant’s request',
];

const NOT_WITHDRAWALS = [
  'inaudible – removed',
  'inaudible - removed',
  'crosstalk',
  'laughter',
  'name removed',
  'Redacted',
  'Kua tangohia',
  'taps head',
  'pause',
  'Recording paused at the request of the group to make tea',
  'Karakia tīmatanga led by Koro Hemi. Not recorded.',
  'Withdrawal of the bill was discussed',
  'he requested a break',
];

describe('withdrawal notes', () => {
  it.each(WITHDRAWALS)('%j is a withdrawal', (note) => {
    expect(isWithdrawalNote(note)).toBe(true);
    expect(classifyNote(note)).toBe('withdrawal');
  });

  it.each(NOT_WITHDRAWALS)('%j is not a withdrawal', (note) => {
    expect(isWithdrawalNote(note)).toBe(false);
  });

  it.each([
    ['laughter', 'annotation'],
    ['Laughs', 'annotation'],
    ['general laughter', 'annotation'],
    ['kata', 'annotation'],
    ['inaudible 00:12:04', 'annotation'],
    ['inaudible – removed', 'annotation'],
    ['crosstalk', 'annotation'],
    ['cross-talk', 'annotation'],
    ['long pause', 'annotation'],
    ['pause', 'annotation'],
    ['waiata', 'annotation'],
    ['speaks in te reo Māori', 'annotation'],
    ['taps head', 'unclassified'],
    ['name removed', 'unclassified'],
    ['Kua tangohia', 'unclassified'],
    ['Redacted', 'unclassified'],
    ['Recording paused at the request of the group to make tea', 'annotation'],
  ] as const)('%j is an %s', (note, kind) => {
    expect(classifyNote(note)).toBe(kind);
  });

  it('reads tikanga session notes as session parts only when they are a paragraph of their own', () => {
    expect(classifyNote('Whakatau and mihi held on day 1 at Te Rangimarie Marae. Not recorded, at the request of the rōpū.', true)).toBe('session-part');
    expect(classifyNote('Whakatau and mihi held on day 1 at Te Rangimarie Marae. Not recorded, at the request of the rōpū.', false)).toBe('unclassified');
  });
});
