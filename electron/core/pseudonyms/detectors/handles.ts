/**
 * Handles and user names built from a register name: `@jasonwhitu`, `jason.whitu`, `jason_whitu`,
 * `whitujason`, `jwhitu`, `JasonWhitu99`. A person reads them as the name; the register-name matcher
 * sees one unknown word (or a first name and a word: "whitu" is also seven). Keys are the folded
 * first name and surname joined (either order) and the first initial with the surname (a surname of
 * four letters or more), matched against a word, or words joined by `.`, `_` or `-` with no space,
 * trailing digits dropped. An `@` before it goes with it. Replaced by `[handle]`: the handle itself
 * says who, so it is never printed, whatever the pseudonym.
 */
import { fold } from '../../../../shared/text/fold';
import type { RegisterPerson } from '../context';
import type { TokenisedText } from '../tokens';
import type { Detection } from './types';
import { PRIORITY } from './types';

export interface HandleKey {
  participantId: number;
}

const HANDLE_GAP = /^[._\-]$/;
const MAX_PARTS = 3;

/** The handle keys of the register (folded letters, no separators). */
export function handleKeys(people: RegisterPerson[], everyday: (folded: string) => boolean): Map<string, HandleKey> {
  const keys = new Map<string, HandleKey>();
  const ambiguous = new Set<string>();
  const add = (key: string, id: number) => {
    if (key.length < 5 || everyday(key)) return;
    const had = keys.get(key);
    if (had && had.participantId !== id) ambiguous.add(key);
    keys.set(key, { participantId: id });
  };
  for (const p of people) {
    const parts = p.name
      .trim()
      .split(/\s+/)
      .map((x) => fold(x).replace(/[^\p{L}]/gu, ''))
      .filter(Boolean);
    if (parts.length < 2) continue;
    const first = parts[0]!;
    const last = parts[parts.length - 1]!;
    add(first + last, p.id);
    add(last + first, p.id);
    add(parts.join(''), p.id);
    if (last.length >= 4) add(first.charAt(0) + last, p.id);
  }
  // Two people share a handle key: still a handle, still identifying; the participant is unknown.
  for (const k of ambiguous) keys.set(k, { participantId: 0 });
  return keys;
}

export function detectHandles(t: TokenisedText, keys: Map<string, HandleKey>): Detection[] {
  if (!keys.size) return [];
  const { text, tokens } = t;
  const out: Detection[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let key = '';
    let best = -1;
    let hit: HandleKey | undefined;
    for (let n = 0; n < MAX_PARTS && i + n < tokens.length; n++) {
      if (n > 0 && !HANDLE_GAP.test(text.slice(tokens[i + n - 1]!.end, tokens[i + n]!.start))) break;
      key += tokens[i + n]!.word;
      const h = keys.get(key.replace(/\d+$/, ''));
      if (h) (best = n), (hit = h);
    }
    if (best < 0 || !hit) continue;
    const at = tokens[i]!.start;
    const start = text.charAt(at - 1) === '@' ? at - 1 : at;
    out.push({
      start,
      end: tokens[i + best]!.end,
      kind: 'participant',
      suggestion: '[handle]',
      priority: PRIORITY.register,
      covered: true,
      note: 'a handle or user name built from a name in the participant register',
      ...(hit.participantId ? { participantId: hit.participantId } : {}),
    });
    i += best;
  }
  return out;
}
