import { describe, expect, it } from 'vitest';
import { matchCandidate, readLabel, sessionRole, titleCase, type Candidate } from '../../../electron/core/participants/speaker-suggest';

const people: Candidate[] = [
  { id: 1, kind: 'person', name: 'Geoff Baker', role: 'manager' },
  { id: 2, kind: 'person', name: 'Koro Hemi', role: 'kaumātua' },
  { id: 3, kind: 'person', name: 'Mere Tawhiri', role: 'manager' },
  { id: 4, kind: 'person', name: 'Mere Smith', role: 'participant' },
  { id: 5, kind: 'person', name: 'Tāne Walker', role: 'participant' },
  { id: 6, kind: 'group', name: 'Rōpū A', role: 'participant' },
];

describe('reading speaker labels', () => {
  it('takes the name and role from `Role (Name)` and `Name (role)`', () => {
    expect(readLabel('Facilitator (Sam Lee)')).toEqual({ name: 'Sam Lee', role: 'facilitator', roleOnly: false });
    expect(readLabel('Interviewer (Jo Bloggs)')).toEqual({ name: 'Jo Bloggs', role: 'interviewer', roleOnly: false });
    expect(readLabel('Aroha (kaumatua)')).toEqual({ name: 'Aroha', role: 'kaumātua', roleOnly: false });
    expect(readLabel('Aroha (Ngata)')).toEqual({ name: 'Aroha (Ngata)', role: 'participant', roleOnly: false });
  });

  it('treats a bare role as a role, and title-cases capitals', () => {
    expect(readLabel('INTERVIEWER')).toEqual({ name: 'Interviewer', role: 'interviewer', roleOnly: true });
    expect(readLabel('Facilitator')).toEqual({ name: 'Facilitator', role: 'facilitator', roleOnly: true });
    expect(readLabel('GEOFF')).toEqual({ name: 'Geoff', role: 'participant', roleOnly: false });
    expect(readLabel('McKay')).toMatchObject({ name: 'McKay' });
    expect(titleCase("MERE O'BRIEN-TAWHIRI")).toBe("Mere O'Brien-Tawhiri");
    expect(sessionRole('Note-taker')).toBe('note taker');
    expect(sessionRole('manager')).toBeUndefined();
  });
});

describe('matching a label to a participant', () => {
  it('matches full names ignoring case and macrons', () => {
    expect(matchCandidate('TANE WALKER', people)?.id).toBe(5);
    expect(matchCandidate('Ropu A', people)?.id).toBe(6);
  });

  it('matches a first name only when exactly one person has it', () => {
    expect(matchCandidate('Geoff', people)?.id).toBe(1);
    expect(matchCandidate('Koro', people)?.id).toBe(2);
    expect(matchCandidate('Tane', people)?.id).toBe(5);
    expect(matchCandidate('Mere', people)).toBeUndefined();
    expect(matchCandidate('Geoff Smith', people)).toBeUndefined();
  });
});
