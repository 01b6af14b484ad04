/**
 * The parts of a tikanga-based session: opening (whakatau or pōwhiri, mihimihi, karakia,
 * whakawhanaungatanga), the kōrero, closing (poroporoaki, karakia whakamutunga). An unrecorded
 * part is logged with its time and who led it, and has no text. A recorded opening or closing
 * part is a range of the transcript that is excluded from coding and never exported until the
 * kaitiaki releases it (see approvals.ts).
 */
import type { SessionPart } from '../../../shared/domain/project';
import { PART_KINDS, partKindLabel, type PartPhase } from '../../../shared/domain/tikanga';
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { requireGoverningKaitiaki } from '../kaitiaki/authority';
import { storeStatement } from '../kaitiaki/statements';
import { sourceSha } from '../kaitiaki/subjects';
import { requireSourceRow, type SourceRow } from './kaitiaki';

/**
 * Un-marking a recorded opening or closing part (removing it, unrecording it, making it kōrero or
 * shrinking it) takes away its protection: only the source's kaitiaki, with their key (signed).
 */
function guardUnprotect(core: FocalCore, before: SessionPart & { sourceId: number }, after: { recorded: boolean; phase: PartPhase; start: number | null; end: number | null } | null): void {
  if (!before.recorded || before.phase === 'korero') return;
  const keeps = after !== null && after.recorded && after.phase !== 'korero' && after.start !== null && after.end !== null && after.start <= before.start! && after.end >= before.end!;
  if (keeps) return;
  const db = core.requireProject().db;
  for (const a of requireGoverningKaitiaki(core, before.sourceId, `The ${partKindLabel(before.kind)} is protected until the kaitiaki releases it`)) {
    storeStatement(db, a.key, {
      groupId: a.groupId,
      kind: 'part-change',
      by: a.kaitiakiName,
      at: core.now(),
      subject: { part: { id: before.id, source: sourceSha(db, before.sourceId), start: before.start, end: before.end, kind: before.kind }, to: after },
    });
  }
}

const PART_COLUMNS = `id, kind, phase, recorded, start, end, led_by_id AS ledById, led_by_label AS ledByLabel,
  occurred_at AS occurredAt, note, released_by_approval_id AS releasedBy`;

type PartRow = Omit<SessionPart, 'recorded' | 'released'> & { recorded: number; releasedBy: number | null };

function toPart({ releasedBy, recorded, ...p }: PartRow): SessionPart {
  return { ...p, recorded: recorded === 1, released: releasedBy !== null };
}

export function listParts(db: ProjectDb, sourceId: number): SessionPart[] {
  requireSourceRow(db, sourceId);
  return (db.prepare(`SELECT ${PART_COLUMNS} FROM session_parts WHERE source_id = ? ORDER BY CASE phase WHEN 'opening' THEN 0 WHEN 'korero' THEN 1 ELSE 2 END, coalesce(start, -1), id`).all(sourceId) as PartRow[]).map(toPart);
}

export function getPart(db: ProjectDb, id: number): SessionPart & { sourceId: number } {
  const row = db.prepare(`SELECT ${PART_COLUMNS}, source_id AS sourceId FROM session_parts WHERE id = ?`).get(id) as (PartRow & { sourceId: number }) | undefined;
  if (!row) throw new FocalError('not-found', `There is no session part with id ${id}; it may have been deleted.`);
  const { sourceId, ...rest } = row;
  return { ...toPart(rest), sourceId };
}

export interface PartFields {
  kind?: string | undefined;
  phase?: PartPhase | undefined;
  recorded?: boolean | undefined;
  start?: number | null | undefined;
  end?: number | null | undefined;
  ledById?: number | null | undefined;
  ledByLabel?: string | undefined;
  occurredAt?: string | null | undefined;
  note?: string | undefined;
}

function defaultPhase(kind: string): PartPhase {
  return PART_KINDS.find((p) => p.kind === kind)?.phase ?? 'opening';
}

function checkPart(db: ProjectDb, source: SourceRow, p: Required<Omit<PartFields, 'kind'>> & { kind: string }, selfId: number | null): void {
  if (p.recorded) {
    if (p.start === null || p.end === null) throw new FocalError('bad-input', `A recorded part is a range of the transcript: select the ${partKindLabel(p.kind)} in "${source.title}" first.`);
    if (p.end <= p.start) throw new FocalError('bad-input', 'A recorded part must not be empty.');
    if (p.end > source.text.length) throw new FocalError('bad-input', `The range ${p.start}–${p.end} runs past the end of "${source.title}" (${source.text.length} characters).`);
    if (p.phase !== 'korero') {
      const coded = db
        .prepare('SELECT count(*) FROM codings WHERE source_id = ? AND start < ? AND end > ?')
        .pluck()
        .get(source.id, p.end, p.start) as number;
      if (coded > 0) {
        throw new FocalError('conflict', `${coded} coding(s) overlap this ${partKindLabel(p.kind)}; tikanga parts are not coded, so remove those codings first (or mark a smaller range).`);
      }
    }
    const clash = db
      .prepare("SELECT kind FROM session_parts WHERE source_id = ? AND recorded = 1 AND phase <> 'korero' AND start < ? AND end > ? AND id IS NOT ?")
      .pluck()
      .get(source.id, p.end, p.start, selfId) as string | undefined;
    if (clash && p.phase !== 'korero') throw new FocalError('conflict', `This range overlaps the ${partKindLabel(clash)} already marked; edit that part instead.`);
  }
  if (p.ledById !== null) {
    const who = db.prepare('SELECT kind FROM participants WHERE id = ?').pluck().get(p.ledById) as string | undefined;
    if (!who) throw new FocalError('not-found', `There is no participant with id ${p.ledById}; choose who led the part from the register.`);
  }
}

export function addPart(core: FocalCore, sourceId: number, fields: PartFields & { kind: string }): SessionPart {
  const db = core.requireProject().db;
  const source = requireSourceRow(db, sourceId);
  if (source.mode !== 'tikanga') {
    throw new FocalError('bad-input', `"${source.title}" is a mainstream session; set its mode to tikanga-based in its details before logging the parts of the hui.`);
  }
  const recorded = fields.recorded ?? false;
  const p = {
    kind: fields.kind,
    phase: fields.phase ?? defaultPhase(fields.kind),
    recorded,
    start: recorded ? (fields.start ?? null) : null,
    end: recorded ? (fields.end ?? null) : null,
    ledById: fields.ledById ?? null,
    ledByLabel: fields.ledByLabel?.normalize('NFC').trim() ?? '',
    occurredAt: fields.occurredAt ?? null,
    note: fields.note?.normalize('NFC') ?? '',
  };
  checkPart(db, source, p, null);
  const id = db.transaction(() => {
    const id = Number(
      db
        .prepare('INSERT INTO session_parts (source_id, kind, phase, recorded, start, end, led_by_id, led_by_label, occurred_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(sourceId, p.kind, p.phase, recorded ? 1 : 0, p.start, p.end, p.ledById, p.ledByLabel, p.occurredAt, p.note).lastInsertRowid,
    );
    core.requireProject().audit(core.actor, 'session-part-added', { sourceId, partId: id, kind: p.kind, recorded }, core.now());
    return id;
  })();
  core.emit('changed', { kinds: ['sources'] });
  return getPart(db, id);
}

export function updatePart(core: FocalCore, id: number, fields: PartFields): SessionPart {
  const db = core.requireProject().db;
  const before = getPart(db, id);
  const source = requireSourceRow(db, before.sourceId);
  const recorded = fields.recorded ?? before.recorded;
  const kind = fields.kind ?? before.kind;
  const p = {
    kind,
    phase: fields.phase ?? (fields.kind ? defaultPhase(kind) : before.phase),
    recorded,
    start: recorded ? (fields.start !== undefined ? fields.start : before.start) : null,
    end: recorded ? (fields.end !== undefined ? fields.end : before.end) : null,
    ledById: fields.ledById !== undefined ? fields.ledById : before.ledById,
    ledByLabel: fields.ledByLabel !== undefined ? fields.ledByLabel.normalize('NFC').trim() : before.ledByLabel,
    occurredAt: fields.occurredAt !== undefined ? fields.occurredAt : before.occurredAt,
    note: fields.note !== undefined ? fields.note.normalize('NFC') : before.note,
  };
  checkPart(db, source, p, id);
  const rangeChanged = p.start !== before.start || p.end !== before.end || p.recorded !== before.recorded;
  if (before.released && rangeChanged) {
    throw new FocalError('conflict', `The kaitiaki released this ${partKindLabel(before.kind)} as it was marked; its range cannot change now. Ask the kaitiaki to revoke the release first.`);
  }
  db.transaction(() => {
    guardUnprotect(core, before, p);
    db.prepare('UPDATE session_parts SET kind = ?, phase = ?, recorded = ?, start = ?, end = ?, led_by_id = ?, led_by_label = ?, occurred_at = ?, note = ? WHERE id = ?').run(
      p.kind,
      p.phase,
      p.recorded ? 1 : 0,
      p.start,
      p.end,
      p.ledById,
      p.ledByLabel,
      p.occurredAt,
      p.note,
      id,
    );
    core.requireProject().audit(core.actor, 'session-part-changed', { sourceId: before.sourceId, partId: id, kind: p.kind, recorded: p.recorded }, core.now());
  })();
  core.emit('changed', { kinds: ['sources'] });
  return getPart(db, id);
}

export function deletePart(core: FocalCore, id: number): null {
  const db = core.requireProject().db;
  const before = getPart(db, id);
  if (before.released) {
    throw new FocalError('conflict', `The kaitiaki released this ${partKindLabel(before.kind)}; that decision stays on record. Ask the kaitiaki to revoke the release before removing the part.`);
  }
  db.transaction(() => {
    guardUnprotect(core, before, null);
    db.prepare('DELETE FROM session_parts WHERE id = ?').run(id);
    core.requireProject().audit(core.actor, 'session-part-removed', { sourceId: before.sourceId, partId: id, kind: before.kind }, core.now());
  })();
  core.emit('changed', { kinds: ['sources'] });
  return null;
}
