/**
 * NHI numbers, both formats (HISO 10046): old `AAANNNC` (numeric check digit, modulus 11) and new
 * `AAANNAC` (alphabetic check character, modulus 23). Letters I and O are never used. A number whose
 * check character does not validate is still flagged (a typo in a transcript still identifies
 * someone), with a note saying so.
 *
 * Written with separators too: `ABC 1234` / `ABC-12DE` / `ABC 12 34` (a space, dot or dash between the
 * letters and the digits, upper case only, so "the 1234" is not one), and spelled out one character at a
 * time with the same separator throughout (`A-B-C-1-2-D-E`, `Z.A.B.1.2.3.4`, `z-a-b-1-2-3-4`).
 */
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
  return out.sort((a, b) => a.start - b.start);
}
