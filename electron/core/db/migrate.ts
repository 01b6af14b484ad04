/**
 * Applies pending migrations in one transaction and checks that what a file says was applied is
 * what this build would have applied (same names and checksums), so a file is never "upgraded"
 * on top of a schema we don't recognise.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { FocalError } from '../errors';
import { LATEST_SCHEMA_VERSION, migrations, type Migration } from './migrations/index';

export function checksum(m: Migration): string {
  return createHash('sha256').update(m.sql).digest('hex').slice(0, 16);
}

export const BOOKKEEPING = /* sql */ `
CREATE TABLE IF NOT EXISTS schema_migrations (
  version     INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  checksum    TEXT NOT NULL,
  applied_at  TEXT NOT NULL
);`;

export function currentVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Throws if the file's applied migrations don't match this build's. Read-only. */
export function verifyAppliedMigrations(db: Database.Database, fileLabel: string): void {
  const rows = db.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all() as {
    version: number;
    name: string;
    checksum: string;
  }[];
  for (const row of rows) {
    const m = migrations.find((x) => x.version === row.version);
    if (!m) continue; // from the future: handled by the version check before this
    if (m.version !== row.version || checksum(m) !== row.checksum) {
      throw new FocalError(
        'corrupt-project',
        `${fileLabel}: its schema step ${row.version} ("${row.name}") differs from this version of Focal's; it was not opened or changed.`,
      );
    }
  }
}

export function migrate(db: Database.Database, now: () => string): { from: number; to: number } {
  const from = currentVersion(db);
  if (from >= LATEST_SCHEMA_VERSION) return { from, to: from };
  db.transaction(() => {
    db.exec(BOOKKEEPING);
    const record = db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
    for (const m of migrations.filter((x) => x.version > from)) {
      db.exec(m.sql);
      record.run(m.version, m.name, checksum(m), now());
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return { from, to: LATEST_SCHEMA_VERSION };
}
