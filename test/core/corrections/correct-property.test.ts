/**
 * 100 random corrections (insert, delete, replace; inside, at the edges of and across codings) on
 * a transcript with 500 codings, 50 quotes, passage marks, labels, annotations and memos. After
 * each: every range's text is checked against what it should be, computed here from the rule
 * alone (never from the core's offsets arithmetic); the undo restores the exact previous state
 * (text and every row with an offset, the search index included), redo the corrected one; the
 * database passes `PRAGMA integrity_check`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProjectDb } from '../../../electron/core/db/open-project';
import { fold } from '../../../shared/text/fold';
import { testCore } from '../../support/core';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const WORDS = ['kia', 'ora', 'whānau', 'mahi', 'the', 'support', 'was', 'good', 'Māori', '😀', 'ngā', 'mihi', 'we', 'talked', '[laughter]', 'about', 'marae', '👍🏽', 'hauora'];
const NAMES = ['Aroha', 'Mere', 'Tama', 'Facilitator'];

type Range = { id: number; start: number; end: number };
type Edit = { start: number; end: number; text: string };

/** What an exactly-carried range's words become under one edit (null: removed). */
function exactText(old: string, r: Range, e: Edit): string | null {
  const { start: s, end: en } = r;
  const { start: a, end: b, text } = e;
  if (a === b ? a <= s : b <= s) return old.slice(s, en);
  if (a >= en) return old.slice(s, en);
  if ((a < s && b >= en) || (a <= s && b > en)) return null;
  const t = a < s ? old.slice(b, en) : b > en ? old.slice(s, a) : old.slice(s, a) + text + old.slice(b, en);
  return t.length ? t : null;
}

/** What a covering (protective) range's words become: whatever touches it is taken in. */
function coverText(old: string, r: Range, e: Edit): string | null {
  const { start: s, end: en } = r;
  const { start: a, end: b, text } = e;
  if (!(a <= en && b >= s)) return old.slice(s, en);
  const t = old.slice(Math.min(s, a), a) + text + old.slice(b, Math.max(en, b));
  return t.length ? t : null;
}

function snapshot(db: ProjectDb, sourceId: number) {
  const all = (sql: string) => db.prepare(sql).all(sourceId);
  return {
    text: db.prepare('SELECT text, word_count FROM sources WHERE id = ?').get(sourceId),
    blocks: all('SELECT id, start, end FROM blocks WHERE source_id = ? ORDER BY id'),
    codings: all('SELECT * FROM codings WHERE source_id = ? ORDER BY id'),
    quotes: all('SELECT * FROM quotes WHERE source_id = ? ORDER BY id'),
    marks: all('SELECT * FROM passage_marks WHERE source_id = ? ORDER BY id'),
    labels: all('SELECT * FROM sensitivity_labels WHERE source_id = ? ORDER BY id'),
    annotations: all('SELECT * FROM annotations WHERE source_id = ? ORDER BY id'),
    index: all('SELECT rowid, folded, block_id FROM search_index WHERE block_id IN (SELECT id FROM blocks WHERE source_id = ?) ORDER BY rowid'),
    memos: db.prepare("SELECT * FROM memos WHERE target_kind = 'coding' ORDER BY id").all(),
    approvals: db.prepare('SELECT * FROM approvals ORDER BY id').all(),
  };
}

describe('correcting a transcript: 100 random edits keep every range on its words, and undo restores all of it', () => {
  const { api, core, path } = testCore();
  let sourceId: number;
  let db: ProjectDb;

  beforeAll(async () => {
    await api['project-new']({ name: 'Corrections', path: path('corrections.focal') });
    const r = rng(2026);
    const lines: string[] = [];
    for (let t = 0; t < 60; t++) lines.push(`${NAMES[t % NAMES.length]}: ${Array.from({ length: 20 + Math.floor(r() * 30) }, () => WORDS[Math.floor(r() * WORDS.length)]).join(' ')}`);
    const [res] = await api['import-files']({ files: [{ name: 'hui-corrections.txt', dataBase64: Buffer.from(lines.join('\n\n'), 'utf8').toString('base64') }] });
    sourceId = res!.sourceId!;
    db = core.requireProject().db;
    const frameId = (await api['frames-list']({}))[0]!.id;
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await api['code-create']({ frameId, name: `Code ${i}` })).id);
    const src = await api['source-get']({ sourceId });
    const turns = src.blocks.filter((b) => b.kind === 'turn');
    const range = () => {
      const b = turns[Math.floor(r() * turns.length)]!;
      const s = b.start + Math.floor(r() * (b.end - b.start - 1));
      return { s, e: Math.min(b.end, s + 1 + Math.floor(r() * 60)) };
    };
    const ins = db.prepare("INSERT INTO codings (code_id, source_id, start, end, coder, created_at) VALUES (?, ?, ?, ?, 'Test', 'now')");
    for (let i = 0; i < 500; i++) {
      const { s, e } = range();
      ins.run(codes[i % codes.length], sourceId, s, e);
    }
    const codingIds = db.prepare('SELECT id FROM codings ORDER BY id LIMIT 30').pluck().all() as number[];
    for (const id of codingIds) await api['memo-save']({ target: { kind: 'coding', id }, body: '{"root":{"children":[]}}', bodyText: 'memo' });
    const group = Number(db.prepare("INSERT INTO participants (kind, name, created_at) VALUES ('group', 'Rōpū', 'now')").run().lastInsertRowid);
    const kaitiaki = Number(db.prepare("INSERT INTO participants (name, created_at) VALUES ('Koro', 'now')").run().lastInsertRowid);
    for (let i = 0; i < 50; i++) {
      const { s, e } = range();
      const cuts = e - s > 10 && i % 3 === 0 ? JSON.stringify([{ start: s + 3, end: s + 6, mark: '...' }]) : '[]';
      const q = Number(db.prepare("INSERT INTO quotes (source_id, start, end, cuts, created_by, created_at) VALUES (?, ?, ?, ?, 'Test', 'now')").run(sourceId, s, e, cuts).lastInsertRowid);
      if (i < 10) db.prepare("INSERT INTO approvals (group_id, kaitiaki_id, scope, quote_id, decision, decided_at) VALUES (?, ?, 'quote', ?, 'approved', 'now')").run(group, kaitiaki, q);
    }
    for (let i = 0; i < 15; i++) {
      const { s, e } = range();
      db.prepare("INSERT INTO passage_marks (source_id, start, end, kind, created_by, created_at) VALUES (?, ?, ?, 'withdrawn', 'Test', 'now')").run(sourceId, s, e);
      const l = range();
      db.prepare("INSERT INTO sensitivity_labels (source_id, start, end, label, set_by_id, set_at) VALUES (?, ?, ?, 'community', ?, 'now')").run(sourceId, l.s, l.e, kaitiaki);
    }
  }, 120_000);

  it('after each edit every coding, quote, mark, label, turn and index row holds the words it should; undo and redo restore exactly', async () => {
    const r = rng(99);
    let removedTotal = 0;
    let trimmedTotal = 0;
    const spent = { correct: 0, undo: 0 };
    for (let step = 0; step < 100; step++) {
      const before = snapshot(db, sourceId);
      const text = (before.text as { text: string }).text;
      const blocks = before.blocks as Range[];
      const codings = before.codings as Range[];
      // Pick where: anywhere in a turn, or at/around a coding's edge, or spanning a coding.
      let edit: Edit;
      const kind = r();
      const word = () => (r() < 0.3 ? '' : [' ', 'ā', '😀', 'kōrero', 'new words'][Math.floor(r() * 5)]!);
      const inBlock = (pos: number) => blocks.find((b) => b.start <= pos && pos <= b.end && b.end > b.start) ?? blocks.find((b) => b.start <= pos && pos <= b.end)!;
      if (kind < 0.5 && codings.length) {
        const c = codings[Math.floor(r() * codings.length)]!;
        const b = inBlock(c.start);
        const at = [c.start, c.end, c.start - 2, c.end + 2, c.start + 1][Math.floor(r() * 5)]!;
        const a = Math.max(b.start, Math.min(b.end, at));
        const span = r() < 0.3 ? c.end - c.start + 4 : Math.floor(r() * 6);
        edit = { start: a, end: Math.min(b.end, a + span), text: word() };
      } else {
        const b = blocks[Math.floor(r() * blocks.length)]!;
        const a = b.start + Math.floor(r() * (b.end - b.start + 1));
        edit = { start: a, end: Math.min(b.end, a + Math.floor(r() * 12)), text: word() };
      }
      // Never split a surrogate pair (the UI edits whole characters).
      const isLow = (i: number) => /[\udc00-\udfff]/.test(text.charAt(i));
      if (isLow(edit.start)) edit.start--;
      if (isLow(edit.end)) edit.end++;
      if (edit.start === edit.end && edit.text === '') edit.text = 'x';

      const t0 = performance.now();
      const res = await api['source-correct']({ sourceId, edits: [edit] });
      spent.correct += performance.now() - t0;
      expect(res.saved).toBe(true);
      const after = snapshot(db, sourceId);
      const next = (after.text as { text: string }).text;
      expect(next).toBe(text.slice(0, edit.start) + edit.text + text.slice(edit.end));
      // Codings: exact.
      const now = new Map((after.codings as Range[]).map((c) => [c.id, c]));
      const removedIds = new Set(res.removed.filter((x) => x.kind === 'coding').map((x) => x.id));
      for (const c of codings) {
        const want = exactText(text, c, edit);
        const got = now.get(c.id);
        if (want === null) {
          expect(got, `coding ${c.id} ${c.start}–${c.end} under ${JSON.stringify(edit)}`).toBeUndefined();
          expect(removedIds.has(c.id)).toBe(true);
        } else expect(got && next.slice(got.start, got.end), `coding ${c.id} ${c.start}–${c.end} under ${JSON.stringify(edit)}`).toBe(want);
      }
      // Quotes: exact range.
      const quotesNow = new Map((after.quotes as Range[]).map((q) => [q.id, q]));
      for (const q of before.quotes as Range[]) {
        const want = exactText(text, q, edit);
        const got = quotesNow.get(q.id);
        if (want === null) expect(got).toBeUndefined();
        else expect(got && next.slice(got.start, got.end)).toBe(want);
      }
      // Marks and labels: covering.
      for (const [was, is] of [[before.marks, after.marks], [before.labels, after.labels]] as Array<[Range[], Range[]]>) {
        const m = new Map(is.map((x) => [x.id, x]));
        for (const x of was) {
          const want = coverText(text, x, edit);
          const got = m.get(x.id);
          if (want === null) expect(got).toBeUndefined();
          else expect(got && next.slice(got.start, got.end)).toBe(want);
        }
      }
      // Turns: the edited turn holds its words with the edit, the others theirs; the index follows.
      const owner = blocks.find((b) => b.start <= edit.start && edit.end <= b.end)!;
      const blocksNow = new Map((after.blocks as Range[]).map((b) => [b.id, b]));
      for (const b of blocks) {
        const got = blocksNow.get(b.id)!;
        const want = b.id === owner.id ? text.slice(b.start, edit.start) + edit.text + text.slice(edit.end, b.end) : text.slice(b.start, b.end);
        expect(next.slice(got.start, got.end)).toBe(want);
      }
      const idx = (after.index as Array<{ folded: string; block_id: number }>).find((x) => x.block_id === owner.id)!;
      const ob = blocksNow.get(owner.id)!;
      expect(idx.folded).toBe(fold(next.slice(ob.start, ob.end)));
      // Memos of removed codings go with them; every approval of a quote whose words changed is revoked.
      const memoTargets = new Set((after.memos as Array<{ target_id: number }>).map((m) => m.target_id));
      for (const id of removedIds) expect(memoTargets.has(id)).toBe(false);
      for (const id of res.quotesSentBack) {
        for (const a of (after.approvals as Array<{ quote_id: number; revoked_at: string | null }>).filter((x) => x.quote_id === id)) expect(a.revoked_at).not.toBeNull();
      }
      removedTotal += res.removed.length;
      trimmedTotal += res.trimmed.length;
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

      // Undo restores byte for byte; redo gives the corrected state again.
      const t1 = performance.now();
      await api['history-undo']({});
      spent.undo += performance.now() - t1;
      expect(snapshot(db, sourceId)).toEqual(before);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      await api['history-redo']({});
      expect(snapshot(db, sourceId)).toEqual(after);
    }
    console.log(`100 corrections: ${spent.correct.toFixed(0)} ms in source-correct, ${spent.undo.toFixed(0)} ms in undo`);
    expect(removedTotal).toBeGreaterThan(0);
    expect(trimmedTotal).toBeGreaterThan(0);
    // Search finds a corrected word where it now is.
    const b = (db.prepare("SELECT id, start, end FROM blocks WHERE source_id = ? AND kind = 'turn' AND end > start ORDER BY seq LIMIT 1 OFFSET 5").get(sourceId)) as Range;
    await api['source-correct']({ sourceId, edits: [{ start: b.start, end: b.start, text: 'Whakapāpātest ' }] });
    const found = await api['search-run']({ query: 'whakapapatest' });
    expect(found.hits.map((h) => h.blockId)).toEqual([b.id]);
    await api['history-undo']({});
    expect((await api['search-run']({ query: 'whakapapatest' })).total).toBe(0);
  }, 600_000);
});
