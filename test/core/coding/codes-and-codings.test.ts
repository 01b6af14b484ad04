import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTikangaTo } from '../../support/open-frames';
import { testCore } from '../../support/core';

const fx = (f: string) => ({ name: f, path: join(process.cwd(), 'test/fixtures', f) });

describe('code tree, coding, retrieval and undo', () => {
  const { api, path } = testCore();
  let frameId: number;
  let hui: Awaited<ReturnType<(typeof api)['source-get']>>;
  let vttId: number;

  beforeAll(async () => {
    await api['project-new']({ name: 'Coding', path: path('coding.focal') });
    await api['participants-import-csv']({ fileName: 'participants.csv', csv: (await import('node:fs')).readFileSync(join(process.cwd(), 'test/fixtures/participants.csv'), 'utf8') });
    const res = await api['import-files']({ files: [fx('hui-tupu-group-interview.txt'), fx('focus-group-lived-experience.vtt')] });
    const rows = await api['speakers-review']({});
    for (const r of rows) if (r.suggestion.participantId) await api['speakers-map']({ speakerIds: [r.speakerId], participantId: r.suggestion.participantId });
    hui = await api['source-get']({ sourceId: res[0]!.sourceId! });
    vttId = res[1]!.sourceId!;
    frameId = (await api['frames-list']({}))[0]!.id;
    await openTikangaTo(api, frameId); // the hui is tikanga-based: opened to the mainstream frame on purpose
  });

  const turnOf = (label: string, nth = 0) => {
    const sp = hui.speakers.find((s) => s.label === label)!;
    return hui.blocks.filter((b) => b.kind === 'turn' && b.speakerId === sp.id)[nth]!;
  };

  it('builds a nested tree with colours; names are unique among siblings', async () => {
    const whanau = await api['code-create']({ frameId, name: 'Whānau' });
    const connection = await api['code-create']({ frameId, parentId: whanau.id, name: 'Connection', color: '#336699' });
    expect(whanau.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(connection).toMatchObject({ parentId: whanau.id, color: '#336699' });
    await expect(api['code-create']({ frameId, parentId: whanau.id, name: 'connection' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(api['code-move']({ id: whanau.id, parentId: connection.id })).rejects.toMatchObject({ code: 'bad-input', message: expect.stringMatching(/inside itself/) });
  });

  it('codes a selection and whole turns, records the coder, and counts segments, sources, participants', async () => {
    const [whanau] = (await api['codes-list']({ frameId })).filter((c) => c.name === 'Whānau');
    const aroha = turnOf('Aroha Ngata');
    const at = hui.text.indexOf('whakapapa', aroha.start);
    const c = await api['coding-apply']({ codeId: whanau!.id, sourceId: hui.id, start: at, end: at + 'whakapapa'.length });
    expect(c).toMatchObject({ coder: 'Test Coder', start: at });
    expect(hui.text.slice(c.start, c.end)).toBe('whakapapa');
    // The same range twice is one coding.
    expect((await api['coding-apply']({ codeId: whanau!.id, sourceId: hui.id, start: at, end: at + 9 })).id).toBe(c.id);
    await api['coding-apply-blocks']({ codeId: whanau!.id, blockIds: [turnOf('Koro Hemi', 1).id, turnOf('Mere Tawhiri', 1).id] });
    const counted = (await api['codes-list']({ frameId })).find((x) => x.id === whanau!.id)!;
    expect(counted.counts).toEqual({ segments: 3, sources: 1, participants: 3 });
  });

  it('refuses a range outside the text', async () => {
    const [code] = await api['codes-list']({ frameId });
    await expect(api['coding-apply']({ codeId: code!.id, sourceId: hui.id, start: 0, end: hui.text.length + 1 })).rejects.toMatchObject({ code: 'bad-input' });
  });

  it('retrieves segments with speaker, source and context, filterable by participant and mode', async () => {
    const whanau = (await api['codes-list']({ frameId })).find((c) => c.name === 'Whānau')!;
    const segs = await api['segments-list']({ codeId: whanau.id });
    expect(segs).toHaveLength(3);
    expect(segs[0]).toMatchObject({ text: 'whakapapa', sourceTitle: hui.title, mode: 'tikanga', speakers: [{ label: 'Aroha Ngata', name: 'Aroha Ngata' }] });
    expect(segs[0]!.before).toMatch(/For us it starts with $/);
    const koro = segs.find((s) => s.speakers[0]?.label === 'Koro Hemi')!;
    const only = await api['segments-list']({ codeId: whanau.id, participantId: koro.speakers[0]!.participantId! });
    expect(only.map((s) => s.codingId)).toEqual([koro.codingId]);
    expect(await api['segments-list']({ codeId: whanau.id, mode: 'mainstream' })).toEqual([]);
  });

  it('removes a code from the middle of a coded turn by splitting it', async () => {
    const code = await api['code-create']({ frameId, name: 'Paperwork' });
    const t = turnOf('Aroha Ngata', 1);
    await api['coding-apply-blocks']({ codeId: code.id, blockIds: [t.id] });
    const r = await api['coding-remove']({ codeId: code.id, sourceId: hui.id, start: t.start + 10, end: t.start + 20 });
    expect(r).toMatchObject({ removed: 0, trimmed: 1 });
    const codings = (await api['codings-list']({ sourceId: hui.id })).filter((c) => c.codeId === code.id);
    expect(codings.map((c) => [c.start, c.end])).toEqual([[t.start, t.start + 10], [t.start + 20, t.end]]);
  });

  it('merges codes: codings move over and identical ones collapse', async () => {
    const a = await api['code-create']({ frameId, name: 'Hope' });
    const b = await api['code-create']({ frameId, name: 'Hopefulness' });
    const d = await api['source-get']({ sourceId: vttId });
    const turn = d.blocks.find((x) => x.kind === 'turn' && x.seq === 1)!;
    await api['coding-apply-blocks']({ codeId: a.id, blockIds: [turn.id] });
    await api['coding-apply-blocks']({ codeId: b.id, blockIds: [turn.id, d.blocks[2]!.id] });
    const merged = await api['code-merge']({ ids: [b.id], targetId: a.id });
    expect(merged.counts.segments).toBe(2);
    expect((await api['codes-list']({ frameId })).some((c) => c.id === b.id)).toBe(false);
  });

  it('undoes and redoes several steps, and the history survives closing and reopening', async () => {
    const before = (await api['codes-list']({ frameId })).map((c) => c.name);
    const hope = (await api['codes-list']({ frameId })).find((c) => c.name === 'Hope')!;
    const preview = await api['code-delete-preview']({ id: hope.id });
    expect(preview).toEqual({ codes: 1, codings: 2, sources: 1, memos: 0 });
    await api['code-update']({ id: hope.id, name: 'Hope and recovery' });
    await api['code-delete']({ id: hope.id });
    expect((await api['codes-list']({ frameId })).some((c) => c.id === hope.id)).toBe(false);

    await api['project-close']({});
    await api['project-open']({ path: path('coding.focal') });
    expect((await api['history-state']({})).canUndo?.label).toBe('Delete code "Hope and recovery"');
    await api['history-undo']({});
    const restored = (await api['codes-list']({ frameId })).find((c) => c.id === hope.id)!;
    expect(restored).toMatchObject({ name: 'Hope and recovery', counts: { segments: 2 } });
    const state = await api['history-undo']({});
    expect(state.canRedo?.label).toBe('Rename "Hope" to "Hope and recovery"');
    expect((await api['codes-list']({ frameId })).map((c) => c.name)).toEqual(before);
    await api['history-redo']({});
    await api['history-redo']({});
    expect((await api['codes-list']({ frameId })).some((c) => c.id === hope.id)).toBe(false);
    // A new action after an undo drops the redo branch.
    await api['history-undo']({});
    await api['code-create']({ frameId, name: 'Tautoko' });
    expect((await api['history-state']({})).canRedo).toBeNull();
  });

  it('keeps frames apart: a code cannot move or merge across frames', async () => {
    const km = await api['frame-create']({ name: 'Kaupapa Māori', kind: 'kaupapa-maori' });
    const wairua = await api['code-create']({ frameId: km.id, name: 'Taha wairua' });
    const tautoko = (await api['codes-list']({ frameId })).find((c) => c.name === 'Tautoko')!;
    await expect(api['code-move']({ id: wairua.id, parentId: tautoko.id })).rejects.toMatchObject({ code: 'bad-input' });
    await expect(api['code-merge']({ ids: [wairua.id], targetId: tautoko.id })).rejects.toMatchObject({ code: 'bad-input' });
    expect((await api['codes-list']({ frameId: km.id })).map((c) => c.name)).toEqual(['Taha wairua']);
  });
});
