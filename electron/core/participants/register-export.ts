/**
 * The participant register as CSV: the same columns the importer reads (so an export imports
 * back unchanged), then one column per attribute. People only; each person's groups are named
 * in the `group` column, joined by `; `. Starts with a UTF-8 BOM so Excel shows macrons (kaumātua).
 */
import type { Consent } from '../../../shared/domain/project';
import type { ProjectDb } from '../db/open-project';
import { safeCsv } from '../export/csv-safe';
import { listAttributes } from './attribute-types';
import { listParticipants, readAttributeValues, readConsent } from './participant-queries';
import { EXPORT_HEADERS, type RegisterColumn } from './register-columns';

export const REGISTER_FILE_NAME = 'participants.csv';

export function exportRegister(db: ProjectDb): { csv: string; fileName: string } {
  const all = listParticipants(db);
  const groupNames = new Map(all.filter((p) => p.kind === 'group').map((g) => [g.id, g.name]));
  const attributes = listAttributes(db);
  const columns = Object.keys(EXPORT_HEADERS) as RegisterColumn[];
  const rows = all
    .filter((p) => p.kind === 'person')
    .map((p) => {
      const consent: Partial<Consent> = readConsent(db, p.id) ?? {};
      const values: Record<RegisterColumn, string> = {
        name: p.name,
        pseudonym: p.pseudonym ?? '',
        role: p.role,
        group: p.groupIds.map((id) => groupNames.get(id) ?? '').filter(Boolean).join('; '),
        mode: p.mode ?? '',
        recording: consent.recording ?? '',
        quote: consent.quote ?? '',
        named: consent.named ?? '',
        withdrawnOn: consent.withdrawnOn ?? '',
        reviewSentOn: consent.reviewSentOn ?? '',
        reviewReturnedOn: consent.reviewReturnedOn ?? '',
        reviewApprovedOn: consent.reviewApprovedOn ?? '',
        conditions: consent.conditions ?? '',
        notes: p.notes,
      };
      const attrs = readAttributeValues(db, p.id);
      return [...columns.map((c) => values[c]), ...attributes.map((a) => attrs[a.name] ?? '')];
    });
  const fields = [...columns.map((c) => EXPORT_HEADERS[c]), ...attributes.map((a) => a.name)];
  // A cell starting =, +, -, @ (a name, a note) is written with a leading apostrophe (csv-safe).
  return { csv: safeCsv(rows, { fields, bom: true, trailingNewline: true }), fileName: REGISTER_FILE_NAME };
}
