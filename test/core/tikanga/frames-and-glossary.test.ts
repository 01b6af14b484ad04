import { beforeAll, describe, expect, it } from 'vitest';
import { testCore } from '../../support/core';
import { huiProject, type HuiProject } from './setup';

describe('kaupapa Māori frames from templates, frame applicability', () => {
  const { api, path } = testCore();
  let p: HuiProject;
  beforeAll(async () => {
    p = await huiProject(api, path('frames.focal'));
  });

  it('offers the templates with their codes, never creating a frame by itself', async () => {
    const templates = await api['frame-templates-list']({});
    expect(templates.map((t) => t.name).sort()).toEqual(['Kaupapa Māori values', 'Meihana model', 'Te Whare Tapa Whā', 'Te Wheke']);
    const twtw = templates.find((t) => t.id === 'te-whare-tapa-wha')!;
    expect(twtw.topLevel).toEqual(['Taha tinana', 'Taha hinengaro', 'Taha whānau', 'Taha wairua', 'Whenua']);
    expect(templates.find((t) => t.id === 'te-wheke')!.topLevel).toEqual(expect.arrayContaining(['Mauri', 'Hā a koro mā a kui mā', 'Waiora', 'Whatumanawa']));
    expect(templates.find((t) => t.id === 'kaupapa-maori-values')!.topLevel).toEqual(['Whanaungatanga', 'Manaakitanga', 'Kaitiakitanga', 'Rangatiratanga', 'Whakapapa', 'Tuakana–teina', 'Aroha', 'Wairuatanga']);
    expect((await api['frames-list']({})).map((f) => f.kind)).toEqual(['mainstream']);
  });

  it('creates a kaupapa Māori frame from Te Whare Tapa Whā, each code described; whenua optional', async () => {
    const { frame, codes } = await api['frame-from-template']({ template: 'te-whare-tapa-wha', skip: ['Whenua'] });
    expect(frame).toMatchObject({ name: 'Te Whare Tapa Whā', kind: 'kaupapa-maori' });
    expect(codes).toBe(4);
    const list = await api['codes-list']({ frameId: frame.id });
    expect(list.map((c) => c.name)).toEqual(['Taha tinana', 'Taha hinengaro', 'Taha whānau', 'Taha wairua']);
    expect(list.every((c) => c.description.length > 20 && c.parentId === null)).toBe(true);
    await expect(api['frame-from-template']({ template: 'te-whare-tapa-wha' })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/already exists; give the new frame another name/) });
    await expect(api['frame-from-template']({ template: 'nope' })).rejects.toMatchObject({ code: 'not-found', message: expect.stringMatching(/te-whare-tapa-wha/) });
    // Editable after: it is the analysts' own frame.
    const tinana = list[0]!;
    expect((await api['code-update']({ id: tinana.id, description: 'Tinana: our own words' })).description).toBe('Tinana: our own words');
    await api['code-create']({ frameId: frame.id, parentId: tinana.id, name: 'Kai' });
  });

  it('creates the Meihana model with Ngā Hau e Whā and Ngā Roma Moana as parents, in one undoable step', async () => {
    const { frame, codes } = await api['frame-from-template']({ template: 'meihana' });
    expect(codes).toBe(16);
    const list = await api['codes-list']({ frameId: frame.id });
    const hau = list.find((c) => c.name === 'Ngā Hau e Whā')!;
    expect(list.filter((c) => c.parentId === hau.id).map((c) => c.name)).toEqual(['Colonisation', 'Racism', 'Migration', 'Marginalisation']);
    await api['history-undo']({});
    expect((await api['frames-list']({})).some((f) => f.id === frame.id)).toBe(false);
    await api['history-redo']({});
    expect(await api['codes-list']({ frameId: frame.id })).toHaveLength(16);
  });

  it('codes the same text in both frames without mixing them', async () => {
    const frames = await api['frames-list']({});
    const twtw = frames.find((f) => f.name === 'Te Whare Tapa Whā')!;
    const whanau = (await api['codes-list']({ frameId: twtw.id })).find((c) => c.name === 'Taha whānau')!;
    const koro = p.turnOf('Koro Hemi', 1);
    await api['coding-apply']({ codeId: whanau.id, sourceId: p.hui.id, start: koro.start, end: koro.end });
    // The hui is tikanga-based and no kaitiaki is named here: the project opens it to "Codes" on purpose.
    await api['source-frames-set']({ sourceId: p.hui.id, frameIds: [p.frameId] });
    await api['coding-apply']({ codeId: p.codeId, sourceId: p.hui.id, start: koro.start, end: koro.end });
    expect((await api['codings-list']({ sourceId: p.hui.id, frameId: twtw.id })).map((c) => c.codeId)).toEqual([whanau.id]);
    expect((await api['codings-list']({ sourceId: p.hui.id, frameId: p.frameId })).map((c) => c.codeId)).toEqual([p.codeId]);
  });

  it('applies only the frames chosen for a session, and says so when coding in another', async () => {
    const twtw = (await api['frames-list']({})).find((f) => f.name === 'Te Whare Tapa Whā')!;
    expect(await api['source-frames-get']({ sourceId: p.fg.id })).toMatchObject({ allFrames: true });
    const set = await api['source-frames-set']({ sourceId: p.fg.id, frameIds: [p.frameId] });
    expect(set.allFrames).toBe(false);
    expect(set.frames.filter((f) => f.applies).map((f) => f.id)).toEqual([p.frameId]);
    const tinana = (await api['codes-list']({ frameId: twtw.id }))[0]!;
    const turn = p.fg.blocks.find((b) => b.kind === 'turn')!;
    await expect(api['coding-apply']({ codeId: tinana.id, sourceId: p.fg.id, start: turn.start, end: turn.end })).rejects.toMatchObject({
      code: 'forbidden',
      message: `The frame "Te Whare Tapa Whā" does not apply to "${p.fg.title}" (it is coded in "Codes"). Choose the frames for this session in its Tikanga panel (the Tikanga or Frames button above the transcript), or code it in a frame that applies.`,
    });
    await expect(api['coding-apply-blocks']({ codeId: tinana.id, blockIds: [turn.id] })).rejects.toMatchObject({ code: 'forbidden' });
    await api['coding-apply']({ codeId: p.codeId, sourceId: p.fg.id, start: turn.start, end: turn.end });
    // The hui keeps its kaupapa Māori frames (and "Codes", opened above); an empty choice opens the focus group to all frames again.
    await api['coding-apply']({ codeId: tinana.id, sourceId: p.hui.id, start: p.turnOf('Aroha Ngata').start, end: p.turnOf('Aroha Ngata').end });
    expect((await api['source-frames-set']({ sourceId: p.fg.id, frameIds: [] })).allFrames).toBe(true);
    await api['coding-apply']({ codeId: tinana.id, sourceId: p.fg.id, start: turn.start, end: turn.end });
  });
});

describe('the project glossary', () => {
  const { api, path } = testCore();
  let p: HuiProject;
  beforeAll(async () => {
    p = await huiProject(api, path('glossary.folded'));
  });

  it('imports the starter glossary once, macrons as written', async () => {
    expect(await api['glossary-list']({})).toEqual([]);
    const first = await api['glossary-import']({});
    expect(first).toMatchObject({ added: 51, skipped: 0, warnings: [] });
    expect((await api['glossary-import']({})).added).toBe(0);
    const list = await api['glossary-list']({});
    expect(list.find((e) => e.term === 'whānau')).toMatchObject({ gloss: 'family, extended family' });
    expect(list.find((e) => e.term === 'tuakana–teina')).toBeDefined();
  });

  it('adds, edits and removes entries; a folded duplicate is the same term', async () => {
    await expect(api['glossary-add']({ term: 'whaanau', gloss: 'family' })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/already has "whānau"/) });
    const e = await api['glossary-add']({ term: 'Hikurangi', gloss: 'a maunga', notes: 'named in the hui as a place of healing' });
    expect((await api['glossary-update']({ id: e.id, gloss: 'maunga (mountain)' })).gloss).toBe('maunga (mountain)');
    await api['glossary-delete']({ id: e.id });
    expect((await api['glossary-list']({})).some((x) => x.id === e.id)).toBe(false);
    const csv = 'Term,Gloss,Notes\nwhaanau,family,dup\nmahi tahi,working together,\n,no term,\n';
    expect(await api['glossary-import']({ fileName: 'ours.csv', csv })).toEqual({ added: 1, skipped: 1, warnings: ['ours.csv: row 4: a term and a gloss are both needed; skipped.'] });
    await expect(api['glossary-import']({ fileName: 'bad.csv', csv: 'a,b\n1,2\n' })).rejects.toMatchObject({ message: expect.stringMatching(/bad.csv: a glossary CSV needs the columns term and gloss/) });
  });

  it('finds terms in the hui with or without macrons and double vowels, whole words, longest first', async () => {
    const hits = await api['glossary-lookup']({ sourceId: p.hui.id });
    const at = (term: string) => hits.filter((h) => h.term === term).map((h) => p.hui.text.slice(h.start, h.end));
    expect(at('whānau')).toEqual(['whānau', 'whānau', 'whanau', 'whānau']);
    // tuakana-teina (hyphen) in the hui is the entry tuakana–teina, not tuakana and teina.
    expect(at('tuakana–teina')).toEqual(['tuakana-teina']);
    expect(at('teina')).toEqual([]);
    expect(at('tuakana')).toEqual(['tuakana']);
    expect(at('whanaunga')).toEqual(['whanaunga']);
    expect(hits.find((h) => h.term === 'whakawhanaungatanga')!.gloss).toMatch(/relationships/);
    const again = await api['glossary-lookup']({ text: 'Te Ao Maaori, te whaanau, a KAUPAPA MAORI hui me te tuakana—teina' });
    expect(again.map((h) => h.term)).toEqual(['Te Ao Māori', 'whānau', 'kaupapa Māori', 'hui', 'tuakana–teina']);
  });
});
