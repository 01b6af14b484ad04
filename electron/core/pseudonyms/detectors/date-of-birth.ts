/**
 * Dates of birth: a date (12/03/1985, 12-3-85, 12 March 1985, March 12 1985, 1985-03-12) that
 * follows "born", "DOB", "date of birth", "birthday" or "b." within a few words. A date alone (a
 * session date, "in March 2019") is not flagged.
 */
import type { Detection } from './types';
import { PRIORITY } from './types';

const MONTHS = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const DATE = String.raw`(?:\d{1,2}[\/.\-]\d{1,2}[\/.\-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTHS},?\s+\d{4}|${MONTHS}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})`;
const CONTEXT = String.raw`(?:born(?:\s+on)?|DOB|D\.O\.B\.?|date\s+of\s+birth|birth\s*date|birthday(?:\s+is)?|b\.)`;
const DOB = new RegExp(`${CONTEXT}[\\s:,-]{0,4}(?:(?:was|is|on|in)\\s+){0,2}(${DATE})`, 'giu');

// "born in 1985", "born in '85": a year of birth narrows who someone is, too.
const YEAR = /\bborn\s+(?:back\s+)?in\s+((?:19|20)\d{2})(?![\p{L}\p{N}])/giu;

export function detectDatesOfBirth(text: string): Detection[] {
  const out: Detection[] = [];
  for (const m of text.matchAll(YEAR)) {
    const year = m[1]!;
    const start = m.index + m[0].length - year.length;
    out.push({ start, end: start + year.length, kind: 'date-of-birth', suggestion: '[year of birth]', priority: PRIORITY.pattern });
  }
  for (const m of text.matchAll(DOB)) {
    const date = m[1]!;
    const start = m.index + m[0].length - date.length;
    out.push({ start, end: start + date.length, kind: 'date-of-birth', suggestion: '[date of birth]', priority: PRIORITY.pattern });
  }
  return out.sort((a, b) => a.start - b.start);
}
