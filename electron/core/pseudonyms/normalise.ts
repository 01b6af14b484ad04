/**
 * What a reader sees, for matching only: detection runs on a normalised copy of the stored text, and
 * every offset is mapped back, so a candidate still covers the exact stored span (obfuscation and all)
 * and replacement removes the whole of it. The stored text is never changed.
 *
 *   - invisible characters are dropped: zero-width space / non-joiner / joiner (U+200B–U+200D), word
 *     joiner (U+2060), BOM (U+FEFF), soft hyphen, invisible operators, and the bidi controls
 *     (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C);
 *   - compatibility letters become their plain letters (NFKC): 𝐦𝐚𝐭𝐡 𝐛𝐨𝐥𝐝, ｆｕｌｌｗｉｄｔｈ, ligatures,
 *     non-breaking spaces;
 *   - Cyrillic and Greek lookalikes become the Latin letter they pass for (Аrоhа with Cyrillic а, о);
 *   - every decimal digit (\p{Nd}: Arabic-Indic ٠٢١, Devanagari ०२१, Bengali, Thai…, which NFKC leaves
 *     alone) becomes its ASCII digit 0–9;
 *   - text after a right-to-left override (U+202E, up to U+202C or the line's end) is shown reversed,
 *     so it is also read in the order it is displayed (see `visualForm`).
 */

/** A normalised copy and, per code unit of it, the stored range it came from. */
export interface Normalised {
  text: string;
  /** Stored start of the character each normalised code unit came from. */
  src: Int32Array;
  /** Stored end of that character. */
  srcEnd: Int32Array;
}

const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;

// Lookalikes NFKC leaves alone: Cyrillic and Greek letters drawn like Latin ones.
const CONFUSABLE: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', һ: 'h', ԛ: 'q', ԝ: 'w', ӏ: 'l', ё: 'ë',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y', І: 'I', Ј: 'J', Ѕ: 'S', Һ: 'H', Ԛ: 'Q', Ԝ: 'W', Ё: 'Ë',
  α: 'a', ο: 'o', ρ: 'p', ν: 'v', ι: 'i', κ: 'k', υ: 'u', χ: 'x', ϲ: 'c',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  ı: 'i', ɑ: 'a', ɡ: 'g',
};

const cache = new Map<string, string>();

const DECIMAL = /^\p{Nd}$/u;

/**
 * The value of a decimal digit. Unicode encodes every Nd digit in runs of ten, 0 to 9 in order (a
 * stability guarantee), and adjacent runs are each ten long: the value is the distance back to the
 * run's start, modulo ten.
 */
function digitValue(cp: number): string {
  let k = 0;
  while (DECIMAL.test(String.fromCodePoint(cp - k - 1))) k++;
  return String(k % 10);
}

/** The plain form of one character ('' for an invisible one). */
function plainChar(ch: string): string {
  let r = cache.get(ch);
  if (r !== undefined) return r;
  if (INVISIBLE.test(ch)) r = '';
  else if (DECIMAL.test(ch)) r = digitValue(ch.codePointAt(0)!);
  else r = CONFUSABLE[ch] ?? ch.normalize('NFKC');
  // NFKC may turn a letter into a lookalike we fold too (rare); apply the table once more.
  if (r.length === 1 && CONFUSABLE[r]) r = CONFUSABLE[r]!;
  cache.set(ch, r);
  return r;
}

const NON_ASCII = /[^\x00-\x7F]/;
// Characters NFKC leaves alone that we still change: invisibles, lookalikes and non-ASCII digits.
const OURS = new RegExp(`${INVISIBLE.source}|[${Object.keys(CONFUSABLE).join('')}]|(?![0-9])\\p{Nd}`, 'u');

/**
 * The normalised copy of `text`, or null when it reads the same as stored (most text: then no map is
 * built and detection runs on the stored text itself).
 */
export function normalise(text: string): Normalised | null {
  if (!NON_ASCII.test(text)) return null;
  // Most text with macrons reads as stored: tell without building a map (NFKC is native and quick).
  if (!OURS.test(text) && text.normalize('NFKC') === text) return null;
  const parts: string[] = [];
  const src: number[] = [];
  const srcEnd: number[] = [];
  let changed = false;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      parts.push(text[i]!);
      src.push(i);
      srcEnd.push(i + 1);
      i++;
      continue;
    }
    const cp = text.codePointAt(i) ?? code;
    const ch = String.fromCodePoint(cp);
    const p = plainChar(ch);
    if (p !== ch) changed = true;
    for (let k = 0; k < p.length; k++) {
      parts.push(p[k]!);
      src.push(i);
      srcEnd.push(i + ch.length);
    }
    i += ch.length;
  }
  if (!changed) return null;
  return { text: parts.join(''), src: Int32Array.from(src), srcEnd: Int32Array.from(srcEnd) };
}

const RLO = '\u202E';

/**
 * The text as displayed when it holds a right-to-left override: each overridden run (after U+202E, to
 * U+202C or the end of the line) reversed, then normalised. Null when there is no override.
 */
export function visualForm(text: string): Normalised | null {
  if (!text.includes(RLO)) return null;
  const order: number[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] !== RLO) {
      order.push(i++);
      continue;
    }
    let j = i + 1;
    while (j < text.length && text[j] !== '\u202C' && text[j] !== '\n') j++;
    // Reverse by code point so a surrogate pair stays whole.
    const run: number[][] = [];
    for (let k = i + 1; k < j; ) {
      const len = (text.codePointAt(k) ?? 0) > 0xffff ? 2 : 1;
      run.push(len === 2 ? [k, k + 1] : [k]);
      k += len;
    }
    order.push(i);
    for (const cp of run.reverse()) order.push(...cp);
    i = j;
  }
  const reordered = order.map((k) => text[k]!).join('');
  const n = normalise(reordered);
  const base = n ?? { text: reordered, src: Int32Array.from(order.map((_, k) => k)), srcEnd: Int32Array.from(order.map((_, k) => k + 1)) };
  const src = new Int32Array(base.src.length);
  const srcEnd = new Int32Array(base.src.length);
  for (let k = 0; k < base.src.length; k++) {
    const a = order[base.src[k]!]!;
    const b = order[base.srcEnd[k]! - 1]!;
    src[k] = Math.min(a, b);
    srcEnd[k] = Math.max(a, b) + 1;
  }
  return { text: base.text, src, srcEnd };
}

/**
 * The stored range of normalised span [start, end): the smallest stored span holding all of it, grown
 * over invisible characters touching it (a bidi isolate or override opened or closed at the name's
 * edge goes with the name, so replacement leaves no unpaired control behind).
 */
export function storedSpan(stored: string, n: Normalised, start: number, end: number): { start: number; end: number } {
  let s = Infinity;
  let e = -Infinity;
  for (let k = start; k < end; k++) {
    if (n.src[k]! < s) s = n.src[k]!;
    if (n.srcEnd[k]! > e) e = n.srcEnd[k]!;
  }
  while (s > 0 && INVISIBLE.test(stored.charAt(s - 1))) s--;
  while (e < stored.length && INVISIBLE.test(stored.charAt(e))) e++;
  return { start: s, end: e };
}

/** The plain reading of a short string (for decision keys and rule terms). */
export function plainText(text: string): string {
  return normalise(text)?.text ?? text;
}
