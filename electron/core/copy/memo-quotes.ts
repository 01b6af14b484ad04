/**
 * Talk quoted word for word in a memo. A memo is the analyst's own writing, but it may hold a
 * transcript's words (typed or pasted from elsewhere): a copy out of the memo must not become a way
 * round the gate. Stretches of at least MIN_QUOTE characters that appear verbatim in a source are
 * found here, so the caller can run the gate on those source ranges.
 *
 * Windows of WINDOW characters are taken every STEP characters of the memo text; any shared stretch
 * of MIN_QUOTE ≥ WINDOW + STEP characters holds one whole window, which is looked up in each source
 * and then grown both ways to the longest stretch the two texts share.
 */
import type { ProjectDb } from '../db/open-project';
import type { TalkRange } from './selection-copy';

const WINDOW = 32;
const STEP = 16;
export const MIN_QUOTE = WINDOW + STEP;
/** Occurrences of one window looked at per source (a phrase repeated more often than this is not a quote). */
const MAX_HITS = 20;

export function verbatimQuotes(db: ProjectDb, memoText: string): TalkRange[] {
  const text = memoText.normalize('NFC');
  if (text.length < MIN_QUOTE) return [];
  const sources = db.prepare('SELECT id, text FROM sources').all() as Array<{ id: number; text: string }>;
  const found: TalkRange[] = [];
  const covered = (sourceId: number, at: number) => found.some((f) => f.sourceId === sourceId && f.start <= at && at < f.end);
  for (let m = 0; m + WINDOW <= text.length; m += STEP) {
    const window = text.slice(m, m + WINDOW);
    if (!/\p{L}.*\p{L}/u.test(window)) continue;
    for (const s of sources) {
      let at = s.text.indexOf(window);
      for (let hits = 0; at !== -1 && hits < MAX_HITS; hits++, at = s.text.indexOf(window, at + 1)) {
        if (covered(s.id, at)) continue;
        let a = at;
        let b = m;
        while (a > 0 && b > 0 && s.text[a - 1] === text[b - 1]) (a--, b--);
        let e = at + WINDOW;
        let f = m + WINDOW;
        while (e < s.text.length && f < text.length && s.text[e] === text[f]) (e++, f++);
        if (e - a >= MIN_QUOTE) found.push({ sourceId: s.id, start: a, end: e });
      }
    }
  }
  return found;
}
