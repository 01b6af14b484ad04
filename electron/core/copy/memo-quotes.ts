/**
 * Talk quoted in a memo. A memo is the analyst's own writing, but it may hold a transcript's words
 * (typed or pasted from elsewhere): a copy out of the memo must not become a way round the gate.
 *
 * Matching reads text as detection does, not code unit by code unit: normalised (invisible characters
 * dropped, NFKC, lookalikes and non-ASCII digits folded; see pseudonyms/normalise.ts), then folded
 * (case, macrons, double vowels, dashes, apostrophes; shared/text/fold.ts) and cut into words, so
 * spacing (no-break and narrow no-break spaces, line breaks), punctuation and case change nothing.
 * Any run of MIN_WORDS or more words that a source holds in the same order is found, and answers to
 * the gate as the source range it came from (first word's start to last word's end).
 *
 * Windows of WINDOW words are taken every STEP words of the memo text; a shared run of
 * MIN_WORDS ≥ WINDOW + STEP − 1 words holds one whole window, which is looked up in each source's
 * word string and then grown both ways to the longest run the two share.
 */
import type { ProjectDb } from '../db/open-project';
import { normalise } from '../pseudonyms/normalise';
import { tokenise } from '../pseudonyms/tokens';
import type { TalkRange } from './selection-copy';

/** About what a reader recognises as a quote rather than a common phrase. */
export const MIN_WORDS = 8;
const WINDOW = 5;
const STEP = MIN_WORDS - WINDOW + 1;
/** Occurrences of one window looked at per source (a phrase repeated more often than this is not a quote). */
const MAX_HITS = 20;

export interface Words {
  /** Folded words. */
  words: string[];
  /** Stored range of each word. */
  start: number[];
  end: number[];
  /** ` w1 w2 … wn ` and where each word starts in it. */
  joined: string;
  at: number[];
}

/** The folded words of stored `text` with their stored offsets. */
export function wordsOf(text: string): Words {
  const n = normalise(text.normalize('NFC'));
  const read = n?.text ?? text;
  const t = tokenise(read);
  const words: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const at: number[] = [];
  let joined = ' ';
  for (const tok of t.tokens) {
    words.push(tok.word);
    start.push(n ? n.src[tok.start]! : tok.start);
    end.push(n ? n.srcEnd[tok.end - 1]! : tok.end);
    at.push(joined.length);
    joined += `${tok.word} `;
  }
  return { words, start, end, joined, at };
}

/** The folded, word-by-word reading of `text`: ` w1 w2 … ` (for containment checks). */
export function wordKey(text: string): string {
  return wordsOf(text).joined;
}

export function quotedTalk(db: ProjectDb, memoText: string): TalkRange[] {
  const memo = wordsOf(memoText);
  if (memo.words.length < MIN_WORDS) return [];
  const sources = (db.prepare('SELECT id, text FROM sources').all() as Array<{ id: number; text: string }>).map((s) => ({ id: s.id, w: wordsOf(s.text) }));
  const found: TalkRange[] = [];
  const covered = (sourceId: number, word: number) => found.some((f) => f.sourceId === sourceId && f.first! <= word && word <= f.last!);
  const byAt = (w: Words, pos: number) => {
    // The word index starting at joined offset `pos` (binary search).
    let lo = 0;
    let hi = w.at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (w.at[mid]! < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (let m = 0; m + WINDOW <= memo.words.length; m += STEP) {
    const needle = ` ${memo.words.slice(m, m + WINDOW).join(' ')} `;
    if (!/\p{L}.*\p{L}/u.test(needle)) continue;
    for (const s of sources) {
      let pos = s.w.joined.indexOf(needle);
      for (let hits = 0; pos !== -1 && hits < MAX_HITS; hits++, pos = s.w.joined.indexOf(needle, pos + 1)) {
        const k = byAt(s.w, pos + 1);
        if (covered(s.id, k)) continue;
        let a = k;
        let b = m;
        while (a > 0 && b > 0 && s.w.words[a - 1] === memo.words[b - 1]) (a--, b--);
        let e = k + WINDOW - 1;
        let f = m + WINDOW - 1;
        while (e + 1 < s.w.words.length && f + 1 < memo.words.length && s.w.words[e + 1] === memo.words[f + 1]) (e++, f++);
        if (e - a + 1 >= MIN_WORDS) found.push({ sourceId: s.id, start: s.w.start[a]!, end: s.w.end[e]!, first: a, last: e });
      }
    }
  }
  return found.map(({ sourceId, start, end }) => ({ sourceId, start, end }));
}
