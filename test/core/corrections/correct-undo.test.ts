/**
 * Undoing a correction after more work was done on the corrected text: a passage marked, a quote
 * added and a coding made after the correction (none of them part of its undo step) are carried
 * back with the text, so they still cover the same words; redo carries them forward again.
 * Also: a correction's undo step stores the text as edits, never copies of the transcript.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProjectDb } from '../../../electron/core/db/open-project';
import { testCore } from '../../support/core';

describe('undo of a correction carries ranges made after it', () => {
  const { api, core, path } = testCore();
  let sourceId: number;
  let db: ProjectDb;
  const text = () => db.prepare('SELECT text FROM sources WHERE id = ?').pluck().get(sourceId) as string;
  const words = (table: string, id: number) => {
    const r = db.prepare(`SELECT start, end FROM ${table} WHERE id = ?`).get(id) as { start: number; end: number };
    return text().slice(r.start, r.end);
  };

  beforeAll(async () => {
    await api['project-new']({ name: 'Undo', path: path('undo.focal') });
    const body = 'Mere: Kia ora koutou 😀, we went to the marae on Saturday.\n\nTama: The kai was good and the kōrero was long.';
    const [r] = await api['import-files']({ files: [{ name: 'undo.txt', dataBase64: Buffer.from(body).toString('base64') }] });
    sourceId = r!.sourceId!;
    db = core.requireProject().db;
  });

  it('keeps later marks, quotes and codings on their words through undo and redo', async () => {
    const frameId = (await api['frames-list']({}))[0]!.id;
    const code = await api['code-create']({ frameId, name: 'Kai' });
    const t0 = text();
    const at = t0.indexOf('marae');
    await api['source-correct']({ sourceId, edits: [{ start: at, end: at, text: 'local ' }, { start: t0.indexOf('Kia'), end: t0.indexOf('Kia') + 3, text: 'Kia' }, { start: 0, end: 0, text: '' }].filter((e) => e.text !== '' || e.end > e.start) });
    const t1 = text();
    expect(t1).toContain('the local marae');
    // Work done after the correction, on the corrected text.
    const kai = t1.indexOf('The kai was good');
    const mark = await api['passage-mark-add']({ sourceId, start: kai, end: kai + 'The kai was good'.length, kind: 'withdrawn', reason: 'asked' });
    const coding = await api['coding-apply']({ codeId: code.id, sourceId, start: t1.indexOf('kōrero'), end: t1.indexOf('kōrero') + 6 });
    const q = await api['quote-from-selection']({ sourceId, start: t1.indexOf('Saturday'), end: t1.indexOf('Saturday') + 8, codeId: null });
    // Undo the coding, then the correction: the mark and the quote (not in the correction's step) follow the text back.
    await api['history-undo']({});
    await api['history-undo']({});
    expect(text()).toBe(t0);
    expect(words('passage_marks', mark.id)).toBe('The kai was good');
    expect(words('quotes', q.quoteId!)).toBe('Saturday');
    await api['history-redo']({});
    expect(text()).toBe(t1);
    expect(words('passage_marks', mark.id)).toBe('The kai was good');
    expect(words('quotes', q.quoteId!)).toBe('Saturday');
    await api['history-redo']({});
    expect(words('codings', coding.id)).toBe('kōrero');
    // The history holds edits (and the edited turn's folded index row), not copies of the transcript.
    const entry = db.prepare("SELECT undo, redo FROM history WHERE label LIKE 'Correct %' ORDER BY id DESC LIMIT 1").get() as { undo: string; redo: string };
    expect(entry.undo + entry.redo).not.toContain('kai was good');
    expect(entry.undo + entry.redo).toContain('"edits":[{"start":34,"end":34,"text":"local "}]');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
