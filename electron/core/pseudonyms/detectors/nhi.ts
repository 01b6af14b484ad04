/**
 * NHI numbers, both formats (HISO 10046): old `AAANNNC` (numeric check digit, modulus 11) and new
 * `AAANNAC` (alphabetic check character, modulus 23). Letters I and O are never used. A number whose
 * check character does not validate is still flagged (a typo in a transcript still identifies
 * someone), with a note saying so.
 *
 * Written with separators too: `ABC 1234` / `ABC-12DE` / `ABC 12 34` (a space, dot or dash between the
 * letters and the digits, upper case only, so "the 1234" is not one), and spelled out one character at a
 * time with the same separator throughout (`A-B-C-1-2-D-E`, `Z.A.B.1.2.3.4`, `z-a-b-1-2-3-4`).
 *
 * And with the digits spoken or spaced after the three letters (upper case), as phone digits are read
 * (see phone-spoken.ts): "ZAC five seven nine one", "ZAC 5 7 9 1", "ZAC fifty-seven ninety-one",
 * "ZAC five seven DE". The digit run must end there: "ABC one two three four five" is not an NHI.
 */
import { readRun } from './phone-spoken';
import type { Detection } from './types';
import { PRIORITY } from './types';

const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const NHI = /(?<![\p{L}\p{N}])([A-HJ-NP-Z]{3})(\d{2})(\d{2}|[A-HJ-NP-Z]{2})(?![\p{L}\p{N}])/giu;
// Seven characters with an optional separator between each; which separators are allowed is checked after.
const S = '([ .\\-\u2010-\u2015]?)';
const L = '[A-HJ-NP-Za-hj-np-z]';
const X = '[A-HJ-NP-Za-hj-np-z0-9]';
const NHI_SEPARATED = new RegExp(`(?<![\\p{L}\\p{N}])(${L})${S}(${L})${S}(${L})${S}(\\d)${S}(\\d)${S}(${X})${S}(${X})(?![\\p{L}\\p{N}]|[ .\\-\u2010-\u2015]\\p{N}|[.\\-\u2010-\u2015]\\p{L})`, 'guy');

const SEPARATED_HINT = /[A-Za-z][ .\-\u2010-\u2015]?[A-Za-z][ .\-\u2010-\u2015]?[A-Za-z][ .\-\u2010-\u2015]?\d/g;

/** The NHI a separated match spells, or null when its separators are not an NHI's. */
function separatedNhi(m: RegExpExecArray): string | null {
  const chars = [m[1], m[3], m[5], m[7], m[9], m[11], m[13]].join('');
  const seps = [m[2], m[4], m[6], m[8], m[10], m[12]] as string[];
  if (seps.every((x) => x === '')) return null; // the compact form is found by NHI
  if (chars !== chars.toUpperCase() && chars !== chars.toLowerCase()) return null;
  const spelled = seps.every((x) => x !== '' && x === seps[0]);
  const grouped = seps.every((x, k) => x === '' || k === 2 || k === 4) && chars === chars.toUpperCase();
  if (!spelled && !grouped) return null;
  return /^[A-HJ-NP-Z]{3}\d{2}(\d{2}|[A-HJ-NP-Z]{2})$/i.test(chars) ? chars : null;
}

// Three upper-case NHI letters, then a space (or a dot or dash with spaces) before the digits.
const SPOKEN_HEAD = /(?<![\p{L}\p{N}])[A-HJ-NP-Z]{3}(?:[^\S\n]*[.:\-\u2010-\u2015][^\S\n]*|[^\S\n]+)(?=[\p{L}\p{N}])/gu;
const TWO_LETTERS = /[^\S\n]*([A-HJ-NP-Z])[^\S\n]?([A-HJ-NP-Z])(?![\p{L}\p{N}])/uy;

/** NHIs whose digits are spoken or spaced out; the compact and separated forms are found above. */
function detectSpokenNhi(text: string): Detection[] {
  const out: Detection[] = [];
  for (const m of text.matchAll(SPOKEN_HEAD)) {
    const items = readRun(text, m.index + m[0].length);
    let digits = '';
    let k = 0;
    for (; k < items.length && digits.length < 4; k++) digits += items[k]!.digits;
    if (digits.startsWith('+') || k === 0) continue;
    let end = items[k - 1]!.end;
    let chars = '';
    if (digits.length === 4 && k === items.length) chars = m[0].slice(0, 3) + digits;
    else if (digits.length === 2 && k === items.length) {
      // Two digits, then two check letters: "ZAC five seven DE", "ZAC 57 D E".
      TWO_LETTERS.lastIndex = end;
      const l = TWO_LETTERS.exec(text);
      if (!l) continue;
      chars = m[0].slice(0, 3) + digits + l[1]! + l[2]!;
      end = l.index + l[0].length;
    } else continue;
    const valid = nhiChecks(chars);
    out.push({
      start: m.index,
      end,
      kind: 'nhi',
      suggestion: '[NHI number]',
      priority: PRIORITY.pattern,
      note: valid ? 'an NHI number with its digits spoken or spaced out' : 'NHI-shaped, its digits spoken or spaced out; its check character does not validate',
    });
  }
  return out;
}

function value(ch: string): number {
  const i = LETTERS.indexOf(ch);
  return i >= 0 ? i + 1 : Number(ch);
}

/** True when the check character of a 7-character NHI validates. */
export function nhiChecks(raw: string): boolean {
  const nhi = raw.toUpperCase();
  if (!/^[A-HJ-NP-Z]{3}\d{2}(\d{2}|[A-HJ-NP-Z]{2})$/.test(nhi)) return false;
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += value(nhi[i]!) * (7 - i);
  const last = nhi[6]!;
  if (/\d/.test(last)) {
    const mod = sum % 11;
    if (mod === 0) return false;
    return (11 - mod) % 10 === Number(last);
  }
  const mod = sum % 23;
  if (mod === 0) return false;
  return LETTERS[23 - mod - 1] === last;
}

export function detectNhi(text: string): Detection[] {
  const out: Detection[] = [];
  for (const m of text.matchAll(NHI)) {
    const s = m[0];
    // Mixed case like "Abc1234" is more likely a code word than an NHI; require one case throughout.
    if (s !== s.toUpperCase() && s !== s.toLowerCase()) continue;
    const valid = nhiChecks(s);
    out.push({
      start: m.index,
      end: m.index + s.length,
      kind: 'nhi',
      suggestion: '[NHI number]',
      priority: PRIORITY.pattern,
      ...(valid ? {} : { note: 'NHI-shaped; its check character does not validate (a typo or a test number still identifies)' }),
    });
  }
  // A quick ASCII scan finds where three letters run into a digit; the full pattern is tried only there.
  let covered = 0;
  for (const hit of text.matchAll(SEPARATED_HINT)) {
    if (hit.index < covered) continue;
    NHI_SEPARATED.lastIndex = hit.index;
    const m = NHI_SEPARATED.exec(text);
    const nhi = m && m.index === hit.index ? separatedNhi(m) : null;
    if (!m || !nhi) continue;
    covered = m.index + m[0].length;
    const valid = nhiChecks(nhi);
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      kind: 'nhi',
      suggestion: '[NHI number]',
      priority: PRIORITY.pattern,
      note: valid ? 'an NHI number written with separators' : 'NHI-shaped, written with separators; its check character does not validate',
    });
  }
  for (const d of detectSpokenNhi(text)) if (!out.some((o) => o.start < d.end && d.start < o.end)) out.push(d);
  return out.sort((a, b) => a.start - b.start);
}
