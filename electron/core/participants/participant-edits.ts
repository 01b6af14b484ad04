/** Adding, changing and removing participants and groups. */
import type { ParsedInput } from '../../../shared/api/contract';
import type { ParticipantDetail, ParticipantKind } from '../../../shared/domain/project';
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';
import { assertPseudonymFree } from '../pseudonyms/register-edits';
import { FocalError } from '../errors';
import { assertKaitiakiHandover } from '../tikanga/kaitiaki';
import { setAttributeValues } from './attribute-edits';
import { cleanName, commit, type WriteContext } from './commit';
import { upsertConsent } from './consent';
import { assertGovernanceKept, governanceSnapshot, setGroups } from './memberships';
import { findByName, getParticipant, requireParticipant } from './participant-queries';
import { authorityProblem, governingGroups } from '../kaitiaki/authority';

type CreateInput = ParsedInput<'participant-create'>;
type UpdateInput = ParsedInput<'participant-update'>;

/** Column for each plain field a caller may change. */
const COLUMNS = {
  name: 'name',
  kind: 'kind',
  pseudonym: 'pseudonym',
  role: 'role',
  mode: 'mode',
  notes: 'notes',
  kaitiakiId: 'kaitiaki_id',
  attribution: 'attribution',
} as const;
type Field = keyof typeof COLUMNS;

export function checkNameFree(db: ProjectDb, kind: ParticipantKind, name: string, self?: number): void {
  const other = findByName(db, kind, name);
  if (other && other.id !== self) {
    throw new FocalError('conflict', `There is already a ${kind} named '${name}'; use that one, or tell them apart in the name (e.g. '${name} (2)').`);
  }
}

function checkKaitiaki(db: ProjectDb, kaitiakiId: number, self?: number): void {
  const k = requireParticipant(db, kaitiakiId);
  if (k.kind !== 'person') throw new FocalError('bad-input', `'${k.name}' is a group; a kaitiaki must be a person.`);
  if (kaitiakiId === self) throw new FocalError('bad-input', `'${k.name}' cannot be their own kaitiaki; choose the person who looks after this data.`);
}

/** Blank optional text is stored as null ("no pseudonym"), not as an empty string. */
function normalise(field: Field, value: unknown): unknown {
  if (field === 'name' && typeof value === 'string') return cleanName(value);
  if ((field === 'pseudonym' || field === 'attribution') && typeof value === 'string') return value.trim() === '' ? null : value.normalize('NFC').trim();
  if (typeof value === 'string') return value.normalize('NFC');
  return value;
}

/** Inserts a participant row (no audit): used by create, the register import and speaker mapping. */
export function insertParticipant(w: WriteContext, fields: Partial<Record<Field, unknown>> & { name: string }): number {
  const kind = (fields.kind as ParticipantKind | undefined) ?? 'person';
  const name = cleanName(fields.name);
  checkNameFree(w.db, kind, name);
  if (typeof fields.kaitiakiId === 'number') checkKaitiaki(w.db, fields.kaitiakiId);
  const row: Record<string, unknown> = { kind, name, role: 'participant', notes: '', created_at: w.now };
  for (const [f, col] of Object.entries(COLUMNS) as Array<[Field, string]>) {
    const v = fields[f];
    if (v !== undefined && f !== 'kind' && f !== 'name') row[col] = normalise(f, v);
  }
  const cols = Object.keys(row);
  const sql = `INSERT INTO participants (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;
  return Number(w.db.prepare(sql).run(...Object.values(row)).lastInsertRowid);
}

export function createParticipant(core: FocalCore, input: CreateInput): ParticipantDetail {
  const id = commit(core, ['participants'], (w) => {
    const { groupIds, attributes, ...fields } = input;
    const newId = insertParticipant(w, fields);
    if (groupIds) setGroups(w.db, newId, groupIds);
    if (attributes) setAttributeValues(w.db, newId, attributes);
    w.audit('participant-created', { id: newId, name: cleanName(input.name), kind: input.kind ?? 'person' });
    return newId;
  });
  return getParticipant(core.requireProject().db, id);
}

export function updateParticipant(core: FocalCore, input: UpdateInput): ParticipantDetail {
  const { id, groupIds, attributes, consent } = input;
  requireParticipant(core.requireProject().db, id);
  const kinds: Array<'participants' | 'consent'> = consent ? ['participants', 'consent'] : ['participants'];
  commit(core, kinds, (w) => {
    const before = requireParticipant(w.db, id);
    const changed: string[] = [];
    const sets: string[] = [];
    const values: unknown[] = [];
    for (const [f, col] of Object.entries(COLUMNS) as Array<[Field, string]>) {
      if (input[f] === undefined) continue;
      const v = normalise(f, input[f]);
      if (v === before[f]) continue;
      sets.push(`${col} = ?`);
      values.push(v);
      changed.push(f);
    }
    const kind = input.kind ?? before.kind;
    if (input.name !== undefined || input.kind !== undefined) checkNameFree(w.db, kind, cleanName(input.name ?? before.name), id);
    if (typeof input.kaitiakiId === 'number') checkKaitiaki(w.db, input.kaitiakiId, id);
    const pseudonym = normalise('pseudonym', input.pseudonym);
    if (changed.includes('pseudonym') && typeof pseudonym === 'string') assertPseudonymFree(w.db, { id, name: cleanName(input.name ?? before.name) }, pseudonym);
    if (changed.includes('kaitiakiId') && before.kaitiakiId !== null) assertKaitiakiHandover(core, id);
    if (before.kind === 'group' && kind === 'person') {
      const members = w.db.prepare('SELECT count(*) FROM group_members WHERE group_id = ?').pluck().get(id) as number;
      if (members > 0) throw new FocalError('conflict', `'${before.name}' has ${members} member(s); remove them before making it a person.`);
    }
    if (sets.length) w.db.prepare(`UPDATE participants SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
    if (groupIds) {
      const governed = governanceSnapshot(w.db);
      setGroups(w.db, id, groupIds);
      assertGovernanceKept(w.db, governed);
      changed.push('groupIds');
    }
    if (attributes) changed.push(...setAttributeValues(w.db, id, attributes).map((a) => `attribute:${a}`));
    if (consent) {
      const consentChanged = upsertConsent(w.db, id, consent, w.now);
      if (consentChanged.length) w.audit('consent-changed', { id, name: before.name, consent: Object.fromEntries(consentChanged.map((k) => [k, consent[k] ?? null])) });
    }
    if (changed.length) w.audit('participant-updated', { id, name: before.name, changed });
  });
  return getParticipant(core.requireProject().db, id);
}

/** Removes a participant: their speaker labels become unmapped; transcripts stay as they are. */
export function deleteParticipant(core: FocalCore, id: number): null {
  commit(core, ['participants', 'sources', 'consent'], (w) => {
    const before = requireParticipant(w.db, id);
    const decisions = w.db
      .prepare('SELECT (SELECT count(*) FROM approvals WHERE kaitiaki_id = ?) + (SELECT count(*) FROM sensitivity_labels WHERE set_by_id = ?)')
      .pluck()
      .get(id, id) as number;
    if (decisions > 0) {
      throw new FocalError('conflict', `'${before.name}' made ${decisions} kaitiaki decision(s) that must stay on record, so they cannot be removed; record that they have withdrawn instead.`);
    }
    if (before.kind === 'group') assertGroupDeletable(core, w.db, id, before.name);
    const unmapped = w.db.prepare('SELECT count(*) FROM speakers WHERE participant_id = ?').pluck().get(id) as number;
    w.db.prepare('DELETE FROM participants WHERE id = ?').run(id);
    w.audit('participant-deleted', { id, name: before.name, kind: before.kind, speakersUnmapped: unmapped });
  });
  return null;
}

/**
 * Deleting a group would take its kaitiaki's signed decisions with it and leave its tikanga-based
 * sessions governed by nobody (anyone could then name themselves kaitiaki of a new group and move
 * them there). So a group with signed statements is never deleted, and one that governs a
 * tikanga-based session is deleted only with its kaitiaki's key unlocked.
 */
function assertGroupDeletable(core: FocalCore, db: ProjectDb, groupId: number, name: string): void {
  const statements = db.prepare('SELECT count(*) FROM kaitiaki_statements WHERE group_id = ?').pluck().get(groupId) as number;
  if (statements > 0) {
    throw new FocalError('conflict', `'${name}' has ${statements} signed kaitiaki decision(s) that must stay on record, so the group cannot be deleted. Leave it in the register; its sessions stay under its kaitiaki.`);
  }
  const tikanga = db.prepare("SELECT id FROM sources WHERE mode = 'tikanga'").pluck().all() as number[];
  const governs = tikanga.some((sourceId) => governingGroups(db, sourceId).includes(groupId));
  // A group with no kaitiaki named gives nobody to ask (as for every other protection).
  const kaitiaki = db.prepare('SELECT kaitiaki_id FROM participants WHERE id = ?').pluck().get(groupId) as number | null;
  if (!governs || kaitiaki === null) return;
  const { problem } = authorityProblem(core, groupId);
  if (problem) throw new FocalError('forbidden', `'${name}' looks after tikanga-based sessions, so only its kaitiaki can delete it: ${problem}`);
}
