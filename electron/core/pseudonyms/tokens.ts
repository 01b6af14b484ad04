/**
 * Folded word tokens with offsets back into the original text, and a phrase dictionary that finds
 * whole-word phrases (longest first) in them. Every term match in pseudonymisation goes through
 * here, so case, macrons, double vowels, dashes and apostrophes fold the same way everywhere.
 */
import { fold, foldWithMap } from '../../../shared/text/fold';

export interface Token {
  /** Folded word (letters and digits only); `&` is read as `and`. */
  word: string;
  /** Range in the original text. */
  start: number;
  end: number;
}

export interface TokenisedText {
  text: string;
  tokens: Token[];
  /** The folded text and its map back to `text` (see foldWithMap), kept for term matching. */
  folded: string;
  map: number[];
}

const WORD = /[\p{L}\p{N}]+|&/gu;
// What may separate two words of one phrase: spaces (not line breaks: a turn or heading ends a
// phrase), hyphens and dashes, commas. Not full stops.
const GAP = /^[^\S\n\r]*[-\u2010-\u2015,'\u2019]?[^\S\n\r]*$/u;

export function tokenise(text: string): TokenisedText {
  const { folded, map } = foldWithMap(text);
  const tokens: Token[] = [];
  for (const m of folded.matchAll(WORD)) {
    const fs = m.index;
    const fe = fs + m[0].length;
    tokens.push({ word: m[0] === '&' ? 'and' : m[0], start: map[fs] ?? text.length, end: map[fe] ?? text.length });
  }
  return { text, tokens, folded, map };
}

/** The folded, whitespace-normalised key of a phrase: `Capital & Coast DHB` → `capital and coast dhb`. */
export function phraseKey(phrase: string): string {
  return (fold(phrase).match(WORD) ?? []).map((w) => (w === '&' ? 'and' : w)).join(' ');
}

/** True when tokens i and i+1 may belong to one phrase. */
export function joinable(t: TokenisedText, i: number): boolean {
  const a = t.tokens[i];
  const b = t.tokens[i + 1];
  if (!a || !b) return false;
  return GAP.test(t.text.slice(a.end, b.start));
}

export interface PhraseMatch<V> {
  start: number;
  end: number;
  /** Token indexes [first, last]. */
  first: number;
  last: number;
  value: V;
}

/** A dictionary of phrases; `find` returns whole-word, non-overlapping, longest-first matches. */
export class PhraseDict<V> {
  private readonly map = new Map<string, V>();
  /** First words of every phrase: most tokens start none, and are skipped at once. */
  private readonly firstWords = new Set<string>();
  private maxWords = 0;

  get size(): number {
    return this.map.size;
  }

  /** Adds a phrase; an existing entry for the same key is kept unless `replace`. */
  add(phrase: string, value: V, replace = false): void {
    const key = phraseKey(phrase);
    if (!key) return;
    if (!replace && this.map.has(key)) return;
    this.map.set(key, value);
    this.firstWords.add(key.split(' ')[0]!);
    this.maxWords = Math.max(this.maxWords, key.split(' ').length);
  }

  get(phrase: string): V | undefined {
    return this.map.get(phraseKey(phrase));
  }

  /** Matches in reading order; at each position the longest phrase wins; `accept` can veto a match. */
  find(t: TokenisedText, accept?: (m: PhraseMatch<V>) => boolean): PhraseMatch<V>[] {
    const out: PhraseMatch<V>[] = [];
    const toks = t.tokens;
    let i = 0;
    while (i < toks.length) {
      if (!this.firstWords.has(toks[i]!.word)) {
        i++;
        continue;
      }
      let found: PhraseMatch<V> | null = null;
      // Grow the phrase while the words are joinable, remembering each candidate length.
      let key = '';
      const keys: string[] = [];
      for (let n = 0; n < this.maxWords && i + n < toks.length; n++) {
        if (n > 0 && !joinable(t, i + n - 1)) break;
        key = n === 0 ? toks[i]!.word : `${key} ${toks[i + n]!.word}`;
        keys.push(key);
      }
      for (let n = keys.length - 1; n >= 0; n--) {
        const value = this.map.get(keys[n]!);
        if (value === undefined) continue;
        const m: PhraseMatch<V> = { start: toks[i]!.start, end: toks[i + n]!.end, first: i, last: i + n, value };
        if (accept && !accept(m)) continue;
        found = m;
        break;
      }
      if (found) {
        out.push(found);
        i = found.last + 1;
      } else i++;
    }
    return out;
  }
}

/** True when the original text of a token starts with a capital letter. */
export function isCapitalised(text: string, tok: Token): boolean {
  const ch = text.slice(tok.start, tok.start + 1);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
