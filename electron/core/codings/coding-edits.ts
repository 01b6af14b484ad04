/**
 * Applying and removing codes on ranges of a transcript. Ranges are UTF-16 offsets into the
 * source's NFC text and are checked against it, so a coding can never point outside the text.
 */
import type { Coding, CodingsPatch } from '../../../shared/domain/coding';
import { codeCounts } from '../codes/code-queries';
import type { FocalCore } from '../app/focal-core';
import { requireCode } from '../codes/code-edits';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { undoable } from '../history/history';
import { assertCodable } from '../tikanga/coding-guard';
import { sourceTextLength } from '../sources/source-length';

const CODING_COLUMNS = 'id, code_id AS codeId, source_id AS sourceId, start, end, coder, created_at AS createdAt';

function sourceLength(db: ProjectDb, sourceId: number): { length: number; title: string } {
  const row = sourceTextLength(db, sourceId);
  if (!row) throw new FocalError('not-found', `There is no transcript with id ${sourceId}.`);
  return row;
}

function checkRange(db: ProjectDb, sourceId: number, start: number, end: number): void {
  const { length, title } = sourceLength(db, sourceId);
  if (end > length) throw new FocalError('bad-input', `The range ${start}–${end} runs past the end of "${title}" (${length} characters).`);
  if (end <= start) throw new FocalError('bad-input', 'A coded range must not be empty.');
}

/** What a coding changed in one transcript, for the view to patch itself (and for the `changed` event). */
function patchOf(db: ProjectDb, sourceId: number, upsertedIds: number[], removed: number[], codeIds: number[]): CodingsPatch {
  const byId = db.prepare(`SELECT ${CODING_COLUMNS} FROM codings WHERE id = ?`);
  return { sourceId, upserted: upsertedIds.map((id) => byId.get(id) as Coding).filter(Boolean), removed, counts: codeCounts(db, [...new Set(codeIds)]) };
}

export function applyCoding(core: FocalCore, input: { codeId: number; sourceId: number; start: number; end: number }): Coding & { changes: CodingsPatch } {
  const db = core.requireProject().db;
  const code = requireCode(db, input.codeId);
  checkRange(db, input.sourceId, input.start, input.end);
  assertCodable(db, code.frame_id, input.sourceId, [input]);
  // Codings are kept per coder: another coder's identical coding is theirs, not this one (team agreement counts both).
  const existing = db.prepare(`SELECT ${CODING_COLUMNS} FROM codings WHERE code_id = ? AND source_id = ? AND start = ? AND end = ? AND coder = ?`).get(input.codeId, input.sourceId, input.start, input.end, core.actor) as Coding | undefined;
  if (existing) return { ...existing, changes: { sourceId: input.sourceId, upserted: [], removed: [], counts: [] } };
  const id = undoable(db, `Code with "${code.name}"`, core.now(), () =>
    Number(db.prepare('INSERT INTO codings (code_id, source_id, start, end, coder, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(input.codeId, input.sourceId, input.start, input.end, core.actor, core.now()).lastInsertRowid),
  );
  const changes = patchOf(db, input.sourceId, [id], [], [input.codeId]);
  core.emit('changed', { kinds: ['codings', 'codes', 'history'], codings: changes });
  return { ...changes.upserted[0]!, changes };
}

export function applyToBlocks(core: FocalCore, input: { codeId: number; blockIds: number[] }): Coding[] {
  const db = core.requireProject().db;
  const code = requireCode(db, input.codeId);
  const get = db.prepare('SELECT id, source_id AS sourceId, start, end, kind FROM blocks WHERE id = ?');
  const blocks = [...new Set(input.blockIds)].map((id) => {
    const b = get.get(id) as { id: number; sourceId: number; start: number; end: number; kind: string } | undefined;
    if (!b) throw new FocalError('not-found', `There is no turn with id ${id}.`);
    return b;
  });
  for (const sourceId of new Set(blocks.map((b) => b.sourceId))) assertCodable(db, code.frame_id, sourceId, blocks.filter((b) => b.sourceId === sourceId));
  const exists = db.prepare('SELECT id FROM codings WHERE code_id = ? AND source_id = ? AND start = ? AND end = ? AND coder = ?');
  const insert = db.prepare('INSERT INTO codings (code_id, source_id, start, end, coder, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const label = blocks.length === 1 ? `Code a turn with "${code.name}"` : `Code ${blocks.length} turns with "${code.name}"`;
  const ids = undoable(db, label, core.now(), () =>
    blocks
      .filter((b) => b.end > b.start)
      .map((b) => {
        const found = exists.get(code.id, b.sourceId, b.start, b.end, core.actor) as { id: number } | undefined;
        return found ? found.id : Number(insert.run(code.id, b.sourceId, b.start, b.end, core.actor, core.now()).lastInsertRowid);
      }),
  );
  core.emit('changed', { kinds: ['codings', 'codes', 'history'] });
  const byId = db.prepare(`SELECT ${CODING_COLUMNS} FROM codings WHERE id = ?`);
  return ids.map((id) => byId.get(id) as Coding);
}

export function removeCoding(core: FocalCore, input: { codeId: number; sourceId: number; start: number; end: number }): { removed: number; trimmed: number; changes: CodingsPatch } {
  const db = core.requireProject().db;
  const code = requireCode(db, input.codeId);
  const { start, end } = input;
  const overlapping = db
    .prepare(`SELECT ${CODING_COLUMNS} FROM codings WHERE code_id = ? AND source_id = ? AND start < ? AND end > ?`)
    .all(input.codeId, input.sourceId, end, start) as Coding[];
  let removed = 0;
  let trimmed = 0;
  const gone: number[] = [];
  const changed: number[] = [];
  undoable(db, `Remove "${code.name}" from a passage`, core.now(), () => {
    for (const c of overlapping) {
      if (c.start >= start && c.end <= end) {
        db.prepare('DELETE FROM codings WHERE id = ?').run(c.id);
        gone.push(c.id);
        removed++;
      } else if (c.start < start && c.end > end) {
        // The removed range is inside the coding: split it in two, keeping coder and time.
        db.prepare('UPDATE codings SET end = ? WHERE id = ?').run(start, c.id);
        const rest = db.prepare('INSERT INTO codings (code_id, source_id, start, end, coder, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(c.codeId, c.sourceId, end, c.end, c.coder, c.createdAt);
        changed.push(c.id, Number(rest.lastInsertRowid));
        trimmed++;
      } else if (c.start < start) {
        db.prepare('UPDATE codings SET end = ? WHERE id = ?').run(start, c.id);
        changed.push(c.id);
        trimmed++;
      } else {
        db.prepare('UPDATE codings SET start = ? WHERE id = ?').run(end, c.id);
        changed.push(c.id);
        trimmed++;
      }
    }
  });
  const changes = overlapping.length ? patchOf(db, input.sourceId, changed, gone, [input.codeId]) : { sourceId: input.sourceId, upserted: [], removed: [], counts: [] };
  if (overlapping.length) core.emit('changed', { kinds: ['codings', 'codes', 'history'], codings: changes });
  return { removed, trimmed, changes };
}

export function listCodings(db: ProjectDb, sourceId: number, frameId?: number): Coding[] {
  return db
    .prepare(
      `SELECT ${CODING_COLUMNS.replace(/(^|, )(\w+)/g, '$1cd.$2')} FROM codings cd JOIN codes c ON c.id = cd.code_id
       WHERE cd.source_id = @sourceId AND (@frameId IS NULL OR c.frame_id = @frameId) ORDER BY cd.start, cd.end, cd.id`,
    )
    .all({ sourceId, frameId: frameId ?? null }) as Coding[];
}
