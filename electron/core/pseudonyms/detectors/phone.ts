/**
 * NZ phone numbers: mobiles (020-029), landlines with an area code (03, 04, 06, 07, 09, with or
 * without brackets), +64 international forms, and 0800/0508/0900 numbers. Digits may be grouped by
 * spaces, dots or hyphens; split anywhere or spoken, see phone-spoken.ts. Short helplines (1737, 111) are not phone-shaped; a team can add them as
 * rules or leave them.
 */
import { detectLoosePhones } from './phone-spoken';
import type { Detection } from './types';
import { PRIORITY } from './types';

const SEP = String.raw`[ .\-]?`;
const PATTERNS = [
  // +64 21 555 0143, +64 4 555 0143, 0064 ...
  String.raw`(?:\+|00)64${SEP}\(?0?\)?${SEP}\d{1,2}${SEP}\d{3}${SEP}\d{3,4}`,
  // 0800 123 456, 0508 123 456, 0900 12 345
  String.raw`0(?:800|508|900)${SEP}\d{2,3}${SEP}\d{3,4}`,
  // mobiles 021 555 0143, 027-123-4567, 022 1234 567
  String.raw`02[0-9]${SEP}\d{3,4}${SEP}\d{3,4}`,
  // landlines (04) 555 0143, 04 555 0143, 09-555-0143
  String.raw`\(0[3-9]\)${SEP}\d{3}${SEP}\d{4}`,
  String.raw`0[3-9]${SEP}\d{3}${SEP}\d{4}`,
  // mobiles in brackets (021) 555 0143
  String.raw`\(02[0-9]\)${SEP}\d{3,4}${SEP}\d{3,4}`,
];
const PHONE = new RegExp(`(?<![\\p{L}\\p{N}+])(?:${PATTERNS.join('|')})(?![\\p{L}\\p{N}])`, 'gu');

// A local number without its area code (555 0143) only after a word that says it is one.
const LOCAL = /\b(?:ring|call|phone|text|txt|tel|number|mobile|cell|landline)\b[^.\n\d]{0,20}?(?<![\p{L}\p{N}])(\d{3}[ -]?\d{4})(?![\p{L}\p{N}])/giu;

export function detectPhones(text: string): Detection[] {
  const out: Detection[] = [];
  for (const m of text.matchAll(LOCAL)) {
    const num = m[1]!;
    const start = m.index + m[0].length - num.length;
    out.push({ start, end: start + num.length, kind: 'phone', suggestion: '[phone number]', priority: PRIORITY.pattern });
  }
  for (const m of text.matchAll(PHONE)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length < 8 || digits.length > 12) continue;
    if (out.some((d) => d.start < m.index + m[0].length && m.index < d.end)) {
      // A longer full number wins over a local-number reading of its last digits.
      for (let k = out.length - 1; k >= 0; k--) if (out[k]!.start < m.index + m[0].length && m.index < out[k]!.end) out.splice(k, 1);
    }
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'phone', suggestion: '[phone number]', priority: PRIORITY.pattern });
  }
  // Digits split anywhere, or spoken (see phone-spoken.ts): a longer reading replaces the ones inside it.
  for (const d of detectLoosePhones(text)) {
    const inside = out.filter((o) => o.start < d.end && d.start < o.end);
    if (inside.every((o) => o.start >= d.start && o.end <= d.end && o.end - o.start < d.end - d.start)) {
      for (const o of inside) out.splice(out.indexOf(o), 1);
      out.push(d);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
