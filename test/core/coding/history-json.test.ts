/** The history entry SQLite builds (captureChangesJson) holds exactly the changes captured row by row, and their inverse. */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { captureChanges, captureChangesJson, invert } from '../../../electron/core/history/change-capture';
import { testCore } from '../../support/core';

const { core, api, path } = testCore();

describe('history entries built in SQL', () => {
  it('match JSON.stringify of the captured changes and of their inverse', async () => {
    await api['project-new']({ name: 'H', path: path('h.focal') });
    const file = path('t.txt');
    writeFileSync(file, 'Mere Tawhiri: kia ora koutou, he kōrero “tēnei”.\n\nTama: ka pai.\n');
    await api['import-files']({ files: [{ name: 't.txt', path: file }] });
    const frameId = (await api['frames-list']({}))[0]!.id;
    const a = await api['code-create']({ frameId, name: 'Whānau "quoted"' });
    await api['coding-apply']({ codeId: a.id, sourceId: 1, start: 0, end: 10 });
    const db = core.requireProject().db;
    const work = () => {
      db.prepare("INSERT INTO codings (code_id, source_id, start, end, coder, created_at, guid) VALUES (?, 1, 2, 5, ?, ?, 'a1b2c3d4-0000-4000-8000-000000000001')").run(a.id, 'Tē Coder', '2026-01-01T00:00:00Z');
      db.prepare("UPDATE codes SET name = 'Aroha ✓', position = 2 WHERE id = ?").run(a.id);
      db.prepare('DELETE FROM codings WHERE start = 0').run();
    };
    db.exec('SAVEPOINT one');
    const rows = captureChanges(db, work).changes;
    db.exec('ROLLBACK TO one; RELEASE one');
    db.exec('SAVEPOINT two');
    const json = captureChangesJson(db, work);
    db.exec('ROLLBACK TO two; RELEASE two');
    expect(json.count).toBe(rows.length);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(JSON.parse(json.redo)).toEqual(rows);
    expect(JSON.parse(json.undo)).toEqual(invert(rows));
  });
});
