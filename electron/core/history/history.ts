/**
 * Undoable actions. `undoable(project, label, fn)` runs fn in one transaction, captures its row
 * changes and stores them as a history entry; undo/redo replay them. A new action discards the
 * redo branch, as every editor does. Entries live in the project file, so undo survives a reload.
 */
import type { HistoryEntry } from '../../../shared/domain/coding';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { applyChanges, captureChangesJson, type RowChange } from './change-capture';

const MAX_ENTRIES = 200;

export function undoable<T>(db: ProjectDb, label: string, now: string, fn: () => T, level: 1 | 2 = 1): T {
  return db.transaction(() => {
    const { value, count, undo, redo } = captureChangesJson(db, fn, level);
    if (count) {
      db.prepare("DELETE FROM history WHERE state = 'undone'").run();
      db.prepare("INSERT INTO history (label, undo, redo, state, at) VALUES (?, ?, ?, 'done', ?)").run(label, undo, redo, now);
      db.prepare('DELETE FROM history WHERE id <= (SELECT max(id) FROM history) - ?').run(MAX_ENTRIES);
    }
    return value;
  })();
}

function step(db: ProjectDb, direction: 'undo' | 'redo'): HistoryEntry | null {
  return db.transaction(() => {
    const row = (
      direction === 'undo'
        ? db.prepare("SELECT id, label, undo AS ops, at FROM history WHERE state = 'done' ORDER BY id DESC LIMIT 1").get()
        : db.prepare("SELECT id, label, redo AS ops, at FROM history WHERE state = 'undone' ORDER BY id ASC LIMIT 1").get()
    ) as { id: number; label: string; ops: string; at: string } | undefined;
    if (!row) return null;
    try {
      applyChanges(db, JSON.parse(row.ops) as RowChange[]);
    } catch (e) {
      throw new FocalError('conflict', `Cannot ${direction} "${row.label}": the project has changed since (${(e as Error).message}).`);
    }
    db.prepare('UPDATE history SET state = ? WHERE id = ?').run(direction === 'undo' ? 'undone' : 'done', row.id);
    return { id: row.id, label: row.label, at: row.at };
  })();
}

export const undo = (db: ProjectDb) => step(db, 'undo');
export const redo = (db: ProjectDb) => step(db, 'redo');

export function historyState(db: ProjectDb): { canUndo: HistoryEntry | null; canRedo: HistoryEntry | null } {
  const u = db.prepare("SELECT id, label, at FROM history WHERE state = 'done' ORDER BY id DESC LIMIT 1").get() as HistoryEntry | undefined;
  const r = db.prepare("SELECT id, label, at FROM history WHERE state = 'undone' ORDER BY id ASC LIMIT 1").get() as HistoryEntry | undefined;
  return { canUndo: u ?? null, canRedo: r ?? null };
}
