/**
 * Dates as New Zealand researchers write them: 23/11/2026 (dd/mm/yyyy) by default, or ISO
 * (2026-11-23) when the user prefers it. Pure and dependency-free: used by the renderer and CLI.
 */
export type DateFormat = 'nz' | 'iso';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

// Building an Intl.DateTimeFormat costs far more than using one: 5,000 coding tooltips share one.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-NZ', { day: '2-digit', month: '2-digit', year: 'numeric', ...(timeZone ? { timeZone } : {}) });
    formatters.set(key, f);
  }
  return f;
}

/**
 * Formats a date-only string (yyyy-mm-dd, e.g. a session date) or an ISO timestamp.
 * Date-only strings are reformatted without a Date object, so no time zone can shift the day.
 * Timestamps are shown in the given (default: local) time zone. Unparseable input comes back as is.
 */
export function formatDate(value: string | null | undefined, format: DateFormat = 'nz', timeZone?: string): string {
  if (!value) return '';
  const m = DATE_ONLY.exec(value);
  if (m) return format === 'iso' ? value : `${m[3]}/${m[2]}/${m[1]}`;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const parts = formatter(timeZone).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return format === 'iso' ? `${part('year')}-${part('month')}-${part('day')}` : `${part('day')}/${part('month')}/${part('year')}`;
}
