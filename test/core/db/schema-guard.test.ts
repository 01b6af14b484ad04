/**
 * tampered-schema-refused: a .focal file whose schema differs from the one Focal's migrations make
 * (a trigger, view, table or index added by hand, or a table changed) is refused, and left
 * byte-for-byte untouched: a hand-added trigger could revert consent or drop withdrawal marks.
 */
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createProject, openProject } from '../../../electron/core/db/open-project';
import { FocalError } from '../../../electron/core/errors';
import { tempDir } from '../../support/temp';

const dir = tempDir();
let n = 0;

function tampered(sql: string): string {
  const path = `${dir}/t${++n}.focal`;
  createProject(path, 'Study').close();
  const raw = new Database(path);
  raw.exec(sql);
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
  return path;
}

function expectRefused(path: string, pattern: RegExp) {
  const before = readFileSync(path);
  let error: unknown;
  try {
    openProject(path).close();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(FocalError);
  expect((error as FocalError).code).toBe('tampered-project');
  expect((error as Error).message).toMatch(pattern);
  expect((error as Error).message).toMatch(/left unchanged/);
  expect(readFileSync(path).equals(before)).toBe(true);
}

describe('a project file whose schema was changed by hand', () => {
  it('opens an untouched file', () => {
    const path = `${dir}/ok.focal`;
    createProject(path, 'Study').close();
    openProject(path).close();
  });

  it('refuses an extra trigger (one that reverts consent)', () => {
    expectRefused(
      tampered("CREATE TRIGGER keep_consent AFTER UPDATE ON consents BEGIN UPDATE consents SET quote = 'yes' WHERE participant_id = NEW.participant_id; END;"),
      /trigger "keep_consent"/,
    );
  });

  it('refuses an extra view, table or index', () => {
    expectRefused(tampered('CREATE VIEW everyone AS SELECT name FROM participants;'), /view "everyone"/);
    expectRefused(tampered('CREATE TABLE notes_extra (x TEXT);'), /table "notes_extra"/);
    expectRefused(tampered('CREATE INDEX extra_idx ON participants (name);'), /index "extra_idx"/);
  });

  it('refuses a changed table', () => {
    expectRefused(tampered('ALTER TABLE participants ADD COLUMN secret TEXT;'), /table "participants" .*changed/);
  });

  it('refuses a missing trigger or index the migrations make', () => {
    const path = `${dir}/m.focal`;
    createProject(path, 'Study').close();
    const raw = new Database(path);
    const idx = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL LIMIT 1").pluck().get() as string;
    raw.exec(`DROP INDEX "${idx}"`);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    expectRefused(path, new RegExp(`index "${idx}" .*missing`));
  });
});
