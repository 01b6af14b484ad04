import { describe, expect, it } from 'vitest';
import { testCore } from '../../support/core';

describe('migration 011: labels that are not speakers', () => {
  const { api, core, path } = testCore();

  it('adds speakers.not_speaker (0 or 1, default 0) and blocks.label_id (set to NULL when its label goes)', async () => {
    await api['project-new']({ name: 'M11', path: path('m11.focal') });
    const db = core.requireProject().db;
    const src = Number(db.prepare("INSERT INTO sources (title, mode, format, file_name, content_hash, text, word_count, imported_at) VALUES ('t', 'mainstream', 'txt', 't.txt', 'h', 'ab', 1, 'now')").run().lastInsertRowid);
    const sp = Number(db.prepare("INSERT INTO speakers (source_id, label) VALUES (?, 'Tel')").run(src).lastInsertRowid);
    expect(db.prepare('SELECT not_speaker FROM speakers WHERE id = ?').pluck().get(sp)).toBe(0);
    expect(() => db.prepare('UPDATE speakers SET not_speaker = 2 WHERE id = ?').run(sp)).toThrow(/CHECK/);
    db.prepare("INSERT INTO blocks (source_id, seq, kind, label_id, start, end) VALUES (?, 0, 'text', ?, 0, 2)").run(src, sp);
    db.prepare('DELETE FROM speakers WHERE id = ?').run(sp);
    expect(db.prepare('SELECT label_id FROM blocks WHERE source_id = ?').pluck().get(src)).toBeNull();
  });
});
