/**
 * Apart by default: a tikanga-based session is open only to kaupapa Māori frames until its
 * kaitiaki, with the unlocked key, opens it to another frame (a signed statement). Narrowing needs
 * nothing; the frame_sources row alone is not believed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { lockTestKey, unlockTestKey } from '../../support/kaitiaki-sign';
import { testCore } from '../../support/core';
import { huiProject, type HuiProject } from '../tikanga/setup';

describe('a tikanga-based session is kept apart from mainstream frames by default', () => {
  const { api, core, path } = testCore();
  let p: HuiProject;
  let kmFrameId: number;
  let kmCodeId: number;
  const db = () => core.requireProject().db;
  const koro = () => p.turnOf('Koro Hemi', 1);

  beforeAll(async () => {
    p = await huiProject(api, path('apart.focal'));
    const { frame } = await api['frame-from-template']({ template: 'te-whare-tapa-wha' });
    kmFrameId = frame.id;
    kmCodeId = (await api['codes-list']({ frameId: frame.id }))[0]!.id;
  });

  it('refuses a mainstream code on the hui, saying why, who can open it and where', async () => {
    const frames = await api['source-frames-get']({ sourceId: p.hui.id });
    expect(frames).toMatchObject({ mode: 'tikanga', allFrames: false, kaupapaOnly: true, openedBy: [] });
    expect(frames.frames.map((f) => [f.kind, f.applies])).toEqual([['mainstream', false], ['kaupapa-maori', true]]);
    // No kaitiaki named yet: the message says what to do first.
    await expect(api['coding-apply']({ codeId: p.codeId, sourceId: p.hui.id, start: koro().start, end: koro().end })).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/^"Group interview, Kaupapa Māori peer service \(day 2\)" is a tikanga-based session, open only to kaupapa Māori frames, so "Codes" \(a mainstream frame\) does not code it\. .*no kaitiaki is named for it yet, so the project can open it/),
    });
    await api['participant-update']({ id: p.ropuId, kaitiakiId: p.koroId });
    unlockTestKey(core, p.ropuId); // registers Koro Hemi's key
    lockTestKey(core, p.ropuId);
    const err = await api['coding-apply']({ codeId: p.codeId, sourceId: p.hui.id, start: koro().start, end: koro().end }).catch((e: Error) => e);
    expect(err).toMatchObject({ code: 'forbidden' });
    expect((err as Error).message).toMatch(/open only to kaupapa Māori frames/);
    expect((err as Error).message).toMatch(/only Koro Hemi, kaitiaki of 'Te Whare Oranga rōpū', can open it to another frame, with their kaitiaki key \(Tikanga → Frames for this session/);
    // The same refusal for blocks and bulk coding.
    await expect(api['coding-apply-blocks']({ codeId: p.codeId, blockIds: [koro().id] })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/open only to kaupapa Māori frames/) });
    // A kaupapa Māori frame codes it.
    await api['coding-apply']({ codeId: kmCodeId, sourceId: p.hui.id, start: koro().start, end: koro().end });
    expect((await api['source-frames-get']({ sourceId: p.hui.id })).openedBy).toEqual(["Koro Hemi, kaitiaki of 'Te Whare Oranga rōpū'"]);
  });

  it('narrowing needs nothing; opening to a mainstream frame needs the kaitiaki key, with or without his name typed', async () => {
    expect((await api['source-frames-set']({ sourceId: p.hui.id, frameIds: [kmFrameId] })).frames.map((f) => f.applies)).toEqual([false, true]);
    expect((await api['source-frames-set']({ sourceId: p.hui.id, frameIds: [] })).kaupapaOnly).toBe(true);
    core.state.setPrefs({ userName: 'Koro Hemi' }); // typed name, no key
    await expect(api['source-frames-set']({ sourceId: p.hui.id, frameIds: [kmFrameId, p.frameId] })).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/open only to kaupapa Māori frames: Only Koro Hemi, kaitiaki of 'Te Whare Oranga rōpū', can do this\. It needs the kaitiaki key/),
    });
    expect(db().prepare('SELECT count(*) FROM frame_sources WHERE source_id = ?').pluck().get(p.hui.id)).toBe(0);
    unlockTestKey(core, p.ropuId);
    const opened = await api['source-frames-set']({ sourceId: p.hui.id, frameIds: [kmFrameId, p.frameId] });
    expect(opened).toMatchObject({ kaupapaOnly: false });
    expect(opened.frames.map((f) => f.applies)).toEqual([true, true]);
    const st = db().prepare("SELECT body FROM kaitiaki_statements WHERE kind = 'frame-open'").pluck().all() as string[];
    expect(st).toHaveLength(1);
    expect(JSON.parse(st[0]!)).toMatchObject({ by: 'Koro Hemi', subject: { source: { id: p.hui.id }, frame: { id: p.frameId, name: 'Codes', kind: 'mainstream' }, decision: 'opened' } });
    lockTestKey(core, p.ropuId);
    core.state.setPrefs({ userName: 'Test Coder' });
    await api['coding-apply']({ codeId: p.codeId, sourceId: p.hui.id, start: koro().start, end: koro().end });
    // Narrowing back and re-choosing a frame the kaitiaki opened needs nothing new.
    await api['source-frames-set']({ sourceId: p.hui.id, frameIds: [kmFrameId] });
    await api['source-frames-set']({ sourceId: p.hui.id, frameIds: [kmFrameId, p.frameId] });
    expect(db().prepare("SELECT count(*) FROM kaitiaki_statements WHERE kind = 'frame-open'").pluck().get()).toBe(1);
  });

  it('does not believe a frame_sources row without a verified statement (a second mainstream frame, a broken signature)', async () => {
    const other = await api['frame-create']({ name: 'Second mainstream', kind: 'mainstream' });
    db().prepare('INSERT INTO frame_sources (frame_id, source_id) VALUES (?, ?)').run(other.id, p.hui.id);
    const code = await api['code-create']({ frameId: other.id, name: 'Slipped in' });
    await expect(api['coding-apply']({ codeId: code.id, sourceId: p.hui.id, start: koro().start, end: koro().end })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/open only to kaupapa Māori frames/) });
    expect((await api['source-frames-get']({ sourceId: p.hui.id })).frames.find((f) => f.id === other.id)!.applies).toBe(false);
    // Tamper with the signed opening of "Codes": it no longer counts.
    const row = db().prepare("SELECT id, body FROM kaitiaki_statements WHERE kind = 'frame-open'").get() as { id: number; body: string };
    db().prepare('UPDATE kaitiaki_statements SET body = ? WHERE id = ?').run(row.body.replace('"opened"', '"opened "'), row.id);
    await expect(api['coding-apply']({ codeId: p.codeId, sourceId: p.hui.id, start: koro().start, end: koro().end })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/open only to kaupapa Māori frames/) });
    db().prepare('UPDATE kaitiaki_statements SET body = ? WHERE id = ?').run(row.body, row.id);
  });

  it('leaves a mainstream session open to every frame; a session made tikanga-based under a kaitiaki is kept apart again', async () => {
    expect(await api['source-frames-get']({ sourceId: p.fg.id })).toMatchObject({ mode: 'mainstream', allFrames: true, kaupapaOnly: false });
    const turn = p.fg.blocks.find((b) => b.kind === 'turn')!;
    await api['source-frames-set']({ sourceId: p.fg.id, frameIds: [p.frameId] });
    await api['source-update']({ sourceId: p.fg.id, groupId: p.ropuId });
    await api['source-update']({ sourceId: p.fg.id, mode: 'tikanga' });
    await expect(api['coding-apply']({ codeId: p.codeId, sourceId: p.fg.id, start: turn.start, end: turn.end })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/tikanga-based session, open only to kaupapa Māori frames/) });
  });
});

describe('a tikanga-based session no kaitiaki governs', () => {
  const { api, path } = testCore();
  it('is kept apart by default, and the project opens it on purpose (nobody to ask, as for its mode)', async () => {
    const p = await huiProject(api, path('nokaitiaki.focal'));
    const turn = p.turnOf('Koro Hemi', 1);
    await expect(api['coding-apply']({ codeId: p.codeId, sourceId: p.hui.id, start: turn.start, end: turn.end })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/open only to kaupapa Māori frames.*no kaitiaki is named for it yet/) });
    const set = await api['source-frames-set']({ sourceId: p.hui.id, frameIds: [p.frameId] });
    expect(set.kaupapaOnly).toBe(false);
    await api['coding-apply']({ codeId: p.codeId, sourceId: p.hui.id, start: turn.start, end: turn.end });
    // Kaupapa Māori frames made later still apply: choosing a mainstream frame does not close them.
    const { frame } = await api['frame-from-template']({ template: 'te-wheke' });
    expect((await api['source-frames-get']({ sourceId: p.hui.id })).frames.find((f) => f.id === frame.id)!.applies).toBe(true);
  });
});
