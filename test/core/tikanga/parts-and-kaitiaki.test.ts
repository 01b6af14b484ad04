import { beforeAll, describe, expect, it } from 'vitest';
import { testCore } from '../../support/core';
import { huiProject, type HuiProject } from './setup';
import { lockTestKey, unlockTestKey } from '../../support/kaitiaki-sign';
import { fold } from '../../../shared/text/fold';
import { openTikangaTo } from '../../support/open-frames';

describe('tikanga-based sessions: parts, kaitiaki, labels, masking', () => {
  const { api, core, path } = testCore();
  let p: HuiProject;
  // Koro Hemi at the keyboard has his kaitiaki key unlocked; anyone else (whatever name they type) does not.
  const as = (userName: string) => {
    core.state.setPrefs({ userName });
    const kaitiaki = fold(userName).trim() === 'koro hemi' && !!core.requireProject().db.prepare('SELECT kaitiaki_id FROM participants WHERE id = ?').pluck().get(p.ropuId);
    if (kaitiaki) unlockTestKey(core, p.ropuId);
    else if (core.requireProject().db.prepare('SELECT 1 FROM kaitiaki_statements WHERE group_id = ?').get(p.ropuId)) lockTestKey(core, p.ropuId);
  };
  const audit = () => core.requireProject().db.prepare('SELECT actor, action, detail FROM audit_log ORDER BY id').all() as { actor: string; action: string; detail: string }[];

  beforeAll(async () => {
    p = await huiProject(api, path('hui.focal'));
    // No kaitiaki is named yet: the project opens the hui to its mainstream frame on purpose.
    await openTikangaTo(api, (await api['frames-list']({}))[0]!.id);
  });

  it('logs the hui fixture’s unrecorded parts as parts, with who led them, and no range of text', async () => {
    const parts = await api['session-parts-list']({ sourceId: p.hui.id });
    expect(parts.map((x) => [x.kind, x.phase, x.recorded])).toEqual([
      ['whakatau', 'opening', false],
      ['mihimihi', 'opening', false],
      ['karakia', 'opening', false],
      ['karakia-whakamutunga', 'closing', false],
    ]);
    for (const part of parts) expect([part.start, part.end]).toEqual([null, null]);
    expect(parts.find((x) => x.kind === 'karakia')!.ledByLabel).toBe('Koro Hemi');
    expect(parts[0]!.note).toMatch(/^Whakatau and mihi held on day 1/);
  });

  it('adds, edits and removes an unrecorded part with its time and who led it', async () => {
    const added = await api['session-part-add']({ sourceId: p.hui.id, kind: 'poroporoaki', ledById: p.koroId, occurredAt: '2010-06-15 3pm' });
    expect(added).toMatchObject({ phase: 'closing', recorded: false, ledById: p.koroId, occurredAt: '2010-06-15 3pm', released: false });
    const edited = await api['session-part-update']({ id: added.id, ledById: null, ledByLabel: 'Whaea Mere', note: 'Closing speeches' });
    expect(edited).toMatchObject({ ledById: null, ledByLabel: 'Whaea Mere', note: 'Closing speeches', kind: 'poroporoaki' });
    await api['session-part-delete']({ id: added.id });
    expect((await api['session-parts-list']({ sourceId: p.hui.id })).some((x) => x.id === added.id)).toBe(false);
    expect(audit().map((a) => a.action)).toEqual(expect.arrayContaining(['session-part-added', 'session-part-changed', 'session-part-removed']));
  });

  it('refuses parts on a mainstream session, and a recorded part without a range', async () => {
    await expect(api['session-part-add']({ sourceId: p.fg.id, kind: 'karakia' })).rejects.toMatchObject({ code: 'bad-input', message: expect.stringMatching(/mainstream session.*tikanga-based/) });
    await expect(api['session-part-add']({ sourceId: p.hui.id, kind: 'mihimihi', recorded: true })).rejects.toMatchObject({ message: expect.stringMatching(/select the Mihimihi/) });
  });

  it('excludes a recorded opening part from coding, with a clear message, until the kaitiaki releases it', async () => {
    const first = p.turnOf('Waiata Henare');
    const part = await api['session-part-add']({ sourceId: p.hui.id, kind: 'mihimihi', recorded: true, start: first.start, end: first.end });
    expect(part).toMatchObject({ recorded: true, phase: 'opening', start: first.start, end: first.end, released: false });
    const code = { id: p.codeId };
    const inside = { codeId: code.id, sourceId: p.hui.id, start: first.start + 2, end: first.start + 10 };
    await expect(api['coding-apply'](inside)).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/part of the Mihimihi .* not coded.*kaitiaki can release/) });
    await expect(api['coding-apply-blocks']({ codeId: code.id, blockIds: [first.id] })).rejects.toMatchObject({ code: 'forbidden' });
    // The kōrero after it codes as usual.
    const next = p.turnOf('Aroha Ngata');
    await api['coding-apply']({ codeId: code.id, sourceId: p.hui.id, start: next.start, end: next.start + 8 });

    // Only the kaitiaki releases it: nobody named yet, then someone else, then Koro Hemi.
    await expect(api['approval-record']({ scope: 'part', partId: part.id, decision: 'approved' })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/No kaitiaki is named for 'Te Whare Oranga rōpū'/) });
    await api['participant-update']({ id: p.ropuId, kaitiakiId: p.koroId });
    await expect(api['approval-record']({ scope: 'part', partId: part.id, decision: 'approved' })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/Only Koro Hemi, kaitiaki of 'Te Whare Oranga rōpū', can do this/) });
    as('koro hemi');
    const release = await api['approval-record']({ scope: 'part', partId: part.id, decision: 'approved', output: 'analysis', conditions: 'not to be quoted' });
    expect(release).toMatchObject({ scope: 'part', partId: part.id, decision: 'approved', kaitiakiName: 'Koro Hemi', conditions: 'not to be quoted', revokedAt: null });
    expect((await api['session-parts-list']({ sourceId: p.hui.id })).find((x) => x.id === part.id)!.released).toBe(true);
    // Now that a kaitiaki is named, only their signed opening keeps the hui open to the mainstream frame.
    await openTikangaTo(api, (await api['frames-list']({}))[0]!.id);
    as('Test Coder');
    await api['coding-apply'](inside);
    await expect(api['session-part-delete']({ id: part.id })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/revoke the release/) });

    // Revoking puts the part back out of coding (existing codings stay for the analysts to review).
    as('Koro Hemi');
    const revoked = await api['approval-revoke']({ id: release.id });
    expect(revoked.revokedAt).not.toBeNull();
    expect((await api['session-parts-list']({ sourceId: p.hui.id })).find((x) => x.id === part.id)!.released).toBe(false);
    as('Test Coder');
    await expect(api['coding-apply']({ ...inside, start: inside.start + 1 })).rejects.toMatchObject({ code: 'forbidden' });
    await api['coding-remove'](inside);
    // A refusal is recorded too, names the part, and keeps the part out.
    as('Koro Hemi');
    const refusal = await api['approval-record']({ scope: 'part', partId: part.id, decision: 'refused', output: 'report' });
    expect(refusal).toMatchObject({ decision: 'refused', partId: part.id });
    expect((await api['approvals-list']({ partId: part.id })).map((a) => [a.decision, a.revokedAt !== null])).toEqual([
      ['approved', true],
      ['refused', false],
    ]);
    // Removing the part (it is still protected) is the kaitiaki's to do as well.
    as('Test Coder');
    await expect(api['session-part-delete']({ id: part.id })).rejects.toMatchObject({ code: 'forbidden' });
    as('Koro Hemi');
    await api['session-part-delete']({ id: part.id });
    as('Test Coder');
    // The decisions about a removed part stay on record.
    expect(await api['approvals-list']({ groupId: p.ropuId, scope: 'part' })).toHaveLength(2);
    const actions = audit().map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['kaitiaki-approved', 'kaitiaki-revoked', 'kaitiaki-refused']));
  });

  it('lets only the kaitiaki label a source or passage, and says who can', async () => {
    const mere = p.turnOf('Mere Tawhiri', 1);
    as('Aroha Ngata');
    const status = await api['kaitiaki-status']({ sourceId: p.hui.id });
    expect(status).toMatchObject({ actorIsKaitiaki: false, kaitiaki: { id: p.koroId, name: 'Koro Hemi' }, groupName: 'Te Whare Oranga rōpū' });
    await expect(api['sensitivity-set']({ sourceId: p.hui.id, start: mere.start, end: mere.end, label: 'restricted' })).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/^Only Koro Hemi, kaitiaki of 'Te Whare Oranga rōpū', can do this\. It needs the kaitiaki key \([0-9A-F-]{19}\) unlocked with Koro Hemi's passphrase/),
    });
    await expect(api['sensitivity-set']({ sourceId: p.fg.id, label: 'open' })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/has no group, so it has no kaitiaki/) });
    expect(await api['sensitivity-list']({ sourceId: p.hui.id })).toEqual([]);

    as('KORO HEMI');
    expect((await api['kaitiaki-status']({ sourceId: p.hui.id })).actorIsKaitiaki).toBe(true);
    const whole = await api['sensitivity-set']({ sourceId: p.hui.id, label: 'community' });
    const passage = await api['sensitivity-set']({ sourceId: p.hui.id, start: mere.start, end: mere.end, label: 'restricted' });
    expect(passage).toMatchObject({ label: 'restricted', setById: p.koroId, setByName: 'Koro Hemi', start: mere.start, end: mere.end });
    // Setting the same range again changes its label rather than stacking labels.
    await api['sensitivity-set']({ sourceId: p.hui.id, label: 'open' });
    const labels = await api['sensitivity-list']({ sourceId: p.hui.id });
    expect(labels.map((l) => [l.start, l.label])).toEqual([
      [null, 'open'],
      [mere.start, 'restricted'],
    ]);
    expect(labels.some((l) => l.id === whole.id)).toBe(false);
    as('Aroha Ngata');
    await expect(api['sensitivity-remove']({ id: passage.id })).rejects.toMatchObject({ code: 'forbidden' });
    const logged = audit().filter((a) => a.action === 'sensitivity-label-set');
    expect(logged).toHaveLength(3);
    expect(logged.every((a) => a.actor === 'KORO HEMI' && JSON.parse(a.detail).kaitiaki === 'Koro Hemi')).toBe(true);
  });

  it('hides a restricted passage from views outside the kaupapa Māori frame without moving any offset', async () => {
    as('Aroha Ngata');
    const mere = p.turnOf('Mere Tawhiri', 1);
    const words = p.hui.text.slice(mere.start, mere.end);
    const shown = await api['source-get']({ sourceId: p.hui.id });
    expect(shown.text).toHaveLength(p.hui.text.length);
    expect(shown.text).not.toContain(words);
    expect(shown.text.slice(mere.start, mere.end)).toMatch(/^•+$/);
    expect(shown.masked).toEqual([{ start: mere.start, end: mere.end, label: 'restricted' }]);
    // The annotation inside it ([Kōrero withdrawn …]) is masked too; text outside is untouched.
    expect(shown.annotations.filter((a) => a.start >= mere.start && a.end <= mere.end).every((a) => /^•+$/.test(a.text))).toBe(true);
    expect(shown.text.slice(0, mere.start)).toBe(p.hui.text.slice(0, mere.start));

    const mainstream = (await api['frames-list']({})).find((f) => f.kind === 'mainstream')!;
    expect((await api['source-get']({ sourceId: p.hui.id, frameId: mainstream.id })).text).not.toContain(words);
    const km = await api['frame-create']({ name: 'Kaupapa Māori', kind: 'kaupapa-maori' });
    // A kaupapa Māori frame alone opens nothing: the reader must be on the kaitiaki's signed list.
    expect((await api['source-get']({ sourceId: p.hui.id, frameId: km.id })).text).not.toContain(words);
    as('Koro Hemi');
    expect((await api['source-get']({ sourceId: p.hui.id })).text).toBe(p.hui.text);
    await api['kaitiaki-readers-set']({ groupId: p.ropuId, readers: ['Aroha Ngata'] });
    as('Aroha Ngata');
    const inFrame = await api['source-get']({ sourceId: p.hui.id, frameId: km.id });
    expect(inFrame.text).toBe(p.hui.text);
    expect(inFrame.masked).toEqual([]);
    expect((await api['source-get']({ sourceId: p.hui.id })).text).not.toContain(words);

    // Coding the passage is for the kaupapa Māori frame only.
    as('Aroha Ngata');
    const code = { id: p.codeId };
    await expect(api['coding-apply']({ codeId: code.id, sourceId: p.hui.id, start: mere.start, end: mere.end })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/restricted \(tapu\).*kaupapa Māori frame/) });
    const kmCode = await api['code-create']({ frameId: km.id, name: 'Kaitiakitanga' });
    await api['coding-apply']({ codeId: kmCode.id, sourceId: p.hui.id, start: mere.start, end: mere.end });
    as('Test Coder');
  });

  it('masks restricted words in retrieved segments coded before the label, outside the kaupapa Māori frame', async () => {
    const tama = p.turnOf('Tama Rewiri');
    const name = 'Jason Whitu';
    const at = p.hui.text.indexOf(name, tama.start);
    as('Aroha Ngata');
    await api['coding-apply']({ codeId: p.codeId, sourceId: p.hui.id, start: tama.start, end: tama.end });
    const km = (await api['frames-list']({})).find((f) => f.kind === 'kaupapa-maori')!;
    const kmCode = (await api['codes-list']({ frameId: km.id }))[0]!;
    await api['coding-apply']({ codeId: kmCode.id, sourceId: p.hui.id, start: tama.start, end: tama.end });
    as('Koro Hemi');
    await api['sensitivity-set']({ sourceId: p.hui.id, start: at, end: at + name.length, label: 'restricted' });
    as('Aroha Ngata');
    const [seg] = (await api['segments-list']({ codeId: p.codeId })).filter((x) => x.start === tama.start);
    expect(seg!.text).toHaveLength(tama.end - tama.start);
    expect(seg!.text).not.toContain(name);
    expect(seg!.text).toContain('I had a young fella last month, •••••••••••, came to us');
    const [own] = (await api['segments-list']({ codeId: kmCode.id })).filter((x) => x.start === tama.start);
    expect(own!.text).toContain(name);
    as('Test Coder');
  });
});