/**
 * Reading a date someone typed: 23/11/2026 (New Zealand order), 23-11-2026, 23.11.2026 or
 * 2026-11-23. Never m/d/y. Returns the ISO date, null for an empty field, or an error message.
 */
export type DateInput = { ok: true; value: string | null } | { ok: false; message: string };

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

export function parseDateInput(text: string, format: 'nz' | 'iso' = 'nz'): DateInput {
  const t = text.trim();
  if (t === '') return { ok: true, value: null };
  const ymd = YMD.exec(t);
  const dmy = ymd ? null : DMY.exec(t);
  const parts = ymd ? [ymd[1], ymd[2], ymd[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : null;
  const example = format === 'iso' ? '2026-11-23' : '23/11/2026';
  if (!parts) return { ok: false, message: `Write the date as ${format === 'iso' ? 'yyyy-mm-dd' : 'dd/mm/yyyy'}, e.g. ${example}.` };
  const [y, m, d] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { ok: false, message: `${t} is not a date in the calendar; check the day and month.` };
  }
  const two = (n: number) => String(n).padStart(2, '0');
  return { ok: true, value: `${y}-${two(m)}-${two(d)}` };
}
