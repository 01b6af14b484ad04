/**
 * Recognising `Speaker: what they said` at the start of a line, shared by every format.
 *
 * A label is what transcribers write before a colon: `Aroha Ngata`, `GEOFF`, `INTERVIEWER`,
 * `Facilitator (Sam Lee)`, `Participant 3`, `Q`. The rules are tight enough that ordinary
 * sentences with a colon ("He said to me: go home") are not taken for speakers.
 */

export const MAX_LABEL_LENGTH = 60;

/** Letters (any script, macrons included), digits, spaces, parentheses, apostrophes, dots and hyphens. */
const PREFIX = /^(\p{L}[\p{L}\p{M}\p{N} .'’()-]*?)[ \t]*:(?:[ \t]+|$)/u;

/** Lower-case words that occur inside names: `Hēmi te Whata`, `Ludwig van Beethoven`. */
const NAME_PARTICLES = new Set(['te', 'o', 'a', 'ki', 'nā', 'de', 'da', 'di', 'del', 'van', 'von', 'der', 'den', 'la', 'le', 'du', 'bin', 'al', 'y']);

export interface SpeakerPrefix {
  /** The label as written, trimmed. */
  label: string;
  /** The rest of the line after the colon, trimmed at the start. */
  rest: string;
}

/** Splits `Label: rest` when the part before the colon looks like a speaker label. */
export function splitSpeakerPrefix(line: string): SpeakerPrefix | undefined {
  const m = PREFIX.exec(line);
  if (!m || m[1] === undefined) return undefined;
  const label = m[1].trim();
  if (!looksLikeSpeakerLabel(label)) return undefined;
  return { label, rest: line.slice(m[0].length).trimStart() };
}

/**
 * True when `label` reads as a name or role: at most 60 characters, parentheses balanced, at
 * most five words outside parentheses, and when there are several words each is capitalised,
 * a number, or a name particle. One word may be any case (`interviewer`, `Q`).
 */
export function looksLikeSpeakerLabel(label: string): boolean {
  if (label === '' || label.length > MAX_LABEL_LENGTH) return false;
  if (!/^[\p{L}]/u.test(label) || !/^[\p{L}\p{M}\p{N} .'’()-]+$/u.test(label)) return false;
  if (!parenthesesBalanced(label)) return false;
  const words = label.replace(/\([^()]*\)/g, ' ').split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 5) return false;
  if (words.length === 1) return true;
  return words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || NAME_PARTICLES.has(w) || /^\p{Ll}['’]\p{Lu}/u.test(w));
}

function parenthesesBalanced(s: string): boolean {
  let depth = 0;
  for (const ch of s) {
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0;
}
