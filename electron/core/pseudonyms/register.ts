/**
 * Term matching for the register and the rules: each term (a participant's full name, first name,
 * surname; a rule's term and variants) is folded and matched as a whole word in folded text, longest
 * first, then mapped back to the stored text. A single-word term written with a capital matches only
 * capitalised words, so the name Aroha is found but the word aroha (love) is not; full names match in
 * any case.
 */
import { fold, foldWithMap } from '../../../shared/text/fold';

export interface Term<V> {
  text: string;
  value: V;
}

export interface TermMatch<V> {
  start: number;
  end: number;
  value: V;
}

interface Compiled<V> {
  folded: string;
  capitalOnly: boolean;
  value: V;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class TermMatcher<V> {
  private readonly regex: RegExp | null;
  private readonly byFolded = new Map<string, Compiled<V>[]>();

  constructor(terms: Term<V>[]) {
    const compiled: Compiled<V>[] = [];
    for (const t of terms) {
      const text = t.text.trim().replace(/\s+/g, ' ');
      const folded = fold(text);
      if (!/[\p{L}\p{N}]/u.test(folded)) continue;
      const singleWord = !/\s/.test(text);
      const first = text.charAt(0);
      const capitalOnly = singleWord && first !== first.toLowerCase();
      compiled.push({ folded, capitalOnly, value: t.value });
    }
    for (const c of compiled) {
      const list = this.byFolded.get(c.folded) ?? [];
      list.push(c);
      this.byFolded.set(c.folded, list);
    }
    const alts = [...this.byFolded.keys()].sort((a, b) => b.length - a.length).map((f) => escape(f).replace(/ /g, '\\s+'));
    this.regex = alts.length ? new RegExp(`(?:${alts.join('|')})(?![\\p{L}\\p{N}])`, 'gu') : null;
  }

  /** Matches in `text`; pass its folded form and map when already computed (tokenise does). */
  find(text: string, prepared?: { folded: string; map: number[] }): TermMatch<V>[] {
    if (!this.regex) return [];
    const { folded, map } = prepared ?? foldWithMap(text);
    const out: TermMatch<V>[] = [];
    const re = this.regex;
    re.lastIndex = 0;
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      // Whole words only: a match right after a letter or digit is inside a word; look again one on.
      if (m.index > 0 && WORD_CHAR.test(folded.charAt(m.index - 1))) {
        re.lastIndex = m.index + 1;
        continue;
      }
      const key = m[0].replace(/\s+/g, ' ');
      const entries = this.byFolded.get(key);
      if (!entries) continue;
      const start = map[m.index] ?? text.length;
      const end = map[m.index + m[0].length] ?? text.length;
      const ch = text.charAt(start);
      const capital = ch !== ch.toLowerCase();
      const entry = entries.find((e) => !e.capitalOnly || capital);
      if (entry) out.push({ start, end, value: entry.value });
    }
    return out;
  }
}
