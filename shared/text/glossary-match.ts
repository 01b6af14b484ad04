/**
 * Finding glossary terms in a text, with folded matching: `whanau`, `whaanau` and `whānau` all
 * match the entry `whānau`; `tuakana-teina` matches `tuakana–teina`. Whole words only, longest
 * term first, no overlaps. Ranges are in the original (unfolded) text. Pure: used by the core
 * (glossary-lookup) and by the renderer (hover).
 */
import { fold, foldWithMap } from './fold';

export interface GlossaryTerm {
  id: number;
  term: string;
  gloss: string;
}

export interface TermMatch {
  start: number;
  end: number;
  entry: GlossaryTerm;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Compiles the terms once; call the returned function on as many texts as needed. */
export function glossaryMatcher(terms: GlossaryTerm[]): (text: string) => TermMatch[] {
  const byFolded = new Map<string, GlossaryTerm>();
  for (const t of terms) {
    const f = fold(t.term).replace(/\s+/g, ' ').trim();
    if (f && !byFolded.has(f)) byFolded.set(f, t);
  }
  if (byFolded.size === 0) return () => [];
  const alternatives = [...byFolded.keys()].sort((a, b) => b.length - a.length).map((f) => escape(f).replace(/ /g, '\\s+'));
  const source = `(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`;
  return (text) => {
    const { folded, map } = foldWithMap(text);
    const out: TermMatch[] = [];
    for (const m of folded.matchAll(new RegExp(source, 'gu'))) {
      const key = m[0].replace(/\s+/g, ' ');
      const entry = byFolded.get(key);
      if (!entry) continue;
      const start = map[m.index] ?? 0;
      const end = map[m.index + m[0].length] ?? text.length;
      out.push({ start, end, entry });
    }
    return out;
  };
}
