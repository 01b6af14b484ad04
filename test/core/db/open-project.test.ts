import { copyFileSync, readFileSync, writeFileSync, truncateSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createProject, inspectProjectFile, openProject } from '../../../electron/core/db/open-project';
import { LATEST_SCHEMA_VERSION, migrations } from '../../../electron/core/db/migrations/index';
import { FocalError } from '../../../electron/core/errors';
import { tempDir } from '../../support/temp';

const dir = tempDir();
let n = 0;
const fresh = (ext = '.focal') => `${dir}/p${++n}${ext}`;

function expectFocalError(fn: () => unknown, code: string, pattern: RegExp) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FocalError);
    expect((e as FocalError).code).toBe(code);
    expect((e as Error).message).toMatch(pattern);
    expect((e as Error).message).not.toContain('\n');
    return;
  }
  throw new Error('expected an error');
}

describe('creating a project', () => {
  it('makes a WAL database with foreign keys, the schema version and a project row', () => {
    const path = fresh();
    const db = createProject(path, 'Hui study');
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare('SELECT name FROM project').get()).toEqual({ name: 'Hui study' });
    const applied = db.prepare('SELECT version, name FROM schema_migrations').all();
    expect(applied).toHaveLength(migrations.length);
    db.close();
  });

  it('refuses to overwrite an existing file', () => {
    const path = fresh();
    writeFileSync(path, 'precious');
    expectFocalError(() => createProject(path, 'x'), 'project-exists', /already exists/);
    expect(readFileSync(path, 'utf8')).toBe('precious');
  });

  it('enforces foreign keys (a coding cannot point at a missing code)', () => {
    const db = createProject(fresh(), 'fk');
    expect(() =>
      db.prepare("INSERT INTO codings (code_id, source_id, start, end, coder, created_at) VALUES (99, 99, 0, 5, 'x', 'now')").run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('stores macrons exactly as given', () => {
    const path = fresh();
    const db = createProject(path, 'Kōrero o te whānau');
    db.close();
    const again = openProject(path);
    expect(again.prepare('SELECT name FROM project').get()).toEqual({ name: 'Kōrero o te whānau' });
    again.close();
  });
});

describe('opening files that are not Focal projects leaves them byte-for-byte unchanged', () => {
  const cases: Array<[string, (p: string) => void, string, RegExp]> = [
    ['a text file renamed .focal', (p) => writeFileSync(p, 'Title: hui notes\nAroha: kia ora\n'), 'not-a-project', /is not a Focal project/],
    ['an empty file', (p) => writeFileSync(p, ''), 'not-a-project', /empty/],
    [
      'a foreign SQLite database',
      (p) => {
        const db = new Database(p);
        db.exec('CREATE TABLE budget (id INTEGER PRIMARY KEY, amount REAL); INSERT INTO budget VALUES (1, 2.5);');
        db.close();
      },
      'foreign-database',
      /another program/,
    ],
    [
      'a truncated project',
      (p) => {
        const src = fresh();
        const db = createProject(src, 'whole');
        db.exec("INSERT INTO participants (name, created_at) VALUES ('A', 'now')");
        db.close();
        copyFileSync(src, p);
        truncateSync(p, Math.floor(statSync(p).size / 2) + 100);
      },
      'corrupt-project',
      /damaged|cut short/,
    ],
  ];
  for (const [label, make, code, pattern] of cases) {
    it(`refuses ${label}`, () => {
      const path = fresh();
      make(path);
      const before = readFileSync(path);
      expectFocalError(() => openProject(path), code, pattern);
      expect(readFileSync(path).equals(before)).toBe(true);
    });
  }

  it('refuses a missing file', () => {
    expectFocalError(() => openProject(`${dir}/nope.focal`), 'not-found', /does not exist/);
  });

  it('refuses a project saved by a newer version, naming both versions', () => {
    const path = fresh();
    const db = createProject(path, 'future');
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.close();
    const before = readFileSync(path);
    expectFocalError(() => openProject(path), 'newer-version', new RegExp(`newer version of Focal \\(project format ${LATEST_SCHEMA_VERSION + 5}`));
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a project whose applied migration differs from this build', () => {
    const path = fresh();
    const db = createProject(path, 'tampered');
    db.prepare("UPDATE schema_migrations SET checksum = 'different' WHERE version = 1").run();
    db.close();
    expectFocalError(() => openProject(path), 'corrupt-project', /differs from this version/);
  });
});

describe('reopening', () => {
  it('keeps what was written before the process closed the file', () => {
    const path = fresh();
    const db = createProject(path, 'persist');
    db.prepare("INSERT INTO participants (name, created_at) VALUES ('Aroha Ngata', 'now')").run();
    db.close();
    expect(inspectProjectFile(path).schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    const again = openProject(path);
    expect(again.prepare('SELECT name FROM participants').all()).toEqual([{ name: 'Aroha Ngata' }]);
    again.close();
  });

  it('keeps a committed write even if the process never closes the connection (crash)', async () => {
    const path = fresh();
    const { execFileSync } = await import('node:child_process');
    // A child process creates a project, commits a row and is killed without closing.
    const code = `
      import { createProject } from ${JSON.stringify(`${process.cwd()}/electron/core/db/open-project.ts`)};
      const db = createProject(${JSON.stringify(path)}, 'crash');
      db.prepare("INSERT INTO participants (name, created_at) VALUES ('Tama Rewiri', 'now')").run();
      process.kill(process.pid, 'SIGKILL');
    `;
    try {
      execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: 'pipe' });
    } catch {
      // killed on purpose
    }
    const db = openProject(path);
    expect(db.prepare('SELECT name FROM participants').all()).toEqual([{ name: 'Tama Rewiri' }]);
    db.close();
  });
});
