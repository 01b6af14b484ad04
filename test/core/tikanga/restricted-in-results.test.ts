/**
 * A restricted (tapu) passage stays out of every other way of reading the text: search hits,
 * coding-query and matrix segments; and bulk coding (auto-code, "code all results") leaves it out
 * outside the kaupapa Māori frame, as coding-apply refuses it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { testCore } from '../../support/core';
import { huiProject, type HuiProject } from './setup';
import { lockTestKey, unlockTestKey } from '../../support/kaitiaki-sign';
import { fold } from '../../../shared/text/fold';
import { openTikangaTo } from '../../support/open-frames';

describe('restricted passages in search, queries and bulk coding', () => {
  const { api, core, path } = testCore();
  let p: HuiProject;
  let kmFrameId: number;
  // Koro Hemi at the keyboard has his kaitiaki key unlocked; anyone else (whatever name they type) does not.
  const as = (userName: string) => {
    core.state.setPrefs({ userName });
    const kaitiaki = fold(userName).trim() === 'koro hemi' && !!core.requireProject().db.prepare('SELECT kaitiaki_id FROM participants WHERE id = ?').pluck().get(p.ropuId);
    if (kaitiaki) unlockTestKey(core, p.ropuId);
    else if (core.requireProject().db.prepare('SELECT 1 FROM kaitiaki_statements WHERE group_id = ?').get(p.ropuId)) lockTestKey(core, p.ropuId);
  };
  const name = 'Jason Whitu';

  beforeAll(async () => {
    p = await huiProject(api, path('hui.focal'));
    await api['participant-update']({ id: p.ropuId, kaitiakiId: p.koroId });
    kmFrameId = (await api['frame-create']({ name: 'Kaupapa Māori', kind: 'kaupapa-maori' })).id;
    // Koro Hemi, with his key, opens the hui to the mainstream frame.
    as('Koro Hemi');
    await openTikangaTo(api, (await api['frames-list']({})).find((f) => f.kind === 'mainstream')!.id);
    as('Aroha Ngata');
    // Coded before the label, in both frames.
    const tama = p.turnOf('Tama Rewiri');
    await api['coding-apply']({ codeId: p.codeId, sourceId: p.hui.id, start: tama.start, end: tama.end });
    const at = p.hui.text.indexOf(name, tama.start);
    as('Koro Hemi');
    await api['sensitivity-set']({ sourceId: p.hui.id, start: at, end: at + name.length, label: 'restricted' });
    // Aroha reads restricted passages in a kaupapa Māori frame because the kaitiaki lists her (signed), not because of the frame.
    await api['kaitiaki-readers-set']({ groupId: p.ropuId, readers: ['Aroha Ngata'] });
    as('Aroha Ngata');
  });

  it('drops search hits inside the passage and masks it in the context of other hits, outside the kaupapa Māori frame', async () => {
    const outside = await api['search-run']({ query: 'Jason', viewFrameId: p.frameId });
    expect(outside.hits.filter((h) => h.sourceId === p.hui.id)).toEqual([]);
    const near = await api['search-run']({ query: 'fella', viewFrameId: p.frameId });
    const hit = near.hits.find((h) => h.sourceId === p.hui.id)!;
    const context = hit.context.map((s) => s.text).join('');
    expect(context).toContain('fella');
    expect(context).not.toContain(name);
    expect(context).toContain('•••••');
    // With no frame given, the safe default applies.
    expect((await api['search-run']({ query: 'Jason' })).hits.filter((h) => h.sourceId === p.hui.id)).toEqual([]);

    const inside = await api['search-run']({ query: 'Jason', viewFrameId: kmFrameId });
    expect(inside.hits.some((h) => h.sourceId === p.hui.id && h.context.map((s) => s.text).join('').includes(name))).toBe(true);
    as('Koro Hemi');
    expect((await api['search-run']({ query: 'whitu' })).hits.some((h) => h.sourceId === p.hui.id)).toBe(true);
    as('Aroha Ngata');
  });

  it('masks the passage in coding-query and matrix-cell segments of a mainstream code', async () => {
    const q = await api['coding-query']({ any: [p.codeId] });
    const seg = q.segments.find((s) => s.sourceId === p.hui.id)!;
    expect(seg.text).toContain('young fella');
    expect(seg.text).not.toContain(name);
    const cell = await api['matrix-cell']({ codeIds: [p.codeId], cols: 'mode', codeId: p.codeId, colKey: 'tikanga' });
    for (const s of cell.segments) expect(`${s.before}${s.text}${s.after}`).not.toContain(name);
  });

  it('leaves the passage out of auto-coding and "code all results" in a mainstream frame, saying why', async () => {
    const code = await api['code-create']({ frameId: p.frameId, name: 'Names' });
    // To someone who may not read the passage, a match inside it is not there at all: the preview
    // answers exactly as for a word that is nowhere (no count, no reason naming the passage).
    const preview = await api['autocode-preview']({ codeId: code.id, pattern: 'jason whitu' });
    const absent = await api['autocode-preview']({ codeId: code.id, pattern: 'nowherezzqword' });
    expect(preview).toEqual(absent);
    expect(preview.count).toBe(0);
    expect(preview.notCodable).toBe(0);
    expect(await api['autocode-apply']({ codeId: code.id, pattern: 'jason whitu' })).toEqual({ coded: 0, skipped: 0 });

    const results = await api['search-code-preview']({ query: 'Jason', codeId: code.id, scope: 'hits' });
    expect(results.notCodable).toBe(0);
    expect(results.ranges).toBe(0);
    expect((await api['search-code-apply']({ query: 'Jason', codeId: code.id, scope: 'hits' })).coded).toBe(0);
    expect(await api['codings-list']({ sourceId: p.hui.id, frameId: p.frameId })).not.toContainEqual(expect.objectContaining({ codeId: code.id }));

    // In the kaupapa Māori frame it is coded.
    const km = await api['code-create']({ frameId: kmFrameId, name: 'Whakapapa' });
    expect((await api['autocode-apply']({ codeId: km.id, pattern: 'jason whitu' })).coded).toBe(1);
  });

  it('masks the passage in the quote bank for a quote of a mainstream code, and shows it to the kaitiaki', async () => {
    await api['quotes-from-code']({ codeId: p.codeId });
    const [q] = (await api['quotes-list']({})).filter((x) => x.codeId === p.codeId && x.sourceId === p.hui.id);
    expect(q!.original).toContain('young fella');
    expect(q!.original).not.toContain(name);
    expect(q!.raw).not.toContain(name);
    expect(q!.out).toBeNull();
    as('Koro Hemi');
    const [k] = (await api['quotes-list']({ quoteIds: [q!.id] }));
    expect(k!.original).toContain(name);
    as('Aroha Ngata');
  });
});
