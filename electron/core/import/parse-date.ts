/**
 * Dates as transcribers write them in Aotearoa → ISO yyyy-mm-dd. Day-first is assumed for
 * numeric dates (NZ convention): 15/06/2010 is 15 June. Month names may be English or te reo
 * Māori (Pipiri = June), with or without macrons. Returns undefined when not understood.
 */

const ENGLISH_MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

/** Te reo Māori month names, compared without macrons, hyphens or doubled vowels (see `monthNumber`). */
const MAORI_MONTHS = [
  'kohitatea', 'huitanguru', 'poututerangi', 'paengawhawha', 'haratua', 'pipiri',
  'hongongoi', 'hereturikoka', 'mahuru', 'whiringanuku', 'whiringarangi', 'hakihea',
];

export function parseDate(raw: string): string | undefined {
  const s = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));

  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));

  // Optional weekday first: "Tuesday 15 June 2010", "Tue, 15 June 2010".
  const withoutWeekday = s.replace(/^\p{L}+,?\s+(?=\d)/u, '');
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+(\p{L}[\p{L}\p{M}-]*)\.?,?\s+(\d{4})$/u.exec(withoutWeekday);
  if (m) return isoDate(Number(m[3]), monthNumber(m[2] ?? ''), Number(m[1]));

  m = /^(?:\p{L}+,?\s+)?(\p{L}[\p{L}\p{M}-]*)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/u.exec(s);
  if (m) return isoDate(Number(m[3]), monthNumber(m[1] ?? ''), Number(m[2]));
  return undefined;
}

function monthNumber(name: string): number {
  const key = name.normalize('NFD').replace(/[\u0300-\u036f-]/g, '').toLowerCase();
  // Double vowels (Paengawhaawhaa) are the same word as macrons.
  const folded = key.replace(/([aeiou])\1/g, '$1');
  const maori = MAORI_MONTHS.indexOf(folded);
  if (maori >= 0) return maori + 1;
  // Full names or abbreviations of at least three letters: "Jun", "Sept", "June".
  const english = ENGLISH_MONTHS.findIndex((full) => key === full || (key.length >= 3 && full.startsWith(key)));
  return english + 1;
}

function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
