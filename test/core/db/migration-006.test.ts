/** Migration 006 (GUIDs): a v5 file gets GUIDs on every exchangeable row; new rows get them; undo/redo keeps them. */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { checksum } from '../../../electron/core/db/migrate';
import { LATEST_SCHEMA_VERSION, migrations } from '../../../electron/core/db/migrations/index';
import { openProject } from '../../../electron/core/db/open-project';
import { FOCAL_APPLICATION_ID } from '../../../electron/core/db/sqlite-header';
import { testCore } from '../../support/core';
import { tempDir } from '../../support/temp';
import { openTikangaTo } from '../../support/open-frames';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TABLES = ['sources', 'code_frames', 'codes', 'codings', 'memos', 'participants', 'coders'];

function v5File(): string {
  const path = `${tempDir()}/v5.focal`;
  const old = new Database(path);
  old.pragma(`application_id = ${FOCAL_APPLICATION_ID}`);
  old.pragma('journal_mode = WAL');
  old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)');
  for (const m of migrations.slice(0, 5)) {
    old.exec(m.sql);
    old.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?, ?)').run(m.version, m.name, checksum(m), 'then');
  }
  old.pragma('user_version = 5');
  old.exec(`
    INSERT INTO project (id, name, created_at, updated_at) VALUES (1, 'Old', 'then', 'then');
    INSERT INTO participants (name, created_at) VALUES ('Aroha', 'then'), ('Rōpū A', 'then');
    INSERT INTO sources (title, mode, format, file_name, content_hash, text, word_count, imported_at) VALUES ('FG1', 'mainstream', 'txt', 'fg1.txt', 'h1', 'kia ora koutou katoa', 4, 'then'), ('FG2', 'mainstream', 'txt', 'fg2.txt', 'h2', 'hello there', 2, 'then');
    INSERT INTO code_frames (name, kind, created_at) VALUES ('Main', 'mainstream', 'then');
    INSERT INTO codes (frame_id, name, created_at) VALUES (1, 'Whānau', 'then'), (1, 'Hauora', 'then');
    INSERT INTO codings (code_id, source_id, start, end, coder, created_at) VALUES (1, 1, 0, 3, 'Mere', 'then'), (2, 1, 4, 7, 'Mere', 'then'), (2, 2, 0, 5, 'Hone', 'then');
    INSERT INTO memos (target_kind, target_id, author, created_at, updated_at) VALUES ('project', NULL, 'Tui', 'then', 'then');
  `);
  old.close();
  return path;
}

const guids = (db: Database.Database, table: string) => (db.prepare(`SELECT guid FROM ${table} ORDER BY id`).all() as { guid: string | null }[]).map((r) => r.guid);

describe('migration 006', () => {
  it('fills a v5 file: every row of every exchangeable table gets a distinct UUID v4, and each coder one', () => {
    const db = openProject(v5File());
    const all: string[] = [];
    for (const t of TABLES) {
      const g = guids(db, t);
      expect(g.length, t).toBeGreaterThan(0);
      for (const x of g) expect(x, t).toMatch(UUID_V4);
      all.push(...(g as string[]));
    }
    expect(new Set(all).size).toBe(all.length);
    expect(db.prepare('SELECT name FROM coders ORDER BY id').all()).toEqual([{ name: 'Mere' }, { name: 'Hone' }, { name: 'Tui' }]);
    db.close();
  });

  it('gives new rows a GUID on insert, keeps one given, refuses a duplicate or a malformed one, and never leaves one NULL', () => {
    const db = openProject(v5File());
    db.prepare("INSERT INTO codes (frame_id, name, created_at) VALUES (1, 'New', 'now')").run();
    const made = db.prepare("SELECT guid FROM codes WHERE name = 'New'").get() as { guid: string };
    expect(made.guid).toMatch(UUID_V4);
    const given = '0b7e3c52-8f0a-4d8e-9c1a-2f3e4d5c6b7a';
    db.prepare("INSERT INTO codes (frame_id, name, created_at, guid) VALUES (1, 'Given', 'now', ?)").run(given);
    expect(db.prepare("SELECT guid FROM codes WHERE name = 'Given'").get()).toEqual({ guid: given });
    expect(() => db.prepare("INSERT INTO codes (frame_id, name, created_at, guid) VALUES (1, 'Dup', 'now', ?)").run(given)).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO codes (frame_id, name, created_at, guid) VALUES (1, 'Bad', 'now', '{0B7E3C52-8F0A-4D8E-9C1A-2F3E4D5C6B7B}')").run()).toThrow(/CHECK/);
    db.prepare("UPDATE codes SET guid = NULL WHERE name = 'Given'").run();
    expect((db.prepare("SELECT guid FROM codes WHERE name = 'Given'").get() as { guid: string }).guid).toMatch(UUID_V4);
    for (const t of ['sources', 'codings', 'memos', 'participants', 'code_frames']) expect(db.prepare(`SELECT count(*) AS n FROM ${t} WHERE guid IS NULL`).get(), t).toEqual({ n: 0 });
    // A new coder (on a coding) and a new memo author become users with GUIDs.
    db.prepare("INSERT INTO codings (code_id, source_id, start, end, coder, created_at) VALUES (1, 2, 0, 2, 'Wiremu', 'now')").run();
    db.prepare("INSERT INTO memos (target_kind, target_id, author, created_at, updated_at) VALUES ('project', NULL, 'Ana', 'now', 'now')").run();
    const coders = db.prepare("SELECT name, guid FROM coders WHERE name IN ('Wiremu', 'Ana')").all() as { name: string; guid: string }[];
    expect(coders.map((c) => c.name).sort()).toEqual(['Ana', 'Wiremu']);
    for (const c of coders) expect(c.guid).toMatch(UUID_V4);
    db.close();
  });

  it('a migrated file reopens (its schema is what the migrations make)', () => {
    const path = v5File();
    openProject(path).close();
    const db = openProject(path);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });
});

describe('GUIDs through undo and redo', () => {
  const { api, core, path } = testCore();

  it('a code, a coding and a frame keep their GUIDs when a delete is undone and a create is redone', async () => {
    await api['project-new']({ name: 'Undo GUIDs', path: path('undo.focal') });
    const db = () => core.requireProject().db;
    const frame = await api['frame-create']({ name: 'Second', kind: 'mainstream' });
    const code = await api['code-create']({ frameId: frame.id, name: 'Kept' });
    const child = await api['code-create']({ frameId: frame.id, parentId: code.id, name: 'Child' });
    const guidOf = (table: string, id: number) => (db().prepare(`SELECT guid FROM ${table} WHERE id = ?`).get(id) as { guid: string } | undefined)?.guid;
    const frameGuid = guidOf('code_frames', frame.id)!;
    const codeGuid = guidOf('codes', code.id)!;
    const childGuid = guidOf('codes', child.id)!;
    expect(codeGuid).toMatch(UUID_V4);

    await api['code-delete']({ id: code.id });
    expect(guidOf('codes', child.id)).toBeUndefined();
    await api['history-undo']({});
    expect([guidOf('codes', code.id), guidOf('codes', child.id)]).toEqual([codeGuid, childGuid]);

    // Undo the child's creation and redo it: the same GUID comes back.
    await api['history-undo']({}); // the delete's undo is already done; this undoes "Add code Child"
    expect(guidOf('codes', child.id)).toBeUndefined();
    await api['history-redo']({});
    expect(guidOf('codes', child.id)).toBe(childGuid);
    await api['history-undo']({});
    await api['history-undo']({});
    await api['history-undo']({});
    expect(guidOf('code_frames', frame.id)).toBeUndefined();
    await api['history-redo']({});
    await api['history-redo']({});
    await api['history-redo']({});
    expect([guidOf('code_frames', frame.id), guidOf('codes', code.id), guidOf('codes', child.id)]).toEqual([frameGuid, codeGuid, childGuid]);
  });

  it('a coding and a memo keep their GUIDs through undo and redo (the coding removed by a code delete cascade too)', async () => {
    const db = () => core.requireProject().db;
    const guidOf = (table: string, id: number) => (db().prepare(`SELECT guid FROM ${table} WHERE id = ?`).get(id) as { guid: string } | undefined)?.guid;
    const [imported] = await api['import-files']({ files: [{ name: 'hui-tupu-group-interview.txt', path: join(process.cwd(), 'test/fixtures/hui-tupu-group-interview.txt') }] });
    const frameId = (await api['frames-list']({}))[0]!.id;
    const code = await api['code-create']({ frameId, name: 'Coded' });
    // The hui is tikanga-based (no kaitiaki named): opened to the mainstream frame on purpose first.
    await openTikangaTo(api, frameId);
    const coding = await api['coding-apply']({ codeId: code.id, sourceId: imported!.sourceId!, start: 0, end: 5 });
    const codingGuid = guidOf('codings', coding.id)!;
    expect(codingGuid).toMatch(UUID_V4);
    await api['code-delete']({ id: code.id });
    expect(guidOf('codings', coding.id)).toBeUndefined();
    await api['history-undo']({});
    expect(guidOf('codings', coding.id)).toBe(codingGuid);
    await api['history-undo']({}); // the coding's own "apply"
    await api['history-redo']({});
    expect(guidOf('codings', coding.id)).toBe(codingGuid);

    const memo = await api['memo-save']({ target: { kind: 'project', id: null }, title: 'M', body: '{"root":{"children":[]}}', bodyText: 'm' });
    const memoGuid = guidOf('memos', memo.id)!;
    await api['memo-delete']({ id: memo.id });
    await api['history-undo']({});
    expect(guidOf('memos', memo.id)).toBe(memoGuid);
    expect(db().prepare("SELECT count(*) AS n FROM coders WHERE name = 'Test Coder'").get()).toEqual({ n: 1 });
  });
});
