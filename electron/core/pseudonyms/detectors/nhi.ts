/**
 * NHI numbers, both formats (HISO 10046): old `AAANNNC` (numeric check digit, modulus 11) and new
 * `AAANNAC` (alphabetic check character, modulus 23). Letters I and O are never used. A number whose
 * check character does not validate is still flagged (a typo in a transcript still identifies
 * someone), with a note saying so.
 */
import type { Detection } from './types';
import { PRIORITY } from './types';

const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const NHI = /(?<![\p{L}\p{N}])([A-HJ-NP-Z]{3})(\d{2})(\d{2}|[A-HJ-NP-Z]{2})(?![\p{L}\p{N}])/giu;

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
  return out;
}
