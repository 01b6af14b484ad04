/**
 * What the transcript shows around the text, never inside it: speaker names (a participant's name
 * once the label is mapped to one), roles, timestamps and the names of session parts.
 */
import type { Speaker } from '../../../shared/domain/project';

export interface SpeakerInfo {
  /** The participant's name when the label is mapped to one, else the label as written. */
  name: string;
  /** The label as written in the transcript, when it differs from the name shown. */
  label: string;
  role: string;
  /** Facilitators and interviewers are styled apart from the people they are listening to. */
  facilitator: boolean;
}

export type ParticipantNames = Map<number, { name: string; pseudonym: string | null }>;

const FACILITATOR_ROLES = new Set(['facilitator', 'interviewer', 'co-facilitator', 'moderator']);

export { formatTimestamp } from '../../../shared/format/timestamps';

export function speakerInfo(speaker: Speaker | undefined, participants?: ParticipantNames): SpeakerInfo | null {
  if (!speaker) return null;
  const mapped = speaker.participantId !== null ? participants?.get(speaker.participantId) : undefined;
  const name = mapped?.name || speaker.label;
  return { name, label: speaker.label, role: speaker.role, facilitator: FACILITATOR_ROLES.has(speaker.role.toLowerCase()) };
}

/** A session part's kind as people say it: `karakia-whakamutunga` → `karakia whakamutunga`. */
const MACRONS: Record<string, string> = { powhiri: 'pōwhiri', korero: 'kōrero' };

export function partLabel(kind: string, ledBy: string): string {
  // Kinds are stored without macrons (powhiri); te reo is shown with them.
  const name = (MACRONS[kind] ?? kind).replace(/[-_]+/g, ' ').trim();
  return ledBy ? `${name} (led by ${ledBy})` : name;
}

const COLOR = /^(#[0-9a-f]{3,8}|[a-z]{3,30}|(rgb|hsl)a?\([\d\s.,%/+-]+\))$/i;

/**
 * A code's colour as given, if it is a plain CSS colour; grey otherwise. Colours are spliced into
 * gradient and shadow declarations, so anything else (a url(), a stray bracket) never reaches CSS.
 */
export function safeColor(color: string): string {
  const c = color.trim();
  return COLOR.test(c) ? c : '#9aa1ac';
}
