/** Tikanga: the recording of a restricted passage is skipped for anyone who may not read it, in the timing and at the endpoint. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../../shared/api/client';
import { FocalCore } from '../../../electron/core/app/focal-core';
import { headlessHost } from '../../../electron/core/host';
import { mediaResponse } from '../../../electron/core/media/serve';
import { segmentsForViewer } from '../../../electron/core/tikanga/sensitivity';
import { tempDir } from '../../support/temp';
import { actAs, buildWorld, type World } from '../tikanga/mask-world';

describe('restricted passages and the recording', () => {
  const dir = tempDir();
  const core = new FocalCore({ dataDir: join(dir, 'app'), host: headlessHost('cli'), logger: () => {} });
  const { api } = createClient({ invoke: (name, input) => core.call(name, input), on: (e, l) => core.on(e, l) });
  const as = actAs(core, dir);
  let w: World;
  let turns: World['hui']['blocks'];

  beforeAll(async () => {
    w = await buildWorld(api, dir, as);
    writeFileSync(join(dir, 'hui.ogg'), Buffer.alloc(4096, 7));
    await api['media-link']({ sourceId: w.hui.id, path: join(dir, 'hui.ogg') });
    turns = w.hui.blocks.filter((b) => b.kind === 'turn');
  });

  it('a restricted passage with no time cannot be skipped: the recording is not offered to a non-reader, and the endpoint refuses it', async () => {
    as('Aroha Ngata');
    const info = await api['media-get']({ sourceId: w.hui.id });
    expect(info.mayPlay).toBe(false);
    expect(info.refusal).toMatch(/restricted passage that has no time/);
    expect((await mediaResponse(core, w.hui.id, undefined, null)).status).toBe(403);
    as('Koro Hemi');
    expect((await api['media-get']({ sourceId: w.hui.id })).mayPlay).toBe(true);
    expect((await mediaResponse(core, w.hui.id, undefined, 'bytes=0-9')).status).toBe(206);
  });

  it('once timed, a non-reader gets no time for the restricted turn and a skip range over it; the kaitiaki gets every time', async () => {
    as('Koro Hemi');
    await api['media-sync-set']({ blockId: turns[0]!.id, ms: 0 });
    await api['media-sync-set']({ blockId: turns[turns.length - 1]!.id, ms: 900_000 });
    const full = await api['media-get']({ sourceId: w.hui.id });
    const tama = full.turns.find((t) => t.blockId === w.tamaTurn.id)!;
    expect(tama).toBeDefined();
    expect(full.skip).toEqual([]);

    as('Aroha Ngata');
    const info = await api['media-get']({ sourceId: w.hui.id });
    expect(info.mayPlay).toBe(true);
    expect(info.turns.some((t) => t.blockId === w.tamaTurn.id)).toBe(false);
    expect(info.skip).toEqual([{ startMs: tama.startMs, endMs: tama.endMs }]);
    // No time given to this viewer falls inside the skipped span.
    for (const t of info.turns) expect(t.startMs >= tama.endMs! || (t.endMs ?? Infinity) <= tama.startMs).toBe(true);
    // Not in a kaupapa Māori frame with the readers list either: a frame id alone opens nothing.
    expect((await api['media-get']({ sourceId: w.hui.id, frameId: w.kmFrameId })).skip).toHaveLength(1);
    expect((await mediaResponse(core, w.hui.id, undefined, null)).status).toBe(200);
    // A retrieved segment's time goes with its words when it touches the restricted passage.
    const seg = { codeId: w.codeId, sourceId: w.hui.id, start: w.tamaTurn.start, end: w.tamaTurn.end, text: '', before: '', after: '', time: { start: 1, end: 2 } };
    const other = { ...seg, start: turns[0]!.start, end: turns[0]!.end };
    const [masked, open] = segmentsForViewer(core, [seg, other]);
    expect('time' in masked!).toBe(false);
    expect(open!.time).toEqual({ start: 1, end: 2 });
  });

  it('a wholly restricted transcript: its recording plays only for the kaitiaki', async () => {
    as('Koro Hemi');
    await api['sensitivity-set']({ sourceId: w.hui.id, label: 'restricted' });
    expect((await api['media-get']({ sourceId: w.hui.id })).mayPlay).toBe(true);
    as('Aroha Ngata');
    const info = await api['media-get']({ sourceId: w.hui.id });
    expect(info).toMatchObject({ mayPlay: false, turns: [] });
    expect(info.refusal).toMatch(/restricted as a whole/);
    const r = await mediaResponse(core, w.hui.id, w.frameId, 'bytes=0-1');
    expect(r.status).toBe(403);
  });
});
