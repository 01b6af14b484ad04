/**
 * Importing a participant register (CSV). The whole file is one transaction: a problem with the
 * file itself writes nothing; a problem with one row skips that row with a warning naming the
 * file, row and column. People are matched by exact name, so importing again updates them.
 * Only the columns in the file change: a blank cell clears that field, a missing column leaves it.
 */
import type { AttributeDef, CsvImportResult, Consent } from '../../../shared/domain/project';
import type { SourceMode } from '../../../shared/domain/transcript';
import type { FocalCore } from '../app/focal-core';
import { writeValue, insertAttribute } from './attribute-edits';
import { checkValue, findAttribute, inferType } from './attribute-types';
import { baseName, cleanName, commit, type WriteContext } from './commit';
import { upsertConsent } from './consent';
import { setGroups } from './memberships';
import { insertParticipant } from './participant-edits';
import { findByName, readConsent } from './participant-queries';
import { CONSENT_ANSWER_COLUMNS, CONSENT_DATE_COLUMNS, parseAnswer, parseDateCell, parseMode, type RegisterColumn } from './register-columns';
import { cell, readRegister, type RegisterTable } from './register-read';
import { pseudonymProblem, takenForImport } from './register-pseudonyms';
import { decodeTextBytes } from '../import/decode';
import { ImportError } from '../import/errors';
import { FocalError } from '../errors';

interface PlannedRow {
  name: string;
  fields: { pseudonym?: string | null; role?: string; mode?: SourceMode | null; notes?: string };
  groups?: string[];
  consent?: Partial<Consent>;
  consentBlank: boolean;
  attributes: Array<{ def: AttributeDef; value: string | null }>;
}

/** Several groups in one cell are separated by `;` (as the export writes them), unless the cell is one group's name. */
function groupNames(w: WriteContext, raw: string): string[] {
  if (raw === '') return [];
  if (findByName(w.db, 'group', cleanName(raw))) return [cleanName(raw)];
  return [...new Set(raw.split(';').map(cleanName).filter(Boolean))];
}

/** Attribute columns: existing attributes keep their type; new ones get a type guessed from the column. */
function attributeDefs(w: WriteContext, table: RegisterTable): Map<number, AttributeDef> {
  const defs = new Map<number, AttributeDef>();
  for (const col of table.attributes) {
    const existing = findAttribute(w.db, col.name);
    if (existing) defs.set(col.index, existing);
    else {
      const { type, choices } = inferType(table.rows.map((r) => cell(r, col)).filter(Boolean));
      defs.set(col.index, insertAttribute(w.db, col.name, type, choices));
    }
  }
  return defs;
}

function planRows(w: WriteContext, file: string, table: RegisterTable, defs: Map<number, AttributeDef>, warnings: string[]): PlannedRow[] {
  const plans: PlannedRow[] = [];
  const firstRow = new Map<string, number>();
  const col = table.fixed;
  const taken = takenForImport(w.db, table.rows.map((r) => cleanName(cell(r, col.get('name')))).filter(Boolean));
  for (const row of table.rows) {
    const problems: string[] = [];
    const at = (c: RegisterColumn) => cell(row, col.get(c));
    const header = (c: RegisterColumn) => col.get(c)?.header ?? c;
    const name = cleanName(at('name'));
    if (name === '') problems.push(`${header('name')} is empty`);
    else if (firstRow.has(name)) problems.push(`${header('name')} '${name}' is also on row ${firstRow.get(name)}, so only that row was imported`);

    const plan: PlannedRow = { name, fields: {}, consentBlank: true, attributes: [] };
    if (col.has('pseudonym')) plan.fields.pseudonym = at('pseudonym') || null;
    // A real name is never a pseudonym, nor is another participant's pseudonym (register-pseudonyms.ts).
    if (plan.fields.pseudonym && name) {
      const problem = pseudonymProblem(taken, name, plan.fields.pseudonym, parseAnswer(at('named')) === 'yes', `column ${header('pseudonym')}`);
      if (problem) problems.push(problem);
    }
    if (col.has('role')) plan.fields.role = at('role') || 'participant';
    if (col.has('notes')) plan.fields.notes = at('notes');
    if (col.has('mode')) {
      const mode = parseMode(at('mode'));
      if (mode === undefined) problems.push(`${header('mode')} '${at('mode')}' is not mainstream or tikanga`);
      else plan.fields.mode = mode;
    }
    if (col.has('group')) plan.groups = groupNames(w, at('group'));

    const consent: Partial<Consent> = {};
    for (const c of CONSENT_ANSWER_COLUMNS) {
      if (!col.has(c)) continue;
      const answer = parseAnswer(at(c));
      if (answer === undefined) problems.push(`${header(c)} '${at(c)}' is not yes, no or blank`);
      else consent[c] = answer;
    }
    for (const c of CONSENT_DATE_COLUMNS) {
      if (!col.has(c)) continue;
      const date = parseDateCell(at(c));
      if (date === undefined) problems.push(`${header(c)} '${at(c)}' is not a date`);
      else consent[c] = date;
    }
    if (col.has('conditions')) consent.conditions = at('conditions');
    if (Object.keys(consent).length) {
      plan.consent = consent;
      plan.consentBlank = [...CONSENT_ANSWER_COLUMNS, ...CONSENT_DATE_COLUMNS, 'conditions' as const].every((c) => at(c) === '');
    }

    for (const a of table.attributes) {
      const def = defs.get(a.index);
      const raw = cell(row, a);
      if (!def) continue;
      if (raw === '') {
        plan.attributes.push({ def, value: null });
        continue;
      }
      const checked = checkValue(def, raw);
      if (checked.ok) plan.attributes.push({ def, value: checked.value });
      else problems.push(`${a.header} '${raw}' ${checked.reason}`);
    }

    if (problems.length) warnings.push(`${file} row ${row.rowNo}: ${problems.join('; ')}`);
    else {
      firstRow.set(name, row.rowNo);
      plans.push(plan);
    }
  }
  return plans;
}

/** A register file's bytes, decoded as transcripts are (BOM, UTF-16, UTF-8, Windows-1252, mixed lines). */
export interface RegisterText {
  text: string;
  warnings: string[];
}

export function registerBytes(fileName: string, dataBase64: string): RegisterText {
  const file = baseName(fileName);
  try {
    return decodeTextBytes(Buffer.from(dataBase64, 'base64'), file, { binaryAdvice: 'save the register as CSV (comma separated, UTF-8) and import that' });
  } catch (e) {
    if (e instanceof ImportError) throw new FocalError('import-failed', e.message);
    throw e;
  }
}

export function importRegister(core: FocalCore, fileName: string, input: string | RegisterText): CsvImportResult {
  const file = baseName(fileName);
  const { text: csv, warnings: decodeWarnings } = typeof input === 'string' ? { text: input, warnings: [] } : input;
  return commit(core, ['participants', 'consent'], (w) => {
    const table = readRegister(file, csv);
    const warnings = [...decodeWarnings, ...table.warnings];
    const defs = attributeDefs(w, table);
    const plans = planRows(w, file, table, defs, warnings);
    const result: CsvImportResult = { created: 0, updated: 0, groupsCreated: 0, warnings };
    const groupId = (name: string, mode: SourceMode | null | undefined): number => {
      const found = findByName(w.db, 'group', name);
      if (found) return found.id;
      result.groupsCreated++;
      return insertParticipant(w, { name, kind: 'group', mode: mode ?? null });
    };

    for (const plan of plans) {
      const existing = findByName(w.db, 'person', plan.name);
      let id: number;
      if (existing) {
        id = existing.id;
        const sets = Object.entries(plan.fields).map(([k]) => `${k} = @${k}`);
        if (sets.length) w.db.prepare(`UPDATE participants SET ${sets.join(', ')} WHERE id = @id`).run({ ...plan.fields, id });
        result.updated++;
      } else {
        id = insertParticipant(w, { name: plan.name, ...plan.fields });
        result.created++;
      }
      if (plan.groups) setGroups(w.db, id, plan.groups.map((g) => groupId(g, plan.fields.mode)));
      if (plan.consent && (!plan.consentBlank || readConsent(w.db, id) !== null)) upsertConsent(w.db, id, plan.consent, w.now);
      for (const { def, value } of plan.attributes) {
        if (value === null) w.db.prepare('DELETE FROM participant_attributes WHERE participant_id = ? AND attribute_id = ?').run(id, def.id);
        else writeValue(w.db, id, def.id, value);
      }
    }
    w.audit('register-imported', { fileName: file, ...result, warnings: warnings.length });
    return result;
  });
}
