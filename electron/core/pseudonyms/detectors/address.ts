/**
 * Street addresses: a number (with an optional flat prefix like 2/ or unit letter) followed by one to
 * three capitalised words and a street type (Street, St, Road, Rd, Avenue, Crescent...). PO boxes
 * and RD numbers too.
 */
import type { Detection } from './types';
import { PRIORITY } from './types';

const TYPES = [
  'Street', 'St', 'Road', 'Rd', 'Avenue', 'Ave', 'Crescent', 'Cres', 'Place', 'Pl', 'Drive', 'Dr', 'Terrace', 'Tce', 'Lane', 'Ln', 'Way',
  'Grove', 'Close', 'Court', 'Ct', 'Parade', 'Pde', 'Highway', 'Hwy', 'Square', 'Sq', 'Rise', 'Heights', 'Quay', 'Esplanade', 'Track', 'View',
];
const WORD = String.raw`[\p{Lu}][\p{L}'’\-]*`;
const ADDRESS = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?:Flat|Unit|Apt)\s+\d+[A-Za-z]?,?\s+)?(?:\d+[A-Za-z]?\/)?\d{1,5}[A-Za-z]?,?\s+(?:${WORD}\s+){1,3}(?:${TYPES.join('|')})\b\.?`,
  'gu',
);
// A street named without a number ("grew up on Rangitoto Street"): only the unambiguous types.
const STREET = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${WORD}\s+){1,3}(?:Street|Road|Avenue|Crescent|Terrace|Drive|Lane|Grove|Parade|Highway|Quay|Esplanade)(?![\p{L}\p{N}])`,
  'gu',
);
const PO_BOX = /(?<![\p{L}\p{N}])(?:PO|P\.O\.)\s*Box\s+\d+|(?<![\p{L}\p{N}])RD\s?\d{1,2}(?![\p{L}\p{N}])/gu;

export function detectAddresses(text: string): Detection[] {
  const out: Detection[] = [];
  for (const re of [ADDRESS, PO_BOX]) {
    for (const m of text.matchAll(re)) {
      const s = m[0].replace(/\.$/, '');
      out.push({ start: m.index, end: m.index + s.length, kind: 'address', suggestion: '[address]', priority: PRIORITY.pattern });
    }
  }
  for (const m of text.matchAll(STREET)) {
    let start = m.index;
    let s = m[0];
    // Leading function words capitalised at a sentence start are not part of the name ("The Main Road").
    const lead = /^(?:The|A|Our|On|In|At|Down|Up|Along|Past)\s+/.exec(s);
    if (lead) {
      start += lead[0].length;
      s = s.slice(lead[0].length);
    }
    if (!/\s/.test(s)) continue;
    const end = start + s.length;
    if (out.some((d) => d.start < end && start < d.end)) continue;
    out.push({ start, end, kind: 'address', suggestion: '[street]', priority: PRIORITY.pattern });
  }
  return out.sort((a, b) => a.start - b.start);
}
