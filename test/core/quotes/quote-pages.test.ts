/**
 * The quote bank a page at a time (quotes-page): keyset pages in bank order that together are
 * exactly quotes-list, totals per filter, a bad cursor refused with a message, and a page read
 * while quotes are added before the cursor neither repeats nor skips one.
 */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testCore } from '../../support/core';
import { syntheticTranscript } from '../../support/synthetic';

const { core, api, path } = testCore();

describe('quote bank pages', () => {
  it('pages through the bank by cursor: every quote once, in order, with the total', async () => {
    await api['project-new']({ name: 'Pages', path: path('pages.focal') });
    const files = [1, 2, 3].map((i) => {
      const p = path(`fg-${i}.txt`);
      writeFileSync(p, syntheticTranscript(2_000, i));
      return { name: `fg-${i}.txt`, path: p };
    });
    await api['import-files']({ files });
    const frameId = (await api['frames-list']({}))[0]!.id;
    const a = await api['code-create']({ frameId, name: 'A' });
    const b = await api['code-create']({ frameId, name: 'B', parentId: a.id });
    const db = core.requireProject().db;
    const turns = db.prepare("SELECT source_id AS sourceId, start, end FROM blocks WHERE kind = 'turn' ORDER BY source_id DESC, start").all() as Array<{ sourceId: number; start: number; end: number }>;
    for (const [i, t] of turns.slice(0, 45).entries()) {
      const c = await api['coding-apply']({ codeId: i % 3 === 0 ? b.id : a.id, sourceId: t.sourceId, start: t.start, end: t.start + 10 + (i % 7) });
      // Two quotes at the same start in a few places: the id breaks the tie.
      await api['quotes-from-segments']({ codingIds: [c.id] });
      if (i % 10 === 0) await api['quote-from-selection']({ sourceId: t.sourceId, start: t.start, end: t.start + 30, codeId: a.id });
    }
    const all = await api['quotes-list']({});
    expect(all.length).toBe(50);

    const seen: number[] = [];
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const page = await api['quotes-page']({ limit: 7, ...(after ? { after } : {}) });
      expect(page.total).toBe(50);
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.items.map((q) => q.id));
      pages++;
      if (!page.nextCursor) break;
      after = page.nextCursor;
    }
    expect(pages).toBe(8);
    expect(seen).toEqual(all.map((q) => q.id));
    const first = await api['quotes-page']({ limit: 3 });
    expect(first.items).toEqual(all.slice(0, 3));

    // Filters: a code with its children, a code alone, a transcript.
    for (const sel of [{ codeId: a.id }, { codeId: a.id, includeChildren: false }, { sourceId: 2 }]) {
      const want = (await api['quotes-list'](sel)).map((q) => q.id);
      const page = await api['quotes-page']({ ...sel, limit: 1000 });
      expect(page.total).toBe(want.length);
      expect(page.items.map((q) => q.id)).toEqual(want);
      expect(page.nextCursor).toBeNull();
    }

    // A quote added before the cursor while paging: the next page goes on where it was.
    const p1 = await api['quotes-page']({ limit: 10 });
    const t = turns[0]!;
    await api['quote-from-selection']({ sourceId: 1, start: 0, end: 5, codeId: a.id });
    const p2 = await api['quotes-page']({ limit: 10, after: p1.nextCursor! });
    expect(p2.items[0]!.id).toBe(all[10]!.id);
    expect(p2.total).toBe(51);
    expect(t.sourceId).toBeGreaterThan(0);

    const bad = await core.call('quotes-page', { after: 'x; DROP TABLE quotes' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/cursor/);
  }, 60_000);
});
