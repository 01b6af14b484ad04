/**
 * Quotes by query and from search hits: one quote per segment or hit, ranges already in the bank
 * skipped, ranges touching a restricted (tapu) passage refused outside the kaupapa Māori frame,
 * and no transcript text in what the calls return. Also the transcript's never-exported marks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fold } from '../../../shared/text/fold';
import { sentencesAround } from '../../../electron/core/quotes/quotes-from-results';
import { testCore } from '../../support/core';
import { huiProject, type HuiProject } from '../tikanga/setup';
import { lockTestKey, unlockTestKey } from '../../support/kaitiaki-sign';
import { openTikangaTo } from '../../support/open-frames';

describe('quotes from a coding query and from search', () => {
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
  const quoteCount = () => core.requireProject().db.prepare('SELECT count(*) FROM quotes').pluck().get() as number;

  beforeAll(async () => {
    p = await huiProject(api, path('hui.focal'));
    await api['participant-update']({ id: p.ropuId, kaitiakiId: p.koroId });
    kmFrameId = (await api['frame-create']({ name: 'Kaupapa Māori', kind: 'kaupapa-maori' })).id;
    // Koro Hemi, with his key, opens the hui to the mainstream frame the codes below are in.
    as('Koro Hemi');
    await openTikangaTo(api, (await api['frames-list']({}))[0]!.id);
    as('Aroha Ngata');
  });

  it('finds sentences around the matched words, merging ones in the same sentence', () => {
    const text = 'Kia ora. He said “whānau first.” Then whanau again! And the end';
    const at = (w: string, from = 0) => {
      const s = text.indexOf(w, from);
      return { start: s + 100, end: s + 100 + w.length };
    };
    expect(sentencesAround(text, 100, [at('whānau')]).map((r) => text.slice(r.start - 100, r.end - 100))).toEqual(['He said “whānau first.”']);
    expect(sentencesAround(text, 100, [at('whānau'), at('first')]).length).toBe(1);
    expect(sentencesAround(text, 100, [at('whanau'), at('end')]).map((r) => text.slice(r.start - 100, r.end - 100))).toEqual(['Then whanau again!', 'And the end']);
  });

  it('adds a quote per search hit (the sentence, or the whole turn), searched without macrons, and skips them the second time', async () => {
    const found = await api['search-run']({ query: 'whanau', limit: 500 });
    const speech = found.hits.filter((h) => h.blockKind === 'turn');
    expect(speech.length).toBeGreaterThan(2);
    const before = quoteCount();
    const r = await api['quotes-from-search']({ query: 'whanau' });
    expect(r.added).toBeGreaterThanOrEqual(speech.length);
    expect(r.skipped).toBe(0);
    expect(r.refused).toBe(0);
    expect(quoteCount()).toBe(before + r.added);
    // Counts and ids only: no transcript text comes back.
    expect(JSON.stringify(r)).not.toMatch(/wh[aā]nau/i);

    const quotes = await api['quotes-list']({ quoteIds: r.quoteIds });
    for (const q of quotes) {
      expect(fold(q.raw)).toContain('whanau');
      const turn = p.hui.blocks.concat(p.fg.blocks).find((b) => b.kind === 'turn' && b.start <= q.start && q.end <= b.end);
      expect(turn).toBeDefined();
      // A sentence: it ends at a sentence mark or at the end of its turn.
      expect(/[.!?…”’"')]$/.test(q.raw) || q.end === turn!.end).toBe(true);
    }
    expect(quotes.some((q) => q.raw === 'Maaori mental health is whanau health.')).toBe(true);

    const again = await api['quotes-from-search']({ query: 'whanau' });
    expect(again).toMatchObject({ added: 0, skipped: r.added, refused: 0 });
    expect(quoteCount()).toBe(before + r.added);

    const turns = await api['quotes-from-search']({ query: 'whanau', scope: 'turn' });
    expect(turns.added).toBe(speech.length);
    for (const q of await api['quotes-list']({ quoteIds: turns.quoteIds })) {
      const hit = speech.find((h) => h.sourceId === q.sourceId && h.blockStart === q.start)!;
      expect(q.end).toBe(hit.blockEnd);
    }
  });

  it('adds a quote per coding-query segment under the code that covers it, and skips those already in the bank', async () => {
    const connection = await api['code-create']({ frameId: p.frameId, name: 'Connection' });
    // Turns without "whānau", so the search quotes above do not hold them already.
    const aroha = p.turnOf('Aroha Ngata', 1);
    const koro = p.turnOf('Koro Hemi');
    await api['coding-apply']({ codeId: p.codeId, sourceId: p.hui.id, start: aroha.start, end: aroha.end });
    await api['coding-apply']({ codeId: p.codeId, sourceId: p.hui.id, start: koro.start, end: koro.end });
    await api['coding-apply']({ codeId: connection.id, sourceId: p.hui.id, start: aroha.start, end: aroha.start + 60 });
    // One of the segments already has a quote, made from its coding.
    const coding = (await api['codings-list']({ sourceId: p.hui.id, frameId: p.frameId })).find((c) => c.codeId === p.codeId && c.start === koro.start)!;
    await api['quotes-from-segments']({ codingIds: [coding.id] });

    const q = { any: [p.codeId] };
    const answer = await api['coding-query'](q);
    expect(answer.total).toBe(2);
    const r = await api['quotes-from-query'](q);
    expect(r).toMatchObject({ added: 1, skipped: 1, refused: 0 });
    const [quote] = await api['quotes-list']({ quoteIds: r.quoteIds });
    expect(quote).toMatchObject({ sourceId: p.hui.id, start: aroha.start, end: aroha.end, codeId: p.codeId });
    // Its range is exactly one coding of the queried code, so the quote keeps that link.
    expect(quote!.codingId).not.toBeNull();

    const and = await api['quotes-from-query']({ all: [p.codeId, connection.id] });
    expect(and.added).toBe(1);
    const [overlap] = await api['quotes-list']({ quoteIds: and.quoteIds });
    // The overlap is exactly the "Connection" coding: it files under that code, linked to the coding.
    expect(overlap).toMatchObject({ start: aroha.start, end: aroha.start + 60, codeId: connection.id });
    expect(overlap!.codingId).not.toBeNull();
    expect(await api['quotes-from-query']({ all: [p.codeId, connection.id] })).toMatchObject({ added: 0, skipped: 1 });
  });

  it('refuses ranges touching a restricted passage outside the kaupapa Māori frame, and adds them inside it', async () => {
    const tama = p.turnOf('Tama Rewiri');
    const at = p.hui.text.indexOf(name, tama.start);
    // Coded before the label (afterwards only a kaupapa Māori frame's code may code it).
    await api['coding-apply']({ codeId: p.codeId, sourceId: p.hui.id, start: tama.start, end: tama.end });
    const km = await api['code-create']({ frameId: kmFrameId, name: 'Whakapapa' });
    await api['coding-apply']({ codeId: km.id, sourceId: p.hui.id, start: tama.start, end: tama.end });
    as('Koro Hemi');
    await api['sensitivity-set']({ sourceId: p.hui.id, start: at, end: at + name.length, label: 'restricted' });
    // Aroha reads restricted passages in a kaupapa Māori frame because the kaitiaki lists her (signed), not because of the frame.
    await api['kaitiaki-readers-set']({ groupId: p.ropuId, readers: ['Aroha Ngata'] });
    as('Aroha Ngata');
    const before = quoteCount();

    const fromQuery = await api['quotes-from-query']({ any: [p.codeId] });
    expect(fromQuery).toMatchObject({ added: 0, refused: 1 });
    expect(fromQuery.refusedReason).toMatch(/restricted \(tapu\).*kaupapa Māori/);
    // "fella" is in the same sentence as the name; "maunga" in the next one.
    const fella = await api['quotes-from-search']({ query: 'fella', viewFrameId: p.frameId });
    expect(fella).toMatchObject({ added: 0, refused: 1 });
    expect(await api['quotes-from-search']({ query: 'fella', scope: 'turn', viewFrameId: p.frameId })).toMatchObject({ added: 0, refused: 1 });
    // With no frame given, the safe default applies.
    expect(await api['quotes-from-search']({ query: 'fella' })).toMatchObject({ added: 0, refused: 1 });
    const maunga = await api['quotes-from-search']({ query: 'maunga', viewFrameId: p.frameId });
    expect(maunga).toMatchObject({ added: 1, refused: 0 });
    expect(quoteCount()).toBe(before + 1);
    expect((await api['quotes-list']({ quoteIds: maunga.quoteIds }))[0]!.raw).not.toContain(name);

    // In the kaupapa Māori frame the passage may be quoted (the gate still decides what is exported).
    expect(await api['quotes-from-query']({ any: [km.id] })).toMatchObject({ added: 1, refused: 0 });
    expect(await api['quotes-from-search']({ query: 'fella', viewFrameId: kmFrameId })).toMatchObject({ added: 1, refused: 0 });
  });

  it('lists the passages and withdrawn participants’ turns the transcript marks as never exported', async () => {
    const aroha = p.turnOf('Aroha Ngata', 2);
    // The hui notes "[Kōrero withdrawn from the record at the request of the speaker.]" in a turn: the gate treats that turn as withdrawn, so it is marked from the start.
    const noted = p.hui.blocks.find((b) => b.kind === 'turn' && p.hui.text.slice(b.start, b.end).includes('[Kōrero withdrawn'))!;
    const noteMark = { start: noted.start, end: noted.end, kind: 'withdrawn', reason: 'noted in the transcript', who: null, withdrawnOn: null };
    expect(await api['transcript-export-marks']({ sourceId: p.hui.id })).toEqual([noteMark]);
    await api['passage-mark-add']({ sourceId: p.hui.id, start: aroha.start, end: aroha.start + 20, kind: 'withdrawn', reason: 'not for the report' });
    const mere = p.person('Mere Tawhiri');
    await api['participant-update']({ id: mere, consent: { withdrawnOn: '2024-03-05' } });
    const marks = await api['transcript-export-marks']({ sourceId: p.hui.id });
    const mereTurns = p.hui.blocks.filter((b) => b.kind === 'turn' && p.hui.speakers.find((s) => s.id === b.speakerId)?.participantId === mere);
    expect(mereTurns.length).toBeGreaterThan(0);
    expect(marks.filter((m) => m.kind === 'participant-withdrawn')).toEqual(mereTurns.map((t) => ({ start: t.start, end: t.end, kind: 'participant-withdrawn', reason: '', who: 'Mere Tawhiri', withdrawnOn: '2024-03-05' })));
    expect(marks.filter((m) => m.kind === 'withdrawn')).toEqual([{ start: aroha.start, end: aroha.start + 20, kind: 'withdrawn', reason: 'not for the report', who: null, withdrawnOn: null }, noteMark].sort((a, b) => a.start - b.start));
    // Priya Sharma withdrew in the register: her turns in the focus group are marked, nobody else's.
    const fgMarks = await api['transcript-export-marks']({ sourceId: p.fg.id });
    expect(fgMarks.length).toBeGreaterThan(0);
    expect(fgMarks.every((m) => m.kind === 'participant-withdrawn' && m.who === 'Priya Sharma')).toBe(true);
    await expect(api['transcript-export-marks']({ sourceId: 99_999 })).rejects.toThrow(/no transcript/);
  });
});
