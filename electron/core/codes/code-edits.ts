/**
 * Changing the code tree. Every change is one undoable transaction (see history/), audited by
 * the history itself; codes belong to exactly one frame, and a code never moves across frames.
 */
import type { Code, CodeFrame } from '../../../shared/domain/project';
import type { DeletePreview } from '../../../shared/domain/coding';
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { undoable } from '../history/history';
import { listCodes } from './code-queries';
import { paletteColour } from '../../../shared/domain/code-palette';


export function requireCode(db: ProjectDb, id: number): { id: number; frame_id: number; parent_id: number | null; name: string } {
  const row = db.prepare('SELECT id, frame_id, parent_id, name FROM codes WHERE id = ?').get(id) as
    | { id: number; frame_id: number; parent_id: number | null; name: string }
    | undefined;
  if (!row) throw new FocalError('not-found', `There is no code with id ${id}; it may have been deleted or merged.`);
  return row;
}

export function getCode(db: ProjectDb, id: number): Code {
  const frame = requireCode(db, id).frame_id;
  const code = listCodes(db, frame).find((c) => c.id === id);
  if (!code) throw new FocalError('not-found', `There is no code with id ${id}.`);
  return code;
}

function checkSiblingName(db: ProjectDb, frameId: number, parentId: number | null, name: string, exceptId?: number): void {
  const clash = db
    .prepare('SELECT id FROM codes WHERE frame_id = ? AND parent_id IS ? AND name = ? COLLATE NOCASE AND id IS NOT ?')
    .get(frameId, parentId, name.normalize('NFC'), exceptId ?? null);
  if (clash) throw new FocalError('conflict', `A code named "${name}" already exists there; choose another name or merge them.`);
}

export function createFrame(core: FocalCore, input: { name: string; kind: CodeFrame['kind']; description?: string | undefined }): CodeFrame {
  const db = core.requireProject().db;
  if (db.prepare('SELECT 1 FROM code_frames WHERE name = ? COLLATE NOCASE').get(input.name)) {
    throw new FocalError('conflict', `A code frame named "${input.name}" already exists.`);
  }
  const id = undoable(db, `Add frame "${input.name}"`, core.now(), () =>
    Number(db.prepare('INSERT INTO code_frames (name, kind, description, created_at) VALUES (?, ?, ?, ?)').run(input.name.normalize('NFC'), input.kind, input.description ?? '', core.now()).lastInsertRowid),
  );
  core.emit('changed', { kinds: ['codes', 'history'] });
  return db.prepare('SELECT id, name, kind, description FROM code_frames WHERE id = ?').get(id) as CodeFrame;
}

export function createCode(
  core: FocalCore,
  input: { frameId: number; parentId?: number | null | undefined; name: string; color?: string | undefined; description?: string | undefined },
): Code {
  const db = core.requireProject().db;
  if (!db.prepare('SELECT 1 FROM code_frames WHERE id = ?').get(input.frameId)) throw new FocalError('not-found', `There is no code frame with id ${input.frameId}.`);
  const parentId = input.parentId ?? null;
  if (parentId !== null && requireCode(db, parentId).frame_id !== input.frameId) {
    throw new FocalError('bad-input', 'A code and its parent must be in the same frame.');
  }
  const name = input.name.normalize('NFC');
  checkSiblingName(db, input.frameId, parentId, name);
  const count = (db.prepare('SELECT count(*) AS n FROM codes').get() as { n: number }).n;
  const position = (db.prepare('SELECT coalesce(max(position) + 1, 0) AS p FROM codes WHERE frame_id = ? AND parent_id IS ?').get(input.frameId, parentId) as { p: number }).p;
  const id = undoable(db, `Add code "${name}"`, core.now(), () =>
    Number(
      db
        .prepare('INSERT INTO codes (frame_id, parent_id, name, color, description, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(input.frameId, parentId, name, input.color ?? paletteColour(count), input.description ?? '', position, core.now()).lastInsertRowid,
    ),
  );
  core.emit('changed', { kinds: ['codes', 'history'] });
  return getCode(db, id);
}

export function updateCode(core: FocalCore, input: { id: number; name?: string | undefined; color?: string | undefined; description?: string | undefined }): Code {
  const db = core.requireProject().db;
  const code = requireCode(db, input.id);
  if (input.name !== undefined) checkSiblingName(db, code.frame_id, code.parent_id, input.name, code.id);
  const label = input.name && input.name !== code.name ? `Rename "${code.name}" to "${input.name}"` : `Edit code "${code.name}"`;
  undoable(db, label, core.now(), () => {
    if (input.name !== undefined) db.prepare('UPDATE codes SET name = ? WHERE id = ?').run(input.name.normalize('NFC'), code.id);
    if (input.color !== undefined) db.prepare('UPDATE codes SET color = ? WHERE id = ?').run(input.color.toLowerCase(), code.id);
    if (input.description !== undefined) db.prepare('UPDATE codes SET description = ? WHERE id = ?').run(input.description, code.id);
  });
  core.emit('changed', { kinds: ['codes', 'history'] });
  return getCode(db, code.id);
}

function descendants(db: ProjectDb, id: number): number[] {
  return (
    db
      .prepare('WITH RECURSIVE d(id) AS (SELECT id FROM codes WHERE parent_id = ? UNION ALL SELECT c.id FROM codes c JOIN d ON c.parent_id = d.id) SELECT id FROM d')
      .all(id) as { id: number }[]
  ).map((r) => r.id);
}

export function moveCode(core: FocalCore, input: { id: number; parentId: number | null; position?: number | undefined }): Code[] {
  const db = core.requireProject().db;
  const code = requireCode(db, input.id);
  if (input.parentId !== null) {
    const parent = requireCode(db, input.parentId);
    if (parent.frame_id !== code.frame_id) throw new FocalError('bad-input', 'Codes cannot move between frames; each frame keeps its own tree.');
    if (parent.id === code.id || descendants(db, code.id).includes(parent.id)) {
      throw new FocalError('bad-input', `"${code.name}" cannot move inside itself or one of its own sub-codes.`);
    }
  }
  checkSiblingName(db, code.frame_id, input.parentId, code.name, code.id);
  undoable(db, `Move "${code.name}"`, core.now(), () => {
    const siblings = (db.prepare('SELECT id FROM codes WHERE frame_id = ? AND parent_id IS ? AND id <> ? ORDER BY position, id').all(code.frame_id, input.parentId, code.id) as { id: number }[]).map((r) => r.id);
    const at = Math.min(input.position ?? siblings.length, siblings.length);
    siblings.splice(at, 0, code.id);
    db.prepare('UPDATE codes SET parent_id = ? WHERE id = ?').run(input.parentId, code.id);
    const setPos = db.prepare('UPDATE codes SET position = ? WHERE id = ? AND position IS NOT ?');
    siblings.forEach((sid, i) => setPos.run(i, sid, i));
  });
  core.emit('changed', { kinds: ['codes', 'history'] });
  return listCodes(db, code.frame_id);
}

export function mergeCodes(core: FocalCore, input: { ids: number[]; targetId: number }): Code {
  const db = core.requireProject().db;
  const target = requireCode(db, input.targetId);
  const sources = [...new Set(input.ids)].filter((i) => i !== target.id).map((i) => requireCode(db, i));
  for (const s of sources) {
    if (s.frame_id !== target.frame_id) throw new FocalError('bad-input', `"${s.name}" is in another frame; codes merge only within a frame.`);
    if (descendants(db, s.id).includes(target.id)) throw new FocalError('bad-input', `"${target.name}" is inside "${s.name}"; merge the other way round.`);
  }
  undoable(db, `Merge ${sources.map((s) => `"${s.name}"`).join(', ')} into "${target.name}"`, core.now(), () => {
    for (const s of sources) {
      db.prepare('UPDATE codes SET parent_id = ? WHERE parent_id = ?').run(target.id, s.id);
      db.prepare('UPDATE codings SET code_id = ? WHERE code_id = ?').run(target.id, s.id);
      db.prepare('DELETE FROM codes WHERE id = ?').run(s.id);
    }
    // Identical ranges now coded twice with the target collapse into one (the earliest kept).
    db.prepare(
      `DELETE FROM codings WHERE code_id = ? AND id NOT IN (SELECT min(id) FROM codings WHERE code_id = ? GROUP BY source_id, start, end)`,
    ).run(target.id, target.id);
  });
  core.emit('changed', { kinds: ['codes', 'codings', 'history'] });
  return getCode(db, target.id);
}

export function deletePreview(db: ProjectDb, id: number): DeletePreview {
  requireCode(db, id);
  const ids = [id, ...descendants(db, id)];
  const marks = ids.map(() => '?').join(',');
  const c = db.prepare(`SELECT count(*) AS codings, count(DISTINCT source_id) AS sources FROM codings WHERE code_id IN (${marks})`).get(...ids) as { codings: number; sources: number };
  const m = db.prepare(`SELECT count(*) AS n FROM memos WHERE target_kind = 'code' AND target_id IN (${marks})`).get(...ids) as { n: number };
  return { codes: ids.length, codings: c.codings, sources: c.sources, memos: m.n };
}

export function deleteCode(core: FocalCore, id: number): null {
  const db = core.requireProject().db;
  const code = requireCode(db, id);
  undoable(db, `Delete code "${code.name}"`, core.now(), () => {
    // Memos about the deleted codes go too (they reference codes loosely, so no FK cascade).
    const ids = [id, ...descendants(db, id)];
    db.prepare(`DELETE FROM memos WHERE target_kind = 'code' AND target_id IN (${ids.map(() => '?').join(',')})`).run(...ids);
    db.prepare('DELETE FROM codes WHERE id = ?').run(id);
  });
  core.emit('changed', { kinds: ['codes', 'codings', 'history'] });
  return null;
}
