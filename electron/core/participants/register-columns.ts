/**
 * The columns of a participant register, as researchers actually head them: `consent_quote`,
 * `Consent quote` and `CONSENT-QUOTE` are one column. Also the cell parsers for the fixed
 * columns (yes/no answers, mode, dates), shared by the importer and the exporter.
 */
import type { ConsentAnswer } from '../../../shared/domain/project';
import type { SourceMode } from '../../../shared/domain/transcript';
import { fold } from '../../../shared/text/fold';
import { parseDate } from '../import/parse-date';

export type RegisterColumn =
  | 'name'
  | 'pseudonym'
  | 'role'
  | 'group'
  | 'mode'
  | 'recording'
  | 'quote'
  | 'named'
  | 'withdrawnOn'
  | 'reviewSentOn'
  | 'reviewReturnedOn'
  | 'reviewApprovedOn'
  | 'conditions'
  | 'notes';

/** The header the exporter writes for each column, in export order. */
export const EXPORT_HEADERS: Record<RegisterColumn, string> = {
  name: 'name',
  pseudonym: 'pseudonym',
  role: 'role',
  group: 'group',
  mode: 'mode',
  recording: 'consent_recording',
  quote: 'consent_quote',
  named: 'consent_named',
  withdrawnOn: 'withdrawn_on',
  reviewSentOn: 'review_sent_on',
  reviewReturnedOn: 'review_returned_on',
  reviewApprovedOn: 'review_approved_on',
  conditions: 'conditions',
  notes: 'notes',
};

export const CONSENT_ANSWER_COLUMNS = ['recording', 'quote', 'named'] as const;
export const CONSENT_DATE_COLUMNS = ['withdrawnOn', 'reviewSentOn', 'reviewReturnedOn', 'reviewApprovedOn'] as const;

/** Other ways of heading a column, after `headerKey` (folded, spaces for `_` and `-`). */
const ALIASES: Record<string, RegisterColumn> = {
  'real name': 'name',
  participant: 'name',
  'participant name': 'name',
  'full name': 'name',
  groups: 'group',
  'consent to record': 'recording',
  'consent to quote': 'quote',
  'consent to be named': 'named',
};

/** `Consent quote`, `consent_quote`, ` CONSENT-QUOTE ` → `consent quote`. */
export function headerKey(header: string): string {
  return fold(header.normalize('NFC')).replace(/[\s_-]+/g, ' ').trim();
}

const BY_KEY = new Map<string, RegisterColumn>([
  ...(Object.entries(EXPORT_HEADERS) as Array<[RegisterColumn, string]>).map(([col, h]) => [headerKey(h), col] as const),
  ...Object.entries(ALIASES),
]);

/** Which fixed register column a header names, or undefined for an attribute column. */
export function registerColumn(header: string): RegisterColumn | undefined {
  return BY_KEY.get(headerKey(header));
}

const YES = new Set(['yes', 'y', 'true', '1', 'ae']);
const NO = new Set(['no', 'n', 'false', '0', 'kao']);
const UNKNOWN = new Set(['', 'unknown', '?']);

/** yes/no/y/n/true/false/1/0 (and āe/kāo); blank or `unknown` → unknown; anything else undefined. */
export function parseAnswer(cell: string): ConsentAnswer | undefined {
  const k = fold(cell.trim());
  if (YES.has(k)) return 'yes';
  if (NO.has(k)) return 'no';
  if (UNKNOWN.has(k)) return 'unknown';
  return undefined;
}

/** `tikanga`, `tikanga-based` → tikanga; `mainstream` → mainstream; blank → null; else undefined. */
export function parseMode(cell: string): SourceMode | null | undefined {
  const k = headerKey(cell);
  if (k === '') return null;
  if (k === 'tikanga' || k === 'tikanga based') return 'tikanga';
  if (k === 'mainstream') return 'mainstream';
  return undefined;
}

/** ISO or NZ dd/mm/yyyy (or `1 September 2010`) → yyyy-mm-dd; blank → null; not a date → undefined. */
export function parseDateCell(cell: string): string | null | undefined {
  const s = cell.trim();
  if (s === '') return null;
  return parseDate(s);
}
