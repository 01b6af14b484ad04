/**
 * The schema a file holds must be exactly the schema Focal's migrations make at the file's version:
 * every table, index, trigger and view, with its SQL. A trigger added by hand can revert a consent
 * value or drop a withdrawal mark after it is saved, and then an export would include talk that
 * must never leave; so anything extra, missing or changed is refused before the file is opened
 * read-write, and the file is left untouched. (Temporary triggers the app installs per connection
 * live in sqlite_temp_master and are not part of the file.)
 */
import Database from 'better-sqlite3';
import { FocalError } from '../errors';
import { BOOKKEEPING } from './migrate';
import { migrations } from './migrations/index';

interface SchemaRow {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

/** sqlite_stat* tables are statistics SQLite itself keeps (ANALYZE, PRAGMA optimize): not schema. */
const IGNORED = /^sqlite_stat\d$/;

function schemaOf(db: Database.Database): Map<string, SchemaRow> {
  const rows = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master').all() as SchemaRow[];
  return new Map(rows.filter((r) => !IGNORED.test(r.name)).map((r) => [`${r.type} ${r.name}`, r]));
}

const expectedCache = new Map<number, Map<string, SchemaRow>>();

/** The schema the migrations make up to `version`, built once per version in memory. */
export function expectedSchema(version: number, nativeBinding?: string): Map<string, SchemaRow> {
  let hit = expectedCache.get(version);
  if (!hit) {
    const mem = new Database(':memory:', { nativeBinding });
    try {
      mem.exec(BOOKKEEPING);
      for (const m of migrations.slice(0, version)) mem.exec(m.sql);
      hit = schemaOf(mem);
    } finally {
      mem.close();
    }
    expectedCache.set(version, hit);
  }
  return hit;
}

/** SQL compared up to white space: the same statement written on one line or several is the same schema. */
const norm = (sql: string | null) =>
  (sql ?? '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([(),;])\s*/g, '$1')
    .trim();

/** What differs between the file's schema and the expected one, one phrase each (empty when they match). */
export function schemaDifferences(db: Database.Database, version: number, nativeBinding?: string): string[] {
  if (version === 0) return [];
  const want = expectedSchema(version, nativeBinding);
  const have = schemaOf(db);
  const out: string[] = [];
  for (const [key, row] of have) {
    const expected = want.get(key);
    if (!expected) out.push(`${row.type} "${row.name}" was added`);
    else if (norm(expected.sql) !== norm(row.sql) || expected.tbl_name !== row.tbl_name) out.push(`${row.type} "${row.name}" was changed`);
  }
  for (const [key, row] of want) if (!have.has(key)) out.push(`${row.type} "${row.name}" is missing`);
  return out;
}

/** Throws a 'tampered-project' error naming what differs. */
export function assertSchemaIntact(db: Database.Database, version: number, label: string, nativeBinding?: string): void {
  const diff = schemaDifferences(db, version, nativeBinding);
  if (!diff.length) return;
  const shown = diff.slice(0, 3).join('; ') + (diff.length > 3 ? `; and ${diff.length - 3} more` : '');
  throw new FocalError(
    'tampered-project',
    `${label}: its database schema is not the one Focal makes (${shown}), so it could change what is exported; it was not opened and was left unchanged. Open a backup copy, or ask whoever changed it.`,
  );
}
