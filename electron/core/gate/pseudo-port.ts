/**
 * What the gate needs from pseudonymisation (electron/core/pseudonyms): the candidates detected in a
 * text and the text with every rule applied to a copy. Kept behind this small interface so the gate's
 * rows read the same whatever the detectors do.
 */
import type { Candidate } from '../../../shared/domain/pseudonyms';
import type { ProjectDb } from '../db/open-project';
import { detectIdentifiers, loadPseudoContext } from '../pseudonyms/index';
import { applyCandidates } from '../pseudonyms/replace';

export interface PseudoPort {
  detect(text: string): Candidate[];
  /**
   * The text with rules applied (a copy; stored text is never changed) and what is still unresolved.
   * `before` / `after`: the source text around a fragment (a quote cut, trimmed or split at a turn),
   * so an identifier the fragment's edge cuts through is judged whole.
   */
  pseudonymise(text: string, before?: string, after?: string): { text: string; unresolved: Candidate[] };
}

/** How far past a fragment's end detection looks: far enough for any name, number or address. */
const LOOKAHEAD = 80;

/**
 * The words after a fragment that could still belong to an identifier it ends inside: up to the
 * next sentence end or line break, at most LOOKAHEAD characters.
 */
function afterTail(after: string): string {
  const tail = after.slice(0, LOOKAHEAD);
  const stop = tail.search(/[.!?…]\s|\n/);
  return stop === -1 ? tail : tail.slice(0, stop);
}

/**
 * Candidates of `text` seen with the words after it: detection runs on text + tail, and a candidate
 * that reaches into the tail is clipped to the fragment. Its status is the whole identifier's, so the
 * first half of a pending phone number is pending, and the first half of a covered one is replaced.
 */
export function detectWithContext(detect: (text: string) => Candidate[], text: string, after: string | undefined): Candidate[] {
  const tail = after ? afterTail(after) : '';
  if (!tail || !text) return detect(text);
  const out: Candidate[] = [];
  for (const c of detect(text + tail)) {
    if (c.start >= text.length) continue;
    if (c.end <= text.length) {
      out.push(c);
      continue;
    }
    const end = text.length;
    out.push({ ...c, end, text: text.slice(c.start, end), note: c.note ?? 'cut through by the edge of the quote or a cut: judged as the whole identifier' });
  }
  return out;
}

/** The project's rules, decisions and register, loaded once for a batch of quotes. */
export function pseudoPort(db: ProjectDb): PseudoPort {
  const ctx = loadPseudoContext(db);
  return {
    detect: (text) => detectIdentifiers(ctx, text),
    pseudonymise: (text, before, after) => {
      const opts = before ? { before } : {};
      const r = applyCandidates(text, detectWithContext((t) => detectIdentifiers(ctx, t, opts), text, after));
      return { text: r.text, unresolved: r.unresolved };
    },
  };
}
