/**
 * Suggesting who a speaker label is. Transcribers write `Facilitator (Sam Lee)`, `INTERVIEWER`,
 * `GEOFF`, `Koro`: we read a name and a session role from the label, then look for a participant
 * with that name (ignoring case and macrons), or failing that the one person with that first name.
 */
import type { ParticipantKind } from '../../../shared/domain/project';
import { fold } from '../../../shared/text/fold';

const roleKey = (text: string) => fold(text.trim()).replace(/[\s_-]+/g, ' ').replace(/\s*\d+$/, '');

/** Session roles a label or a register role may name, by `roleKey` → as written. */
const SESSION_ROLES = new Map<string, string>([
  ...['facilitator', 'co-facilitator', 'interviewer', 'moderator', 'researcher', 'note taker', 'kaumātua', 'kuia', 'kaitiaki', 'participant'].map(
    (r) => [roleKey(r), r] as const,
  ),
  ['notetaker', 'note taker'],
]);

/** `Facilitator`, `INTERVIEWER 2`, `Note-taker` → the session role, else undefined. */
export function sessionRole(text: string): string | undefined {
  return SESSION_ROLES.get(roleKey(text));
}

/** `GEOFF` → `Geoff`, `MERE TAWHIRI` → `Mere Tawhiri`, `o'brien` → `O'Brien`. */
export function titleCase(text: string): string {
  return text.toLowerCase().replace(/(^|[\s\-'’(])(\p{Ll})/gu, (_m, before: string, letter: string) => before + letter.toUpperCase());
}

/** A name as written, unless it is all capitals (`GEOFF`), which is title-cased. */
function tidyName(text: string): string {
  const s = text.normalize('NFC').trim().replace(/\s+/g, ' ');
  return /\p{Ll}/u.test(s) ? s : titleCase(s);
}

export interface LabelReading {
  name: string;
  role: string;
  /** True when the label names only a role (`INTERVIEWER`), so there is no name to match. */
  roleOnly: boolean;
}

export function readLabel(label: string): LabelReading {
  const m = /^(.*?)\s*\(([^()]+)\)\s*$/u.exec(label.trim());
  if (m && m[1] && m[2]) {
    const outerRole = sessionRole(m[1]);
    const innerRole = sessionRole(m[2]);
    if (outerRole && !innerRole) return { name: tidyName(m[2]), role: outerRole, roleOnly: false };
    if (innerRole && !outerRole) return { name: tidyName(m[1]), role: innerRole, roleOnly: false };
  }
  const role = sessionRole(label);
  if (role) return { name: titleCase(label.trim()), role, roleOnly: true };
  return { name: tidyName(label), role: 'participant', roleOnly: false };
}

export interface Candidate {
  id: number;
  kind: ParticipantKind;
  name: string;
  role: string;
}

export interface Suggestion {
  participantId: number | null;
  name: string;
  role: string;
  /** The label names only a research-team role and the register does not say who: ask, never create "Facilitator". */
  generic?: boolean;
}

/** Roles of the research team: a label naming only one of these is a person to find, not a name. */
const RESEARCH_TEAM = new Set(['facilitator', 'co-facilitator', 'interviewer', 'moderator', 'researcher', 'note taker']);

/** `Facilitator`, `INTERVIEWER 2`, `Note-taker`: a label that is only a research-team role. */
export function isResearchTeamLabel(label: string): boolean {
  const role = sessionRole(label);
  return role !== undefined && RESEARCH_TEAM.has(role);
}

/** People in the register whose role is on the research team (facilitator, interviewer, researcher, …). */
export function researchTeam(candidates: Candidate[]): Candidate[] {
  return candidates.filter((c) => c.kind === 'person' && RESEARCH_TEAM.has(sessionRole(c.role) ?? ''));
}

const firstName = (name: string) => fold(name).split(/\s+/)[0] ?? '';

/** Which participant a label is, if exactly one matches by full name, or else by first name. */
export function matchCandidate(name: string, candidates: Candidate[]): Candidate | undefined {
  const key = fold(name);
  const byName = candidates.filter((c) => fold(c.name) === key);
  if (byName.length === 1) return byName[0];
  if (byName.length > 1 || /\s/.test(key)) return undefined;
  const byFirst = candidates.filter((c) => c.kind === 'person' && firstName(c.name) === key);
  return byFirst.length === 1 ? byFirst[0] : undefined;
}

export function suggest(label: string, candidates: Candidate[]): Suggestion {
  const reading = readLabel(label);
  if (reading.roleOnly && isResearchTeamLabel(label)) {
    const team = researchTeam(candidates);
    if (team.length === 1) return { participantId: team[0]!.id, name: team[0]!.name, role: reading.role };
    return { participantId: null, name: reading.name, role: reading.role, generic: true };
  }
  const match = reading.roleOnly ? undefined : matchCandidate(reading.name, candidates);
  if (!match) return { participantId: null, name: reading.name, role: reading.role };
  const role = reading.role !== 'participant' ? reading.role : (sessionRole(match.role) ?? 'participant');
  return { participantId: match.id, name: match.name, role };
}
