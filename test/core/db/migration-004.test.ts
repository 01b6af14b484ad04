/** Migration 004 (export status): a file made before it keeps its exports, each complete. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { checksum } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations/index';
import { openProject } from '../../../electron/core/db/open-project';
import { FOCAL_APPLICATION_ID } from '../../../electron/core/db/sqlite-header';
import { tempDir } from '../../support/temp';

describe('migration 004', () => {
  it('marks exports recorded before it complete, and refuses a status it does not know', () => {
    const path = `${tempDir()}/v3.focal`;
    const old = new Database(path);
    old.pragma(`application_id = ${FOCAL_APPLICATION_ID}`);
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const m of migrations.slice(0, 3)) {
      old.exec(m.sql);
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?, ?)').run(m.version, m.name, checksum(m), 'then');
    }
    old.pragma('user_version = 3');
    old.prepare("INSERT INTO project (id, name, created_at, updated_at) VALUES (1, 'Old', 'then', 'then')").run();
    old.prepare("INSERT INTO exports (format, profile, destination, sha256, gate_version, actor, created_at) VALUES ('docx', 'report', '/tmp/bank.docx', 'abc', 1, 'Mere', 'then')").run();
    old.close();

    const db = openProject(path);
    expect(db.prepare('SELECT destination, status, temp_path AS tempPath FROM exports').all()).toEqual([{ destination: '/tmp/bank.docx', status: 'complete', tempPath: null }]);
    expect(() => db.prepare("UPDATE exports SET status = 'done'").run()).toThrow(/CHECK/);
    db.close();
  });
});
