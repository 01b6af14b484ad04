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
const charFolds = new Map<string, string>();

export function foldWithMap(text: string): { folded: string; map: number[] } {
  const chars: string[] = [];
  const map: number[] = [];
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      // ASCII (most of any transcript): folding is lower-casing; no marks, dashes or curly quotes here.
      chars.push(code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i]!);
      map.push(i);
      i++;
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(i) ?? 0);
    let f = charFolds.get(ch);
    if (f === undefined) charFolds.set(ch, (f = fold(ch)));
    for (let k = 0; k < f.length; k++) {
      chars.push(f[k]!);
      map.push(i);
    }
    i += ch.length;
  }
  // Fold double vowels across characters (e.g. "a" + "ā" → "a"): collapse in the mapped string.
  const out: string[] = [];
  const outMap: number[] = [];
  for (let k = 0; k < chars.length; k++) {
    const c = chars[k]!;
    if (k > 0 && chars[k - 1] === c && (c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u')) continue;
    out.push(c);
    outMap.push(map[k] ?? text.length);
  }
  outMap.push(text.length);
  return { folded: out.join(''), map: outMap };
}
