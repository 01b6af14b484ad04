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
const PO_BOX = /(?<![\p{L}\p{N}])(?:PO|P\.O\.)\s*Box\s+\d+|(?<![\p{L}\p{N}])RD\s?\d{1,2}(?![\p{L}\p{N}])/gu;

export function detectAddresses(text: string): Detection[] {
  const out: Detection[] = [];
  for (const re of [ADDRESS, PO_BOX]) {
    for (const m of text.matchAll(re)) {
      const s = m[0].replace(/\.$/, '');
      out.push({ start: m.index, end: m.index + s.length, kind: 'address', suggestion: '[address]', priority: PRIORITY.pattern });
    }
  }
  return out;
}
