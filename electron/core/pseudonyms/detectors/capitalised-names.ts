/**
 * Capitalised names that are not in the register: likely third parties (a doctor, a relative, a
 * colleague). A run of capitalised words is a candidate unless its words are te reo words, common
 * English words at a sentence start, days, months, titles, peoples, products or acronyms. A single
 * capitalised word at the start of a sentence is not flagged unless it is capitalised elsewhere in
 * the text mid-sentence, or is followed by another capitalised word.
 */
import type { Gazetteer } from '../gazetteer';
import { isCapitalised, joinable, type Token, type TokenisedText } from '../tokens';
import type { Detection } from './types';
import { PRIORITY } from './types';

const TITLES = new Set(['dr', 'doctor', 'mr', 'mrs', 'ms', 'miss', 'nurse', 'professor', 'prof', 'aunty', 'auntie', 'uncle', 'nan', 'nana', 'nanny', 'matua', 'whaea', 'sister', 'father', 'judge', 'constable', 'officer']);

/** Words that typically follow a person's name at the start of a sentence. */
const AFTER_NAME = new Set(['said', 'says', 'told', 'tells', 'asked', 'asks', 'rang', 'rings', 'called', 'calls', 'reckons', 'reckoned', 'from', 'at', 'texted', 'emailed', 'helped', 'works', 'worked']);

function sentenceInitial(text: string, tok: Token): boolean {
  let i = tok.start - 1;
  while (i >= 0 && /[\s"'“‘(\[*_-]/.test(text.charAt(i)) && text.charAt(i) !== '\n') i--;
  if (i < 0) return true;
  return /[.!?:;\n…]/.test(text.charAt(i));
}

function isAcronym(text: string, tok: Token): boolean {
  const s = text.slice(tok.start, tok.end);
  return s.length >= 2 && s === s.toUpperCase() && s !== s.toLowerCase();
}

export function detectCapitalisedNames(t: TokenisedText, g: Gazetteer): Detection[] {
  const { text, tokens } = t;
  // Tokens inside a stop phrase (te reo, English function words, days...) are never names.
  const stop = new Array<boolean>(tokens.length).fill(false);
  for (const m of g.stop.find(t)) for (let k = m.first; k <= m.last; k++) stop[k] = true;
  // Words seen capitalised mid-sentence somewhere in this text: names even at a sentence start.
  const midCaps = new Set<string>();
  for (const tok of tokens) if (isCapitalised(text, tok) && !sentenceInitial(text, tok)) midCaps.add(tok.word);

  const candidate = (k: number) => {
    const tok = tokens[k]!;
    return isCapitalised(text, tok) && tok.end - tok.start > 1 && !/\d/.test(text.slice(tok.start, tok.end)) && !isAcronym(text, tok);
  };

  const out: Detection[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!candidate(i) && !(isCapitalised(text, tokens[i]!) && TITLES.has(tokens[i]!.word))) {
      i++;
      continue;
    }
    // A run of capitalised words, single-space or hyphen separated.
    let last = i;
    while (last + 1 < tokens.length && joinable(t, last) && !/,/.test(text.slice(tokens[last]!.end, tokens[last + 1]!.start)) && candidate(last + 1)) last++;
    const runEnd = last;
    let first = i;
    let afterTitle = false;
    // Drop a leading title (Dr Angela Brooks → Angela Brooks, kept as "Dr [name]").
    if (TITLES.has(tokens[first]!.word) && first < last) {
      first++;
      afterTitle = true;
    }
    // Drop a leading sentence-initial common word ("When Hone came" → "Hone").
    if (!afterTitle && sentenceInitial(text, tokens[first]!) && (g.common.has(tokens[first]!.word) || stop[first]) && first < last) first++;
    // Trim stop words at both ends (a name right after a title stays, even a te reo word: Whaea Mihi).
    while (first <= last && stop[first] && !afterTitle) first++;
    while (last > first && stop[last]) last--;
    if (last === first && stop[last] && !afterTitle) last--;
    if (first <= last) {
      const words = tokens.slice(first, last + 1);
      const allStop = !afterTitle && words.every((_, k) => stop[first + k]);
      const single = first === last;
      const initial = sentenceInitial(text, tokens[first]!);
      const commonStart = initial && g.common.has(tokens[first]!.word);
      // A lone capitalised word at a sentence start is a name when the next word is one that
      // follows people: "Sarah said", "Mike at Work and Income", "Brendon told me".
      const next = tokens[last + 1];
      const nameContext = !!next && joinable(t, last) && AFTER_NAME.has(next.word) && words[0]!.end - words[0]!.start >= 3;
      const knownName = g.firstNames.has(tokens[first]!.word);
      const skip = allStop || commonStart || (single && initial && !afterTitle && !midCaps.has(tokens[first]!.word) && !nameContext && !knownName);
      if (!skip) {
        out.push({
          start: tokens[first]!.start,
          end: tokens[last]!.end,
          kind: 'third-party',
          suggestion: '[name]',
          priority: PRIORITY.capitalised,
          note: afterTitle ? 'a name after a title' : 'a capitalised name not in the register',
        });
      }
    }
    i = runEnd + 1;
  }
  return out;
}
