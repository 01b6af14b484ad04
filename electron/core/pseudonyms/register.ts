/**
 * Term matching for the register and the rules: each term (a participant's full name, first name,
 * surname; a rule's term and variants) is folded and matched as a whole word in folded text, longest
 * first, then mapped back to the stored text. Full names match in any case. A single-word term
 * written with a capital matches in lower case too (`ngata`, `geoff`), unless it is an everyday word
 * (`everyday`: a te reo or English word such as aroha, mere, baker): then a lower-case occurrence is
 * returned marked `weak`, and the caller keeps it only where the words around it say name. A match
 * inside a hyphenated lower-case word (`sharma-ish`) is not the name.
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
  /** A lower-case occurrence of a capitalised single-word term that is also an everyday word. */
  weak?: boolean;
  /** Written with a capital. */
  capital: boolean;
}

interface Compiled<V> {
  folded: string;
  /** Single word written with a capital. */
  capitalised: boolean;
  /** ...and an everyday word, so lower case is weak. */
  everyday: boolean;
  value: V;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class TermMatcher<V> {
  private readonly regex: RegExp | null;
  private readonly byFolded = new Map<string, Compiled<V>[]>();

  constructor(terms: Term<V>[], everyday: (folded: string) => boolean = () => true) {
    const compiled: Compiled<V>[] = [];
    for (const t of terms) {
      const text = t.text.trim().replace(/\s+/g, ' ');
      const folded = fold(text);
      if (!/[\p{L}\p{N}]/u.test(folded)) continue;
      const singleWord = !/\s/.test(text);
      const first = text.charAt(0);
      const capitalised = singleWord && first !== first.toLowerCase();
      compiled.push({ folded, capitalised, everyday: capitalised && everyday(folded), value: t.value });
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
      if (capital || !entries.some((e) => e.capitalised)) {
        out.push({ start, end, value: entries[0]!.value, capital });
        continue;
      }
      // Lower case, of a term written with a capital: not inside a hyphenated word.
      if (/[-\u2010-\u2015]\p{L}/u.test(text.slice(end, end + 2)) || /\p{L}[-\u2010-\u2015]/u.test(text.slice(Math.max(0, start - 2), start))) continue;
      const strong = entries.find((e) => !e.everyday);
      if (strong) out.push({ start, end, value: strong.value, capital });
      else out.push({ start, end, value: entries[0]!.value, capital, weak: true });
    }
    return out;
  }
}
