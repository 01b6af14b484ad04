/**
 * A merge as ONE undoable step. The history capture (history/change-capture.ts) records the code
 * tree, codings and memos by itself; a merge also adds sources (with their speakers, blocks and
 * search rows), participants and kaitiaki statements, which are not undoable tables. Those rows are
 * added here by hand: redo re-inserts them whole (ids included), undo deletes the top rows and the
 * foreign-key cascades remove their parts. Search rows (FTS, no id column) are deleted by rowid.
 */
import type { ProjectDb } from '../db/open-project';
import { captureChanges, invert, UNDOABLE_TABLES, type RowChange } from '../history/change-capture';

export class ExtraRows {
  readonly redo: RowChange[] = [];
  readonly undo: RowChange[] = [];

  /**
   * Insert a row as given (under a new id) and record it for redo. `key` names how the row is
   * found again: its id, its rowid (search rows), or none (link rows removed by a cascade).
   */
  insert(db: ProjectDb, table: string, row: Record<string, unknown>, opts: { undoDelete: boolean; key?: 'id' | 'rowid' | 'none' } = { undoDelete: true }): number {
    const cols = Object.keys(row);
    const id = Number(db.prepare(`INSERT INTO ${table} (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row).lastInsertRowid);
    // Tables the history capture records by itself (e.g. speakers, since the speaker review became
    // undoable) are not recorded twice: redo would insert them twice.
    if ((UNDOABLE_TABLES as readonly string[]).includes(table)) return id;
    const key = opts.key ?? 'id';
    const full = key === 'none' ? row : { [key]: id, ...row };
    this.redo.push({ table: table as RowChange['table'], op: 'insert', old: null, new: full });
    if (opts.undoDelete && key !== 'none') this.undo.push({ table: table as RowChange['table'], op: 'delete', old: { [key]: id }, new: null });
    return id;
  }

  /** Forget the last recorded row (a kaitiaki statement that did not verify, removed again). */
  drop(table: string, id: number): void {
    const i = this.redo.findIndex((c) => c.table === table && c.new?.id === id);
    if (i >= 0) this.redo.splice(i, 1);
    const j = this.undo.findIndex((c) => c.table === table && c.old?.id === id);
    if (j >= 0) this.undo.splice(j, 1);
  }
}

export function undoableMerge<T>(db: ProjectDb, label: string, now: string, fn: (extra: ExtraRows) => T): { value: T; recorded: boolean } {
  return db.transaction(() => {
    const extra = new ExtraRows();
    const { value, changes } = captureChanges(db, () => fn(extra));
    const recorded = changes.length + extra.redo.length > 0;
    if (recorded) {
      // Undo: the captured changes backwards first (codings before the sources they sit on), then the added rows.
      const undo = [...invert(changes), ...[...extra.undo].reverse()];
      const redo = [...extra.redo, ...changes];
      db.prepare("DELETE FROM history WHERE state = 'undone'").run();
      db.prepare("INSERT INTO history (label, undo, redo, state, at) VALUES (?, ?, ?, 'done', ?)").run(label, JSON.stringify(undo), JSON.stringify(redo), now);
    }
    return { value, recorded };
  })();
}
