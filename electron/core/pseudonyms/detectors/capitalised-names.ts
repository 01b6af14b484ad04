/**
 * Capitalised names that are not in the register: likely third parties (a doctor, a relative, a
 * colleague). A run of capitalised words is a candidate unless its words are te reo words, common
 * English words at a sentence start, days, months, titles, peoples, products or acronyms. A single
 * capitalised word at the start of a sentence is not flagged unless it is capitalised elsewhere in
 * the text mid-sentence, or is followed by another capitalised word.
 *
 * A te reo word is still a name where names stand (many Māori given names are words):
 *   - before a capitalised surname: "Aroha Williams";
 *   - after a title or kinship word: "Whaea Moana", "my koro Rangi", "Aunty Huia";
 *   - before a verb people do: "Moana said" (not a noun for people: "Kaumātua said");
 *   - mid-sentence, capitalised, a te reo word that is also a common given name (te-reo.json
 *     alsoGivenNames: Aroha, Moana, Rangi...) is a low-confidence pending candidate a person decides
 *     once for the project (decisions are kept by folded text).
 * A name starting with "Te" keeps its "Te" ("Te Rangi", never "Te [name]"); three or more capitalised
 * words starting with "Te" that are not one te reo phrase are an organisation ("Te Puna Oranga").
 * A run that holds a gazetteer place is labelled as that place ("[town]"), not "[name]".
 */
import type { Gazetteer } from '../gazetteer';
import { isCapitalised, joinable, type Token, type TokenisedText } from '../tokens';
import { PERSON_NOUNS, PERSON_VERBS, KINSHIP, TITLES, wordBefore } from './name-context';
import type { Detection } from './types';
import { PRIORITY } from './types';

/** What follows an apostrophe in a contraction or possessive, not in a name. */
const CONTRACTION = new Set(['s', 't', 'll', 're', 've', 'd', 'm']);
/** Connectors inside one name. */
const CONNECT = new Set(['o', 'ki']);
const CONNECT_TE = new Set(['a', 'i']);

/** Words that typically follow a person's name at the start of a sentence. */
const AFTER_NAME = new Set([...PERSON_VERBS, 'from', 'at']);

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

/** The gazetteer place inside tokens [first, last], if any (longest). */
function placeWithin(t: TokenisedText, g: Gazetteer, first: number, last: number) {
  for (let n = last - first + 1; n >= 1; n--) {
    for (let a = first; a + n - 1 <= last; a++) {
      const e = g.places.get(t.tokens.slice(a, a + n).map((x) => x.word).join(' '));
      if (e && e.kind === 'place') return e;
    }
  }
  return undefined;
}

export function detectCapitalisedNames(t: TokenisedText, g: Gazetteer): Detection[] {
  const { text, tokens } = t;
  // Tokens inside a stop phrase (te reo, English function words, days...) are never names on their
  // own; `phrase` marks tokens of a stop phrase of two or more words ("Te Whare Tapa Whā").
  const stop = new Array<boolean>(tokens.length).fill(false);
  const phrase = new Array<boolean>(tokens.length).fill(false);
  for (const m of g.stop.find(t)) for (let k = m.first; k <= m.last; k++) (stop[k] = true), (phrase[k] = m.last > m.first);
  // Words seen capitalised mid-sentence somewhere in this text: names even at a sentence start.
  const midCaps = new Set<string>();
  for (const tok of tokens) if (isCapitalised(text, tok) && !sentenceInitial(text, tok)) midCaps.add(tok.word);

  const candidate = (k: number) => {
    const tok = tokens[k]!;
    return isCapitalised(text, tok) && tok.end - tok.start > 1 && !/\d/.test(text.slice(tok.start, tok.end)) && !isAcronym(text, tok);
  };
  // A single te reo word (not part of a phrase) that can be a given name before a surname.
  const teReoName = (k: number) => stop[k] && !phrase[k] && g.teReoWords.has(tokens[k]!.word);
  const surname = (k: number) => k < tokens.length && !stop[k] && !g.common.has(tokens[k]!.word);

  const out: Detection[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!candidate(i) && !(isCapitalised(text, tokens[i]!) && TITLES.has(tokens[i]!.word))) {
      i++;
      continue;
    }
    // A run of capitalised words, single-space or hyphen separated; a part after an apostrophe with no
    // space (Fa'amausili, Ta'ala) belongs to the word; te reo connectors join the words of one name
    // (Te Rūnanga o Raukawa; "a" and "i" only in a name starting with Te).
    let last = i;
    const teRun = tokens[i]!.word === 'te';
    for (;;) {
      if (last + 1 >= tokens.length || !joinable(t, last)) break;
      const gap = text.slice(tokens[last]!.end, tokens[last + 1]!.start);
      if (/,/.test(gap)) break;
      if (candidate(last + 1)) last++;
      else if (/^['’]$/.test(gap) && !CONTRACTION.has(tokens[last + 1]!.word)) last++;
      else if ((CONNECT.has(tokens[last + 1]!.word) || (teRun && CONNECT_TE.has(tokens[last + 1]!.word))) && / $/.test(gap) && joinable(t, last + 1) && candidate(last + 2)) last += 2;
      else break;
    }
    const runEnd = last;
    let first = i;
    // A title inside the run starts the name after it ("Ask Nan Huhana" → "Huhana").
    for (let k = i + 1; k < last; k++) if (TITLES.has(tokens[k]!.word) && isCapitalised(text, tokens[k]!)) first = k;
    let afterTitle = false;
    let note = 'a capitalised name not in the register';
    let kind: Detection['kind'] = 'third-party';
    let suggestion = '[name]';
    let lowConfidence = false;
    const te = tokens[first]!.word === 'te' && first < last;
    // Drop a leading title (Dr Angela Brooks → Angela Brooks, kept as "Dr [name]").
    if (TITLES.has(tokens[first]!.word) && first < last) {
      first++;
      afterTitle = true;
    } else if (KINSHIP.has(wordBefore(t, first)) && !isCapitalised(text, tokens[first - 1]!)) {
      // "my koro Rangi", "her cousin Tipene": a name after a kinship word, even a te reo word.
      afterTitle = true;
    }
    const keepLead = (k: number) => teReoName(k) && k < last && surname(k + 1);
    // Drop a leading sentence-initial common word ("When Hone came" → "Hone").
    if (!afterTitle && !te && sentenceInitial(text, tokens[first]!) && (g.common.has(tokens[first]!.word) || stop[first]) && first < last && !keepLead(first)) first++;
    // Trim stop words at both ends (a name right after a title stays, even a te reo word: Whaea Mihi;
    // so does a te reo given name before a surname: Aroha Williams; and the Te of a name).
    if (!te) while (first < last && stop[first] && !afterTitle && !keepLead(first)) first++;
    const allPhrase = tokens.slice(first, last + 1).every((_, k) => phrase[first + k]);
    if (te && last - first >= 2 && !allPhrase) {
      kind = 'organisation';
      suggestion = '[organisation]';
      note = 'a name starting with Te: an organisation, a place or a person';
    } else if (!te || allPhrase) {
      while (last > first && stop[last]) last--;
      if (last === first && stop[last] && !afterTitle) {
        // A lone te reo word: a name where names stand, else a word.
        const w = tokens[last]!.word;
        const verb = PERSON_VERBS.has(tokens[last + 1] && joinable(t, last) ? tokens[last + 1]!.word : '');
        if (g.teReoWords.has(w) && !phrase[last] && verb && !PERSON_NOUNS.has(w)) note = 'a te reo word before a verb people do: it may be a name';
        else if (g.teReoGivenNames.has(w) && !sentenceInitial(text, tokens[last]!)) {
          note = 'a te reo word that is also a given name, capitalised mid-sentence: decide once whether it is a name here';
          lowConfidence = true;
        } else last--;
      }
    }
    if (first <= last) {
      const words = tokens.slice(first, last + 1);
      const allStop = !afterTitle && !te && !lowConfidence && note === 'a capitalised name not in the register' && words.every((_, k) => stop[first + k]) && !keepLead(first);
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
        const place = kind === 'third-party' ? placeWithin(t, g, first, last) : undefined;
        if (place) {
          kind = 'place';
          suggestion = place.replacement;
          note = 'a capitalised name holding a place in the gazetteer';
        }
        out.push({
          start: tokens[first]!.start,
          end: tokens[last]!.end,
          kind,
          suggestion,
          priority: PRIORITY.capitalised,
          note: afterTitle ? 'a name after a title or kinship word' : note,
        });
      }
    }
    i = runEnd + 1;
  }
  return out;
}
