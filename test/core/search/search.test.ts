import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { search } from '../../../electron/core/search/search';
import { testCore } from '../../support/core';
import { openTikangaTo } from '../../support/open-frames';

const fx = (f: string) => ({ name: f, path: join(process.cwd(), 'test/fixtures', f) });

describe('search', () => {
  const { api, core, path } = testCore();
  let hui: Awaited<ReturnType<(typeof api)['source-get']>>;
  let extraId: number;

  beforeAll(async () => {
    await api['project-new']({ name: 'Search', path: path('search.focal') });
    await api['participants-import-csv']({ fileName: 'participants.csv', csv: readFileSync(join(process.cwd(), 'test/fixtures/participants.csv'), 'utf8') });
    const extra = path('extra.txt');
    writeFileSync(extra, 'Title: Extra hui\nMode: hui\n\nRawiri Kerr: The tuakana–teina bond, Māori ways, our whaanau.\n\nSam Lee: Kia ora.\n');
    const res = await api['import-files']({ files: [fx('hui-tupu-group-interview.txt'), fx('focus-group-lived-experience.vtt'), fx('individual-interview-manager.srt'), { name: 'extra.txt', path: extra }] });
    for (const r of await api['speakers-review']({})) if (r.suggestion.participantId) await api['speakers-map']({ speakerIds: [r.speakerId], participantId: r.suggestion.participantId });
    hui = await api['source-get']({ sourceId: res[0]!.sourceId! });
    extraId = res[3]!.sourceId!;
    // The hui (no kaitiaki named) is opened to the mainstream frame on purpose, to be coded there.
    await openTikangaTo(api, (await api['frames-list']({}))[0]!.id);
  });

  const hitTexts = (r: Awaited<ReturnType<(typeof api)['search-run']>>) => r.hits.flatMap((h) => h.matches.map((m) => (h.sourceId === hui.id ? hui.text.slice(m.start, m.end) : `${h.sourceId}:${m.start}`)));

  it('finds whānau written with and without the macron, and maps hits to the stored text', async () => {
    const r = await api['search-run']({ query: 'whanau' });
    const huiHits = r.hits.filter((h) => h.sourceId === hui.id);
    expect(huiHits.flatMap((h) => h.matches.map((m) => hui.text.slice(m.start, m.end))).sort()).toEqual(['whanau', 'whānau', 'whānau', 'whānau'].sort());
    const withMacron = await api['search-run']({ query: 'whānau' });
    expect(withMacron.hits.map((h) => h.blockId)).toEqual(r.hits.map((h) => h.blockId));
    // The extra transcript's "whaanau" (double vowel) is found too.
    expect(r.hits.some((h) => h.sourceId === extraId)).toBe(true);
  });

  it('Maaori finds Māori and Maaori; Māori finds both as well', async () => {
    for (const q of ['Maaori', 'Māori', 'maori']) {
      const r = await api['search-run']({ query: q });
      expect(r.hits.some((h) => h.sourceId === hui.id && h.speaker?.label === 'Koro Hemi')).toBe(true);
      const extra = r.hits.find((h) => h.sourceId === extraId)!;
      expect(extra.context.filter((s) => s.hit).map((s) => s.text)).toEqual(['Māori']);
    }
  });

  it('tuakana-teina finds tuakana–teina and the other way round', async () => {
    const hyphen = await api['search-run']({ query: 'tuakana-teina' });
    const dash = await api['search-run']({ query: 'tuakana–teina' });
    expect(hyphen.hits.map((h) => h.blockId)).toEqual(dash.hits.map((h) => h.blockId));
    expect(hyphen.hits).toHaveLength(2);
    expect(hitTexts(hyphen)).toContain('tuakana-teina');
    const extra = hyphen.hits.find((h) => h.sourceId === extraId)!;
    expect(extra.context.find((s) => s.hit)!.text).toBe('tuakana–teina');
  });

  it('gives speaker, source, mode and the hit in context as text spans', async () => {
    const r = await api['search-run']({ query: '"paperwork first"' });
    expect(r.total).toBe(1);
    const h = r.hits[0]!;
    expect(h).toMatchObject({ sourceId: hui.id, sourceTitle: hui.title, mode: 'tikanga', blockKind: 'turn', speaker: { label: 'Aroha Ngata', name: 'Aroha Ngata', role: 'peer supporter' } });
    expect(h.context.map((s) => s.text).join('')).toBe(hui.text.slice(h.blockStart, h.blockEnd));
    expect(h.context.filter((s) => s.hit).map((s) => s.text)).toEqual(['paperwork first']);
  });

  it('supports prefixes, OR, NOT and brackets', async () => {
    const pre = await api['search-run']({ query: 'whaka*' });
    expect(pre.hits.flatMap((h) => h.context.filter((s) => s.hit).map((s) => s.text))).toEqual(expect.arrayContaining(['whakapapa', 'whakawhanaungatanga']));
    const or = await api['search-run']({ query: 'maunga OR Hikurangi OR DHB' });
    const not = await api['search-run']({ query: '(maunga OR DHB) NOT Hikurangi' });
    expect(not.total).toBe(or.total - 1);
    expect(not.understood).toBe('(maunga OR DHB) AND NOT Hikurangi');
  });

  it('filters by mode, group, participant attribute (role) and code', async () => {
    const all = await api['search-run']({ query: 'peer' });
    const mainstream = await api['search-run']({ query: 'peer', filters: { mode: 'mainstream' } });
    expect(mainstream.total).toBeGreaterThan(0);
    expect(mainstream.total).toBeLessThan(all.total);
    expect(mainstream.hits.every((h) => h.mode === 'mainstream')).toBe(true);
    const managers = await api['search-run']({ query: 'peer', filters: { role: 'manager' } });
    expect(new Set(managers.hits.map((h) => h.speaker?.name))).toEqual(new Set(['Geoff Baker']));
    const people = await api['participants-list']({});
    const ropu = people.find((p) => p.name === 'Te Whare Oranga rōpū')!;
    const inGroup = await api['search-run']({ query: 'peer', filters: { groupId: ropu.id } });
    expect(inGroup.total).toBeGreaterThan(0);
    expect(inGroup.hits.every((h) => h.sourceId === hui.id)).toBe(true);
    await api['attribute-define']({ name: 'Region', type: 'text' });
    const tama = people.find((p) => p.name === 'Tama Rewiri')!;
    await api['participant-update']({ id: tama.id, attributes: { Region: 'Wellington' } });
    const attr = (await api['attributes-list']({})).find((a) => a.name === 'Region')!;
    const byAttr = await api['search-run']({ query: 'peer OR healing OR maunga', filters: { attribute: { attributeId: attr.id, value: 'Wellington' } } });
    expect(byAttr.hits.map((h) => h.speaker?.name)).toEqual(['Tama Rewiri', 'Tama Rewiri']);
    const frame = (await api['frames-list']({}))[0]!;
    const code = await api['code-create']({ frameId: frame.id, name: 'Connection' });
    const turn = hui.blocks.find((b) => hui.text.slice(b.start, b.end).includes('whakapapa'))!;
    await api['coding-apply']({ codeId: code.id, sourceId: hui.id, start: turn.start + 5, end: turn.start + 20 });
    const coded = await api['search-run']({ query: 'whanau', filters: { codeId: code.id } });
    expect(coded.hits.map((h) => h.blockId)).toEqual([turn.id]);
  });

  it('pages through results with a total', async () => {
    const page1 = await api['search-run']({ query: 'the', limit: 3 });
    const page2 = await api['search-run']({ query: 'the', limit: 3, offset: 3 });
    expect(page1.total).toBeGreaterThan(6);
    expect(page2.total).toBe(page1.total);
    expect(page1.hits).toHaveLength(3);
    expect(page2.hits.map((h) => h.blockId).some((id) => page1.hits.some((h) => h.blockId === id))).toBe(false);
  });

  it('stops counting at the cap and says so', () => {
    const db = core.requireProject().db;
    const all = search(db, { query: 'the', limit: 1 });
    expect(all.totalIsCapped).toBe(false);
    const capped = search(db, { query: 'the', limit: 1, countCap: 3 });
    expect(capped).toMatchObject({ total: 3, totalIsCapped: true });
    const filtered = search(db, { query: 'the', limit: 1, countCap: 2, filters: { mode: 'tikanga' } });
    expect(filtered).toMatchObject({ total: 2, totalIsCapped: true });
  });

  it('runs hostile input as plain words and never as FTS5 syntax', async () => {
    for (const q of ['NEAR(whanau hui)', 'folded:whanau', 'block_id:1', '"whanau', 'whanau"', '^whanau', 'whanau AND', '(((whanau', 'whanau)))', '{folded} : whanau', "'; DROP TABLE blocks; --"]) {
      const r = await api['search-run']({ query: q });
      expect(r.total).toBeGreaterThanOrEqual(0);
    }
    expect((await api['search-run']({ query: 'folded:whanau' })).total).toBe(0);
    for (const q of ['"', '*', '', '   ', '()', 'OR', 'NOT whanau']) await expect(api['search-run']({ query: q })).rejects.toMatchObject({ code: 'bad-input' });
    expect((await api['sources-list']({})).length).toBe(4);
  });

  it('codes all results in one undoable step, after a preview', async () => {
    const frame = (await api['frames-list']({}))[0]!;
    const code = await api['code-create']({ frameId: frame.id, name: 'Whānau mentions' });
    const preview = await api['search-code-preview']({ query: 'whanau', codeId: code.id, scope: 'hits' });
    expect(preview).toMatchObject({ alreadyCoded: 0, sources: 2 });
    expect(preview.ranges).toBe(5);
    expect(preview.sample.map((s) => s.text)).toContain('whānau');
    const done = await api['search-code-apply']({ query: 'whanau', codeId: code.id, scope: 'hits' });
    expect(done).toEqual({ coded: 5, alreadyCoded: 0 });
    const codings = (await api['codings-list']({ sourceId: hui.id })).filter((c) => c.codeId === code.id);
    expect(codings.map((c) => hui.text.slice(c.start, c.end)).sort()).toEqual(['whanau', 'whānau', 'whānau', 'whānau'].sort());
    expect((await api['history-state']({})).canUndo?.label).toBe('Code 5 search hits with "Whānau mentions"');
    // Again: nothing new to code.
    expect(await api['search-code-preview']({ query: 'whanau', codeId: code.id, scope: 'hits' })).toMatchObject({ ranges: 0, alreadyCoded: 5 });
    await api['history-undo']({});
    expect((await api['codings-list']({ sourceId: hui.id })).filter((c) => c.codeId === code.id)).toEqual([]);
    const turns = await api['search-code-apply']({ query: 'whanau', codeId: code.id, scope: 'turns' });
    expect(turns.coded).toBe(4); // Koro Hemi says it twice in one turn
    const turnCodings = (await api['codings-list']({ sourceId: hui.id })).filter((c) => c.codeId === code.id);
    expect(turnCodings.every((c) => hui.blocks.some((b) => b.start === c.start && b.end === c.end))).toBe(true);
  });
});
