/**
 * Undo that survives a reload, without writing an inverse by hand for every command.
 *
 * Temporary triggers (per connection, never stored in the file) record every row inserted,
 * updated or deleted in the undoable tables while an action runs, as JSON. From that log an
 * action's undo (reverse order, inverse ops) and redo (forward ops) are derived and stored in
 * the `history` table in the same transaction as the action itself. FK cascades fire the
 * triggers too, so deleting a code also captures the codings the cascade removed.
 */
import { applySourceTextChange } from '../corrections/source-text';
import type { ProjectDb } from '../db/open-project';

/** Tables whose changes are undoable: the code tree, codings, memos, a recording's sync points and speaker labels (the speaker review, with blocks at level 2). */
export const UNDOABLE_TABLES = ['codes', 'codings', 'memos', 'code_frames', 'media_sync_points', 'speakers'] as const;
/**
 * Tables captured too while a transcript's text is corrected (capture level 2): everything that
 * holds an offset into it. The text itself and the search index are logged by the correction as
 * `source_text` (edits, not copies of the text) and `search_index` (by rowid) changes.
 */
export const TEXT_TABLES = ['blocks', 'annotations', 'session_parts', 'quotes', 'passage_marks', 'sensitivity_labels', 'approvals'] as const;
export type UndoableTable = (typeof UNDOABLE_TABLES)[number] | (typeof TEXT_TABLES)[number] | 'search_index' | 'source_text';

export interface RowChange {
  table: UndoableTable;
  op: 'insert' | 'update' | 'delete';
  old: Record<string, unknown> | null;
  new: Record<string, unknown> | null;
}

function columns(db: ProjectDb, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
}

function jsonRow(prefix: 'OLD' | 'NEW', cols: string[]): string {
  return `json_object(${cols.map((c) => `'${c}', ${prefix}."${c}"`).join(', ')})`;
}

/** Installs the temporary capture triggers on this connection. Idempotent. */
export function installChangeCapture(db: ProjectDb): void {
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS capture_flag (on_ INTEGER NOT NULL);
    CREATE TEMP TABLE IF NOT EXISTS capture_log (seq INTEGER PRIMARY KEY, tbl TEXT, op TEXT, old TEXT, new TEXT);
    DELETE FROM temp.capture_flag; INSERT INTO temp.capture_flag VALUES (0);
  `);
  for (const table of [...UNDOABLE_TABLES, ...TEXT_TABLES]) {
    const cols = columns(db, table);
    const level = (UNDOABLE_TABLES as readonly string[]).includes(table) ? '>= 1' : '= 2';
    const when = `WHEN (SELECT on_ FROM temp.capture_flag) ${level}`;
    db.exec(`
      CREATE TEMP TRIGGER IF NOT EXISTS capture_${table}_ins AFTER INSERT ON main.${table} ${when}
        BEGIN INSERT INTO temp.capture_log (tbl, op, old, new) VALUES ('${table}', 'insert', NULL, ${jsonRow('NEW', cols)}); END;
      CREATE TEMP TRIGGER IF NOT EXISTS capture_${table}_upd AFTER UPDATE ON main.${table} ${when}
        BEGIN INSERT INTO temp.capture_log (tbl, op, old, new) VALUES ('${table}', 'update', ${jsonRow('OLD', cols)}, ${jsonRow('NEW', cols)}); END;
      CREATE TEMP TRIGGER IF NOT EXISTS capture_${table}_del AFTER DELETE ON main.${table} ${when}
        BEGIN INSERT INTO temp.capture_log (tbl, op, old, new) VALUES ('${table}', 'delete', ${jsonRow('OLD', cols)}, NULL); END;
    `);
  }
}

/** Runs fn with capture on and returns what it changed. Call inside a transaction. Level 2 captures the text tables too. */
export function captureChanges<T>(db: ProjectDb, fn: () => T, level: 1 | 2 = 1): { value: T; changes: RowChange[] } {
  db.exec(`DELETE FROM temp.capture_log; UPDATE temp.capture_flag SET on_ = ${level};`);
  try {
    const value = fn();
    const rows = db.prepare('SELECT tbl, op, old, new FROM temp.capture_log ORDER BY seq').all() as {
      tbl: UndoableTable;
      op: RowChange['op'];
      old: string | null;
      new: string | null;
    }[];
    const changes = rows.map((r) => ({
      table: r.tbl,
      op: r.op,
      old: r.old ? (JSON.parse(r.old) as Record<string, unknown>) : null,
      new: r.new ? (JSON.parse(r.new) as Record<string, unknown>) : null,
    }));
    return { value, changes };
  } finally {
    db.exec('UPDATE temp.capture_flag SET on_ = 0; DELETE FROM temp.capture_log;');
  }
}

/** Adds a change the triggers cannot see (the text as edits, the FTS index) to the running capture, in order. */
export function logChange(db: ProjectDb, change: RowChange): void {
  db.prepare('INSERT INTO temp.capture_log (tbl, op, old, new) VALUES (?, ?, ?, ?)').run(change.table, change.op, change.old ? JSON.stringify(change.old) : null, change.new ? JSON.stringify(change.new) : null);
}

/**
 * Runs fn with capture on and returns what it changed as the history entry's two JSON texts (redo:
 * forward ops; undo: inverse ops in reverse order), built by SQLite from the log: an action that
 * touches 100,000 rows (an auto-code) never holds them as JS objects. Same JSON as
 * JSON.stringify(changes) / JSON.stringify(invert(changes)). Call inside a transaction.
 */
export function captureChangesJson<T>(db: ProjectDb, fn: () => T, level: 1 | 2 = 1): { value: T; count: number; redo: string; undo: string } {
  db.exec(`DELETE FROM temp.capture_log; UPDATE temp.capture_flag SET on_ = ${level};`);
  try {
    const value = fn();
    db.exec('UPDATE temp.capture_flag SET on_ = 0;');
    const count = db.prepare('SELECT count(*) FROM temp.capture_log').pluck().get() as number;
    if (!count) return { value, count, redo: '[]', undo: '[]' };
    const redo = db
      .prepare("SELECT json_group_array(json_object('table', tbl, 'op', op, 'old', json(old), 'new', json(new))) FROM (SELECT * FROM temp.capture_log ORDER BY seq)")
      .pluck()
      .get() as string;
    const undo = db
      .prepare(
        `SELECT json_group_array(json_object('table', tbl, 'op', CASE op WHEN 'insert' THEN 'delete' WHEN 'delete' THEN 'insert' ELSE op END, 'old', json(new), 'new', json(old)))
         FROM (SELECT * FROM temp.capture_log ORDER BY seq DESC)`,
      )
      .pluck()
      .get() as string;
    return { value, count, redo, undo };
  } finally {
    db.exec('UPDATE temp.capture_flag SET on_ = 0; DELETE FROM temp.capture_log;');
  }
}

/** The changes that undo `changes`: inverse ops in reverse order. */
export function invert(changes: RowChange[]): RowChange[] {
  return [...changes].reverse().map((c) => ({ table: c.table, op: c.op === 'insert' ? 'delete' : c.op === 'delete' ? 'insert' : 'update', old: c.new, new: c.old }));
}

/** Applies row changes exactly (ids included). Foreign keys are checked at commit, so order within the batch does not matter. */
export function applyChanges(db: ProjectDb, changes: RowChange[]): void {
  db.pragma('defer_foreign_keys = ON');
  // A correction moves hundreds of rows the same way: each statement is compiled once per replay.
  const stmts = new Map<string, ReturnType<ProjectDb['prepare']>>();
  type Params = Record<string, unknown>;
  const prep = (sql: string) => {
    let st = stmts.get(sql);
    if (!st) stmts.set(sql, (st = db.prepare(sql)));
    return st;
  };
  // The rows this batch restores itself (a correction's replay carries every other range: source-text.ts).
  const touched = new Set(changes.map((c) => `${c.table}:${String((c.new ?? c.old)?.id)}`));
  for (const c of changes) {
    if (c.table === 'source_text') {
      if (c.new) applySourceTextChange(db, c.new, touched);
      continue;
    }
    const key = c.table === 'search_index' ? 'rowid' : 'id';
    if (c.op === 'insert' && c.new) {
      const cols = Object.keys(c.new);
      prep(`INSERT INTO ${c.table} (${cols.map((k) => `"${k}"`).join(', ')}) VALUES (${cols.map((k) => `@${k}`).join(', ')})`).run(c.new as Params);
    } else if (c.op === 'delete' && c.old) {
      // Rows without an id column (full-text search rows a merge added) are named by rowid.
      const delKey = key in c.old ? key : 'rowid';
      prep(`DELETE FROM ${c.table} WHERE ${delKey} = ?`).run(c.old[delKey] as number);
    } else if (c.op === 'update' && c.new) {
      const cols = Object.keys(c.new).filter((k) => k !== key);
      prep(`UPDATE ${c.table} SET ${cols.map((k) => `"${k}" = @${k}`).join(', ')} WHERE ${key} = @${key}`).run(c.new as Params);
    }
  }
}
