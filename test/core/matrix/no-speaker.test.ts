/**
 * Codings in text no one speaks (a session's notes, prose, a report) have a column of their own,
 * "No speaker", in the matrices whose columns are people (participant, role, attribute value), so
 * a row's cells add up to its total; the column opens to its segments like any other.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTikangaTo } from '../../support/open-frames';
import { testCore } from '../../support/core';

const fx = (f: string) => ({ name: f, path: join(process.cwd(), 'test/fixtures', f) });

describe('matrix: the No speaker column', () => {
  const { api, path } = testCore();
  let codeId = 0;

  beforeAll(async () => {
    await api['project-new']({ name: 'No speaker', path: path('n.focal') });
    const [res] = await api['import-files']({ files: [fx('hui-tupu-group-interview.txt')] });
    const hui = await api['source-get']({ sourceId: res!.sourceId! });
    const frameId = (await api['frames-list']({}))[0]!.id;
    await openTikangaTo(api, frameId);
    codeId = (await api['code-create']({ frameId, name: 'Setting' })).id;
    const firstTurn = hui.blocks.find((b) => b.kind === 'turn')!;
    const note = hui.blocks.find((b) => b.kind !== 'turn' && b.end <= firstTurn.start)!;
    await api['coding-apply']({ codeId, sourceId: hui.id, start: note.start, end: note.end }); // the session's notes: no speaker
    await api['coding-apply-blocks']({ codeId, blockIds: [firstTurn.id] });
  });

  for (const cols of ['participant', 'role'] as const)
    it(`by ${cols}: the cells add up to the row total`, async () => {
      const m = await api['matrix-run']({ codeIds: [codeId], cols });
      const none = m.cols.findIndex((c) => c.label === 'No speaker');
      expect(none, m.cols.map((c) => c.label).join(', ')).toBe(m.cols.length - 1);
      expect(m.cells[0]![none]).toEqual({ segments: 1, participants: 0 });
      expect(m.cells[0]!.reduce((sum, c) => sum + c.segments, 0)).toBe(m.rowTotals[0]!.segments);
      const cell = await api['matrix-cell']({ codeIds: [codeId], cols, codeId, colKey: m.cols[none]!.key });
      expect(cell.segments).toHaveLength(1);
    });
});
