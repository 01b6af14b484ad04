import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTikangaTo } from '../../support/open-frames';
import { intersectRanges, mergeRanges, subtractRanges } from '../../../electron/core/queries/intervals';
import { testCore } from '../../support/core';

const fx = (f: string) => ({ name: f, path: join(process.cwd(), 'test/fixtures', f) });

describe('interval algebra', () => {
  it('merges, intersects and subtracts', () => {
    expect(mergeRanges([{ start: 5, end: 8 }, { start: 0, end: 3 }, { start: 2, end: 4 }])).toEqual([{ start: 0, end: 4 }, { start: 5, end: 8 }]);
    expect(intersectRanges([{ start: 0, end: 10 }, { start: 20, end: 30 }], [{ start: 5, end: 25 }])).toEqual([{ start: 5, end: 10 }, { start: 20, end: 25 }]);
    expect(subtractRanges([{ start: 0, end: 10 }, { start: 20, end: 30 }], [{ start: 2, end: 4 }, { start: 8, end: 22 }])).toEqual([
      { start: 0, end: 2 },
      { start: 4, end: 8 },
      { start: 22, end: 30 },
    ]);
    expect(subtractRanges([{ start: 0, end: 10 }], [{ start: 0, end: 10 }])).toEqual([]);
  });
});

describe('coding queries', () => {
  const { api, core, path } = testCore();
  let hui: Awaited<ReturnType<(typeof api)['source-get']>>;
  let vtt: Awaited<ReturnType<(typeof api)['source-get']>>;
  const ids: Record<string, number> = {};

  const turn = (src: typeof hui, label: string, nth = 0) => {
    const sp = src.speakers.find((s) => s.label === label)!;
    return src.blocks.filter((b) => b.kind === 'turn' && b.speakerId === sp.id)[nth]!;
  };
  const code = (name: string, src: typeof hui, start: number, end: number) => api['coding-apply']({ codeId: ids[name]!, sourceId: src.id, start, end });

  beforeAll(async () => {
    await api['project-new']({ name: 'Queries', path: path('q.focal') });
    await api['participants-import-csv']({ fileName: 'participants.csv', csv: readFileSync(join(process.cwd(), 'test/fixtures/participants.csv'), 'utf8') });
    const res = await api['import-files']({ files: [fx('hui-tupu-group-interview.txt'), fx('focus-group-lived-experience.vtt')] });
    for (const r of await api['speakers-review']({})) if (r.suggestion.participantId) await api['speakers-map']({ speakerIds: [r.speakerId], participantId: r.suggestion.participantId });
    hui = await api['source-get']({ sourceId: res[0]!.sourceId! });
    vtt = await api['source-get']({ sourceId: res[1]!.sourceId! });
    const frameId = (await api['frames-list']({}))[0]!.id;
    await openTikangaTo(api, frameId); // the hui is tikanga-based: opened to the mainstream frame on purpose
    for (const n of ['Connection', 'Paperwork', 'Safety', 'Hope', 'Identity']) ids[n] = (await api['code-create']({ frameId, name: n })).id;
    const aroha0 = turn(hui, 'Aroha Ngata', 0);
    const aroha1 = turn(hui, 'Aroha Ngata', 1);
    // Connection: Aroha's first turn whole; Paperwork: from its middle into the next turns.
    await code('Connection', hui, aroha0.start, aroha0.end);
    await code('Paperwork', hui, aroha0.start + 50, aroha0.end);
    await code('Paperwork', hui, aroha1.start, aroha1.end);
    await code('Connection', hui, aroha1.start + 10, aroha1.start + 40);
    // Safety: a few words inside Aroha's second turn, far from the start.
    await code('Safety', hui, aroha1.end - 30, aroha1.end - 5);
    // Hope in the focus group (mainstream), by Rachel.
    const rachel = turn(vtt, 'Rachel Moana');
    await code('Hope', vtt, rachel.start, rachel.end);
    await code('Connection', vtt, rachel.start, rachel.start + 20);
    // Identity: Tama's turn, the one after Aroha's first.
    const tama = turn(hui, 'Tama Rewiri');
    await code('Identity', hui, tama.start, tama.end);
  });

  it('A AND B gives the overlapping text by default, or the whole codings on request', async () => {
    const a0 = turn(hui, 'Aroha Ngata', 0);
    const a1 = turn(hui, 'Aroha Ngata', 1);
    const r = await api['coding-query']({ all: [ids.Connection!, ids.Paperwork!] });
    expect(r.segments.map((s) => [s.start, s.end])).toEqual([
      [a0.start + 50, a0.end],
      [a1.start + 10, a1.start + 40],
    ]);
    expect(r.segments[0]!.text).toBe(hui.text.slice(a0.start + 50, a0.end));
    expect(r.segments[0]!.speakers.map((s) => s.name)).toEqual(['Aroha Ngata']);
    expect(r.segments[0]!.codeIds.sort()).toEqual([ids.Connection, ids.Paperwork].sort());
    expect(r).toMatchObject({ total: 2, sources: 1, participants: 1 });
    expect(r.described).toMatch(/“Connection” AND “Paperwork” \(the overlapping text\)/);
    const union = await api['coding-query']({ all: [ids.Connection!, ids.Paperwork!], result: 'union' });
    expect(union.segments.map((s) => [s.start, s.end])).toEqual([
      [a0.start, a0.end],
      [a1.start, a1.end],
    ]);
  });

  it('A OR B merges, A NOT B cuts out', async () => {
    const a1 = turn(hui, 'Aroha Ngata', 1);
    const or = await api['coding-query']({ any: [ids.Hope!, ids.Safety!] });
    expect(or.total).toBe(2);
    expect(or.sources).toBe(2);
    const not = await api['coding-query']({ any: [ids.Paperwork!], none: [ids.Safety!, ids.Connection!] });
    expect(not.segments.filter((s) => s.sourceId === hui.id && s.start >= a1.start).map((s) => [s.start, s.end])).toEqual([
      [a1.start, a1.start + 10],
      [a1.start + 40, a1.end - 30],
      [a1.end - 30 + 25, a1.end],
    ]);
  });

  it('NEAR: same turn, or within N words', async () => {
    const sameTurn = await api['coding-query']({ any: [ids.Connection!], near: { codeIds: [ids.Safety!] } });
    // The Connection coding in Aroha's second turn is in the same turn as Safety; the first is not.
    expect(sameTurn.total).toBe(1);
    expect(sameTurn.segments[0]!.text).toContain(hui.text.slice(turn(hui, 'Aroha Ngata', 1).end - 30, turn(hui, 'Aroha Ngata', 1).end - 5));
    const within3 = await api['coding-query']({ any: [ids.Connection!], near: { codeIds: [ids.Safety!], words: 3 } });
    expect(within3.total).toBe(0);
    const within200 = await api['coding-query']({ any: [ids.Connection!], near: { codeIds: [ids.Safety!], words: 200 } });
    expect(within200.total).toBe(1);
    // Tama's Identity turn follows Aroha's first turn: near in words, not in the same turn.
    expect((await api['coding-query']({ any: [ids.Identity!], near: { codeIds: [ids.Connection!] } })).total).toBe(0);
    expect((await api['coding-query']({ any: [ids.Identity!], near: { codeIds: [ids.Connection!], words: 5 } })).total).toBe(1);
  });

  it('narrows to speakers by role or attribute, and to a mode or frame', async () => {
    expect((await api['coding-query']({ any: [ids.Connection!] })).total).toBe(3);
    const peer = await api['coding-query']({ any: [ids.Connection!, ids.Identity!], speakers: { role: 'peer supporter' } });
    expect(new Set(peer.segments.flatMap((s) => s.speakers.map((p) => p.name)))).toEqual(new Set(['Aroha Ngata', 'Tama Rewiri']));
    const worker = await api['coding-query']({ any: [ids.Connection!], speakers: { role: 'peer support worker' } });
    expect(worker.segments.map((s) => s.speakers[0]?.name)).toEqual(['Rachel Moana']);
    expect((await api['coding-query']({ any: [ids.Connection!], mode: 'mainstream' })).total).toBe(1);
    await api['attribute-define']({ name: 'Iwi', type: 'text' });
    const tama = (await api['participants-list']({})).find((p) => p.name === 'Tama Rewiri')!;
    await api['participant-update']({ id: tama.id, attributes: { Iwi: 'Ngāti Porou' } });
    const iwi = (await api['attributes-list']({})).find((a) => a.name === 'Iwi')!;
    const byIwi = await api['coding-query']({ any: [ids.Connection!, ids.Identity!], speakers: { attribute: { attributeId: iwi.id, value: 'Ngāti Porou' } } });
    expect(byIwi.segments.map((s) => s.speakers[0]?.name)).toEqual(['Tama Rewiri']);
    // A frame applied only to the focus group limits the query to it.
    const frame = await api['frame-create']({ name: 'Mainstream only', kind: 'mainstream' });
    core.requireProject().db.prepare('INSERT INTO frame_sources (frame_id, source_id) VALUES (?, ?)').run(frame.id, vtt.id);
    core.requireProject().db.prepare('INSERT OR IGNORE INTO frame_sources (frame_id, source_id) VALUES (?, ?)').run((await api['frames-list']({}))[0]!.id, hui.id);
    expect((await api['coding-query']({ any: [ids.Connection!], frameId: frame.id })).segments.map((s) => s.sourceId)).toEqual([vtt.id]);
  });

  it('reads codings through an index on code (covering, from migration 004), without a table scan or a sort', () => {
    const plan = core
      .requireProject()
      .db.prepare('EXPLAIN QUERY PLAN SELECT source_id AS sourceId, start, end, code_id AS codeId FROM codings WHERE code_id = ? ORDER BY source_id, start')
      .all(1) as Array<{ detail: string }>;
    const text = plan.map((p) => p.detail).join('\n');
    expect(text).toMatch(/SEARCH codings USING COVERING INDEX codings_code_range \(code_id=\?\)/);
    expect(text).not.toMatch(/TEMP B-TREE|SCAN codings/);
  });

  it('refuses an empty query and unknown codes', async () => {
    await expect(api['coding-query']({})).rejects.toMatchObject({ code: 'bad-input' });
    await expect(api['coding-query']({ all: [99999] })).rejects.toMatchObject({ code: 'not-found' });
  });
});
