/**
 * Phone numbers however the digits are written: split anywhere by spaces, dots or dashes
 * (`0 2 1 5 5 5 0 1 9 9`, `02-1555-0199`, `04 - 555 - 0143`), or spoken, in English or te reo, alone or
 * mixed with digits ("oh two one five five five, oh one nine nine", "zero two one…", "double five",
 * "kore rua tahi…", "021 five five five 0199"), with numbers of two digits spoken as such ("oh twenty-one
 * five five five…", "ten", "forty", "ninety nine"; te reo "rua tekau mā tahi"). A run of digits and digit words is read as one digit
 * string and is a phone number only when it (or its start, at a word boundary) is a whole NZ number:
 * a mobile 02x and 6–8 digits, a landline 0[3-9] and 7, 0800/0508 and 6–7, 0900 and 5–6, or +64 / 0064
 * followed by one of those without its 0. So counting ("one, two, three…"), years and times are not.
 */
import type { Detection } from './types';
import { PRIORITY } from './types';

const WORD_DIGITS: Record<string, string> = {
  zero: '0', oh: '0', o: '0', nought: '0', nil: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
  kore: '0', tahi: '1', rua: '2', toru: '3', wha: '4', whā: '4', rima: '5', ono: '6', whitu: '7', waru: '8', iwa: '9',
};
const REPEAT: Record<string, number> = { double: 2, triple: 3 };
/** Numbers of two digits said as one word. */
const TEENS: Record<string, string> = {
  ten: '10', eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16', seventeen: '17', eighteen: '18', nineteen: '19',
};
/** Tens, which take a unit word after them ("twenty-one", "ninety nine") or stand alone ("forty"). */
const TENS: Record<string, string> = { twenty: '2', thirty: '3', forty: '4', fourty: '4', fifty: '5', sixty: '6', seventy: '7', eighty: '8', ninety: '9' };
const UNITS = new Set(['1', '2', '3', '4', '5', '6', '7', '8', '9']);

// One item: a digit group, a digit word, or double/triple before one. Items are joined by spaces,
// commas, dots or dashes on one line.
const ITEM = /(?<![\p{L}\p{N}])(?:\d+|[\p{L}]+)(?![\p{L}\p{N}])/uy;
const JOIN = /(?:[^\S\n]*[,.\-\u2010-\u2015][^\S\n]*|[^\S\n]+)/y;
// Where a run may start: a quick ASCII scan, then the word edges are checked (see startsRun).
const START = /\+?\d|\b(?:zero|oh|o|nought|kore|plus)\b/gi;
const WORDISH = /[\p{L}\p{N}]/u;

function startsRun(text: string, at: number, len: number): boolean {
  const before = text.charAt(at - 1);
  if (WORDISH.test(before) || before === '+') return false;
  return !WORDISH.test(text.charAt(at + len));
}

export interface Item {
  start: number;
  end: number;
  digits: string;
}

/** True when `digits` (a leading + allowed) is a whole NZ phone number. */
export function isNzPhone(digits: string): boolean {
  let d = digits;
  if (d.startsWith('+64')) d = `0${d.slice(3).replace(/^0/, '')}`;
  else if (d.startsWith('0064')) d = `0${d.slice(4).replace(/^0/, '')}`;
  else if (d.startsWith('+')) return false;
  return /^(?:02\d{7,9}|0[3-9]\d{7}|0(?:800|508)\d{6,7}|0900\d{5,6})$/.test(d);
}

const TENS_JOIN = /[^\S\n]*[-\u2010-\u2015]?[^\S\n]*/y;
const WORD_AT = /[\p{L}]+(?![\p{L}\p{N}])/uy;

/** The word right after `at` (joined by a space or a hyphen on the same line), folded to lower case. */
function wordAfter(text: string, at: number): { word: string; end: number } | null {
  TENS_JOIN.lastIndex = at;
  const j = TENS_JOIN.exec(text);
  if (!j || j[0].length === 0) return null;
  WORD_AT.lastIndex = at + j[0].length;
  const m = WORD_AT.exec(text);
  return m ? { word: m[0].toLowerCase(), end: m.index + m[0].length } : null;
}

/** A unit word (one to nine, English or te reo after "mā") after tens ending at `at`. */
function unitAfter(text: string, at: number): { digit: string; end: number } | null {
  const w = wordAfter(text, at);
  if (!w) return null;
  if (w.word === 'mā' || w.word === 'ma') {
    const u = wordAfter(text, w.end);
    return u && UNITS.has(WORD_DIGITS[u.word] ?? '') ? { digit: WORD_DIGITS[u.word]!, end: u.end } : null;
  }
  const d = WORD_DIGITS[w.word];
  // Only English units after English tens; te reo units come after "mā".
  return d && UNITS.has(d) && /^[a-z]+$/.test(w.word) && !TE_REO_UNITS.has(w.word) ? { digit: d, end: w.end } : null;
}

const TE_REO_UNITS = new Set(['tahi', 'rua', 'toru', 'wha', 'whā', 'rima', 'ono', 'whitu', 'waru', 'iwa']);

/** "tekau" after a te reo unit ending at `at` ("rua tekau"): its end, else null. */
function tekau(text: string, at: number): { end: number } | null {
  const w = wordAfter(text, at);
  return w && w.word === 'tekau' ? { end: w.end } : null;
}

/** Reads the items of a run from `at`: digit groups and digit words, until something else. */
export function readRun(text: string, at: number): Item[] {
  const items: Item[] = [];
  let pos = at;
  let pendingRepeat = 1;
  if (text.charAt(pos) === '+') {
    items.push({ start: pos, end: pos + 1, digits: '+' });
    pos++;
  }
  for (;;) {
    ITEM.lastIndex = pos;
    const m = ITEM.exec(text);
    if (!m) break;
    const w = m[0].toLowerCase();
    let digits: string | undefined;
    if (/^\d+$/.test(w)) digits = w;
    else if (w === 'plus' && items.length === 0) digits = '+';
    else if (REPEAT[w]) {
      pendingRepeat = REPEAT[w]!;
      digits = '';
    } else if (TEENS[w] !== undefined) digits = TEENS[w]!.repeat(pendingRepeat);
    let end = m.index + m[0].length;
    // Tens and their unit are one item: "twenty-one", "ninety nine", "forty", "rua tekau mā tahi".
    const unitWord = WORD_DIGITS[w] !== undefined && UNITS.has(WORD_DIGITS[w]!);
    const reoTens = unitWord ? tekau(text, end) : null;
    if (TENS[w] !== undefined || reoTens) {
      if (reoTens) end = reoTens.end;
      const unit = unitAfter(text, end);
      digits = ((TENS[w] ?? WORD_DIGITS[w]!) + (unit ? unit.digit : '0')).repeat(pendingRepeat);
      if (unit) end = unit.end;
    } else if (digits === undefined && WORD_DIGITS[w] !== undefined) digits = WORD_DIGITS[w]!.repeat(pendingRepeat);
    if (digits === undefined) break;
    if (digits !== '') pendingRepeat = 1;
    items.push({ start: m.index, end, digits });
    JOIN.lastIndex = end;
    const j = JOIN.exec(text);
    if (!j) break;
    pos = j.index + j[0].length;
  }
  // A trailing double/triple says nothing.
  while (items.length && items[items.length - 1]!.digits === '') items.pop();
  return items;
}

export function detectLoosePhones(text: string): Detection[] {
  const out: Detection[] = [];
  let covered = 0;
  START.lastIndex = 0;
  for (let m = START.exec(text); m; m = START.exec(text)) {
    if (m.index < covered) continue;
    // A digit is a start only at a number's start; a word only as a whole word.
    if (/\d/.test(m[0]) ? WORDISH.test(text.charAt(m.index - 1)) || text.charAt(m.index - 1) === '+' : !startsRun(text, m.index, m[0].length)) continue;
    const items = readRun(text, m.index);
    // The longest start of the run, ending on an item, that is a whole number.
    let best = -1;
    let digits = '';
    for (let k = 0; k < items.length; k++) {
      digits += items[k]!.digits;
      if (digits.replace('+', '').length > 13) break;
      if (items[k]!.digits !== '' && isNzPhone(digits)) best = k;
    }
    if (best < 0) {
      // Not a number from here: look again from the next item (a run may start with a stray word).
      if (items.length > 1) START.lastIndex = items[1]!.start;
      continue;
    }
    const start = items[0]!.start;
    const end = items[best]!.end;
    out.push({ start, end, kind: 'phone', suggestion: '[phone number]', priority: PRIORITY.pattern });
    covered = end;
    START.lastIndex = end;
  }
  return out;
}
