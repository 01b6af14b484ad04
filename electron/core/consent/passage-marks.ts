/**
 * Passages marked withdrawn ("not for the report", said in the session) or restricted on their own.
 * A marked passage is never exportable: the gate's row 4 reads these marks.
 */
import type { PassageMark } from '../../../shared/domain/quotes';
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { sourceTextLength } from '../sources/source-length';

const SELECT = `SELECT m.id, m.source_id AS sourceId, s.title AS sourceTitle, m.start, m.end, m.kind, m.reason, substr(s.text, m.start + 1, m.end - m.start) AS text,
                       m.created_by AS createdBy, m.created_at AS createdAt
                FROM passage_marks m JOIN sources s ON s.id = m.source_id`;

export function listPassageMarks(db: ProjectDb, sourceId?: number): PassageMark[] {
  return db.prepare(`${SELECT} WHERE (@sourceId IS NULL OR m.source_id = @sourceId) ORDER BY m.source_id, m.start, m.id`).all({ sourceId: sourceId ?? null }) as PassageMark[];
}

export function addPassageMark(core: FocalCore, input: { sourceId: number; start: number; end: number; kind: 'withdrawn' | 'restricted'; reason?: string | undefined }): PassageMark {
  const project = core.requireProject();
  const db = project.db;
  const found = sourceTextLength(db, input.sourceId);
  const src = found && { title: found.title, len: found.length };
  if (!src) throw new FocalError('not-found', `There is no transcript with id ${input.sourceId} in this project.`);
  if (!(input.end > input.start && input.end <= src.len)) throw new FocalError('bad-input', `A passage must be a range inside "${src.title}" (0–${src.len}); ${input.start}–${input.end} is not.`);
  const reason = (input.reason ?? '').trim();
  const id = db.transaction(() => {
    const id = Number(
      db
        .prepare('INSERT INTO passage_marks (source_id, start, end, kind, reason, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(input.sourceId, input.start, input.end, input.kind, reason, core.actor, core.now()).lastInsertRowid,
    );
    project.audit(core.actor, 'passage-marked', { id, sourceId: input.sourceId, start: input.start, end: input.end, kind: input.kind, reason }, core.now());
    return id;
  })();
  core.emit('changed', { kinds: ['consent'] });
  return listPassageMarks(db, input.sourceId).find((m) => m.id === id)!;
}

export function removePassageMark(core: FocalCore, id: number): null {
  const project = core.requireProject();
  const db = project.db;
  db.transaction(() => {
    const m = db.prepare('SELECT id, source_id AS sourceId, start, end, kind, reason FROM passage_marks WHERE id = ?').get(id);
    if (!m) throw new FocalError('not-found', `There is no passage mark with id ${id}; it may already have been removed.`);
    db.prepare('DELETE FROM passage_marks WHERE id = ?').run(id);
    project.audit(core.actor, 'passage-unmarked', m, core.now());
  })();
  core.emit('changed', { kinds: ['consent'] });
  return null;
}
