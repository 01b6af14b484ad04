/**
 * coding-apply and coding-remove answer with exactly what changed (the codings added, changed and
 * gone, and the touched code's counts), and their `changed` event carries the same: applied to
 * the list on screen, it gives what codings-list and codes-list would give after a reload. An undo
 * carries no patch (views reload).
 */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Coding, CodingsPatch } from '../../../shared/domain/coding';
import type { FocalEvents } from '../../../shared/api/events';
import { testCore } from '../../support/core';
import { syntheticTranscript } from '../../support/synthetic';

const { core, api, path } = testCore();

const patched = (list: Coding[], p: CodingsPatch) => {
  const touched = new Set([...p.removed, ...p.upserted.map((c) => c.id)]);
  return [...list.filter((c) => !touched.has(c.id)), ...p.upserted].sort((a, b) => a.start - b.start || a.end - b.end || a.id - b.id);
};

describe('coding patches', () => {
  it('apply and remove return the change; applied to the old list it is the new list, counts included', async () => {
    await api['project-new']({ name: 'Patches', path: path('p.focal') });
    const file = path('fg.txt');
    writeFileSync(file, syntheticTranscript(2_000, 3));
    await api['import-files']({ files: [{ name: 'fg.txt', path: file }] });
    const frameId = (await api['frames-list']({}))[0]!.id;
    const code = await api['code-create']({ frameId, name: 'Hope' });
    const events: FocalEvents['changed'][] = [];
    core.on('changed', (e: FocalEvents['changed']) => events.push(e));

    let list = await api['codings-list']({ sourceId: 1, frameId });
    for (const [start, end] of [[100, 300], [50, 120], [400, 420]] as const) {
      const r = await api['coding-apply']({ codeId: code.id, sourceId: 1, start, end });
      expect(r.changes.upserted).toEqual([{ id: r.id, codeId: code.id, sourceId: 1, start, end, coder: r.coder, createdAt: r.createdAt }]);
      expect(events.at(-1)!.codings).toEqual(r.changes);
      list = patched(list, r.changes);
      expect(list).toEqual(await api['codings-list']({ sourceId: 1, frameId }));
      const counts = (await api['codes-list']({ frameId })).find((c) => c.id === code.id)!.counts;
      expect(r.changes.counts).toEqual([{ codeId: code.id, counts }]);
    }
    // Removing from the middle of one coding splits it; from an edge trims; inside removes.
    for (const [start, end] of [[150, 200], [50, 60], [400, 420]] as const) {
      const r = await api['coding-remove']({ codeId: code.id, sourceId: 1, start, end });
      expect(events.at(-1)!.codings).toEqual(r.changes);
      list = patched(list, r.changes);
      expect(list).toEqual(await api['codings-list']({ sourceId: 1, frameId }));
      expect(r.changes.counts[0]!.counts).toEqual((await api['codes-list']({ frameId })).find((c) => c.id === code.id)!.counts);
    }
    await api['history-undo']({});
    expect(events.at(-1)!.codings).toBeUndefined();
  });
});
