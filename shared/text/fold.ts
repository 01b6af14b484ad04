/**
 * Folding for matching, never for storage: te reo Māori is stored and shown exactly as written,
 * but a search for `whanau` must find `whānau`, `Maaori` must find `Māori`, and `tuakana-teina`
 * must find `tuakana–teina`. Used by search, quick pickers, detection and pseudonym rules.
 */

const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g;
const APOSTROPHES = /[\u2018\u2019\u02bc]/g;
const MARKS = /\p{M}+/gu;
// Double vowels are the older way to write long vowels (Maaori, whaanau): fold them to one.
const DOUBLE_VOWEL = /([aeiou])\1/g;

/** Lower-case, strip diacritics (macrons included), fold double vowels, dashes and apostrophes. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(DOUBLE_VOWEL, '$1')
    .replace(DASHES, '-')
    .replace(APOSTROPHES, "'");
}

/**
 * Folds `text` and returns, for each code unit of the folded string, the offset in the original
 * it came from (plus one final entry for the end), so a match found in folded text can be
 * mapped back to the exact range of the stored, unfolded text.
 */
const charCache = new Map<string, string>();

export function foldWithMap(text: string): { folded: string; map: number[] } {
  let folded = '';
  const map: number[] = [];
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    let f = charCache.get(ch);
    if (f === undefined) charCache.set(ch, (f = fold(ch)));
    for (let k = 0; k < f.length; k++) map.push(i);
    folded += f;
    i += ch.length;
  }
  // Fold double vowels across characters (e.g. "a" + "ā" → "a"): collapse in the mapped string.
  // Built as an array and joined: appending to a string and asking it endsWith() flattens the
  // rope on every character, which made this quadratic on long transcripts.
  const outChars: string[] = [];
  const outMap: number[] = [];
  let last = '';
  for (let k = 0; k < folded.length; k++) {
    const c = folded[k] ?? '';
    if ('aeiou'.includes(c) && last === c && outMap.length && k > 0 && folded[k - 1] === c) continue;
    outChars.push(c);
    last = c;
    outMap.push(map[k] ?? text.length);
  }
  const out = outChars.join('');
  outMap.push(text.length);
  return { folded: out, map: outMap };
}
