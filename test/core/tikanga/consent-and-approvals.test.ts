import { beforeAll, describe, expect, it } from 'vitest';
import { testCore } from '../../support/core';
import { huiProject, type HuiProject } from './setup';
import { lockTestKey, unlockTestKey } from '../../support/kaitiaki-sign';
import { fold } from '../../../shared/text/fold';

describe('groups, collective consent and kaitiaki approvals', () => {
  const { api, core, path } = testCore();
  let p: HuiProject;
  // Koro Hemi at the keyboard has his kaitiaki key unlocked; anyone else (whatever name they type) does not.
  const as = (userName: string) => {
    core.state.setPrefs({ userName });
    const kaitiaki = fold(userName).trim() === 'koro hemi' && !!core.requireProject().db.prepare('SELECT kaitiaki_id FROM participants WHERE id = ?').pluck().get(p.ropuId);
    if (kaitiaki) unlockTestKey(core, p.ropuId);
    else if (core.requireProject().db.prepare('SELECT 1 FROM kaitiaki_statements WHERE group_id = ?').get(p.ropuId)) lockTestKey(core, p.ropuId);
  };
  const db = () => core.requireProject().db;
  /** Quotes have no UI on this branch: rows go in directly, as the quote bank will write them. */
  const quote = (sourceId: number, start: number, end: number) =>
    Number(db().prepare("INSERT INTO quotes (source_id, start, end, created_by, created_at) VALUES (?, ?, ?, 'Test Coder', '2026-01-01T00:00:00Z')").run(sourceId, start, end).lastInsertRowid);

  beforeAll(async () => {
    p = await huiProject(api, path('hui.focal'));
    await api['participant-update']({ id: p.ropuId, kaitiakiId: p.koroId });
  });

  it("shows a group's kaitiaki, members, and a default attribution until the group chooses one", async () => {
    const g = await api['group-tikanga-get']({ groupId: p.ropuId });
    expect(g.kaitiaki).toEqual({ id: p.koroId, name: 'Koro Hemi' });
    expect(g.members.map((m) => m.name)).toEqual(['Aroha Ngata', 'Koro Hemi', 'Mere Tawhiri', 'Tama Rewiri']);
    // Until the group decides, there is no attribution: the example is a hint only.
    expect(g).toMatchObject({ attribution: null, attributionExample: 'Te Whare Oranga rōpū, group interview', attributionIsDefault: true, sourceIds: [p.hui.id] });
    await api['participant-update']({ id: p.ropuId, attribution: 'Rōpū A, group interview' });
    const chosen = await api['group-tikanga-get']({ groupId: p.ropuId });
    expect(chosen).toMatchObject({ attribution: 'Rōpū A, group interview', attributionIsDefault: false });
  });

  it('sets members’ roles in the group and refuses someone outside it', async () => {
    const g = await api['group-member-role']({ groupId: p.ropuId, memberId: p.koroId, role: 'kaumātua' });
    expect(g.members.find((m) => m.id === p.koroId)!.groupRole).toBe('kaumātua');
    await expect(api['group-member-role']({ groupId: p.ropuId, memberId: p.person('Sam Lee'), role: 'analyst' })).rejects.toMatchObject({ code: 'not-found', message: expect.stringMatching(/not a member of 'Te Whare Oranga rōpū'/) });
  });

  it('records, edits, revokes and removes collective consent, audited', async () => {
    // The kaitiaki signs the group's consent records; a widening edit needs the key too, a revocation does not.
    await expect(api['collective-consent-record']({ groupId: p.ropuId, givenById: p.koroId, givenOn: '2010-06-14', forQuotes: true })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/^Only Koro Hemi/) });
    as('Koro Hemi');
    await expect(api['collective-consent-record']({ groupId: p.ropuId, givenOn: '2010-06-14' })).rejects.toMatchObject({ message: expect.stringMatching(/who gave consent/) });
    await expect(api['collective-consent-record']({ groupId: p.koroId, givenOn: '2010-06-14', givenByLabel: 'x' })).rejects.toMatchObject({ message: /is a person, not a group/ });
    const c = await api['collective-consent-record']({ groupId: p.ropuId, givenById: p.koroId, givenOn: '2010-06-14', forAnalysis: true, forQuotes: true, forReturn: true, conditions: 'Kōrero returned to the rōpū before any report' });
    expect(c).toMatchObject({ givenByName: 'Koro Hemi', forAnalysis: true, forQuotes: true, forGroupAttribution: false, forReturn: true, revokedOn: null });
    const edited = await api['collective-consent-update']({ id: c.id, forGroupAttribution: true });
    expect(edited).toMatchObject({ forGroupAttribution: true, forQuotes: true, conditions: 'Kōrero returned to the rōpū before any report' });
    as('Test Coder');
    await expect(api['collective-consent-update']({ id: c.id, forGroupAttribution: false, forAnalysis: true, conditions: 'none' })).rejects.toMatchObject({ code: 'forbidden' });
    const revoked = await api['collective-consent-update']({ id: c.id, revokedOn: '2011-02-01' });
    expect(revoked.revokedOn).toBe('2011-02-01');
    as('Koro Hemi');
    const mistake = await api['collective-consent-record']({ groupId: p.ropuId, givenByLabel: 'Whaea Ani (kuia)', givenOn: '2010-06-15', forAnalysis: true });
    expect(mistake.givenByName).toBe('Whaea Ani (kuia)');
    as('Test Coder');
    await api['collective-consent-delete']({ id: mistake.id });
    expect((await api['group-tikanga-get']({ groupId: p.ropuId })).consents.map((x) => x.id)).toEqual([c.id]);
    const actions = db().prepare("SELECT action FROM audit_log WHERE action LIKE 'collective-consent%' ORDER BY id").pluck().all();
    expect(actions).toEqual(['collective-consent-recorded', 'collective-consent-changed', 'collective-consent-revoked', 'collective-consent-recorded', 'collective-consent-removed']);
  });

  it('records approvals and refusals per quote, and revokes them; only the kaitiaki decides', async () => {
    const aroha = p.turnOf('Aroha Ngata');
    const koro = p.turnOf('Koro Hemi', 1);
    const q1 = quote(p.hui.id, aroha.start, aroha.end);
    const q2 = quote(p.hui.id, koro.start, koro.end);
    const q3 = quote(p.hui.id, p.turnOf('Tama Rewiri').start, p.turnOf('Tama Rewiri').end);
    const qFg = quote(p.fg.id, p.fg.blocks.find((b) => b.kind === 'turn')!.start, p.fg.blocks.find((b) => b.kind === 'turn')!.end);

    as('Waiata Henare');
    await expect(api['approval-record']({ scope: 'quote', quoteId: q1, decision: 'approved' })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/^Only Koro Hemi/) });
    as('Koro Hemi');
    await expect(api['approval-record']({ scope: 'quote', quoteId: qFg, decision: 'approved' })).rejects.toMatchObject({ message: expect.stringMatching(/mainstream session/) });
    await expect(api['approval-record']({ scope: 'quote', decision: 'approved' })).rejects.toMatchObject({ code: 'bad-input' });
    const a1 = await api['approval-record']({ scope: 'quote', quoteId: q1, decision: 'approved', output: 'Report to the funder', conditions: 'Attributed to the rōpū' });
    const a2 = await api['approval-record']({ scope: 'quote', quoteId: q2, decision: 'approved', output: 'Report to the funder' });
    const r3 = await api['approval-record']({ scope: 'quote', quoteId: q3, decision: 'refused', output: 'Report to the funder', conditions: 'Names a whanaunga who has passed' });
    expect(a1).toMatchObject({ scope: 'quote', quoteId: q1, groupId: p.ropuId, kaitiakiId: p.koroId, kaitiakiName: 'Koro Hemi', decision: 'approved', output: 'Report to the funder', conditions: 'Attributed to the rōpū', revokedAt: null });
    expect(r3.decision).toBe('refused');
    const exp = await api['approval-record']({ scope: 'export', groupId: p.ropuId, exportLabel: 'Hui summary for the rōpū', decision: 'approved', output: 'return to the group' });
    expect(exp).toMatchObject({ scope: 'export', exportLabel: 'Hui summary for the rōpū', quoteId: null });

    const revoked = await api['approval-revoke']({ id: a2.id });
    expect(revoked.revokedAt).toMatch(/^\d{4}-/);
    await expect(api['approval-revoke']({ id: a2.id })).rejects.toMatchObject({ code: 'conflict' });
    as('Test Coder');
    await expect(api['approval-revoke']({ id: a1.id })).rejects.toMatchObject({ code: 'forbidden' });

    // What the export gate will read: quotes with a standing approval by the group's kaitiaki.
    const standing = (await api['approvals-list']({ groupId: p.ropuId, scope: 'quote' })).filter((a) => a.decision === 'approved' && a.revokedAt === null).map((a) => a.quoteId);
    expect(standing).toEqual([q1]);
    expect((await api['approvals-list']({ quoteId: q3 })).map((a) => a.decision)).toEqual(['refused']);
    expect(await api['approvals-list']({ sourceId: p.hui.id, scope: 'quote' })).toHaveLength(3);
    const rows = db().prepare("SELECT actor, action, detail FROM audit_log WHERE action LIKE 'kaitiaki-%' ORDER BY id").all() as { actor: string; action: string; detail: string }[];
    expect(rows.map((r) => r.action)).toEqual(['kaitiaki-approved', 'kaitiaki-approved', 'kaitiaki-refused', 'kaitiaki-approved', 'kaitiaki-revoked']);
    expect(JSON.parse(rows[0]!.detail)).toMatchObject({ quoteId: q1, sourceId: p.hui.id, start: aroha.start, end: aroha.end, kaitiaki: 'Koro Hemi' });
  });

  it('keeps a kaitiaki who made decisions from being removed', async () => {
    await expect(api['participant-delete']({ id: p.koroId })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('lets only the kaitiaki hand the role on, with the key, once the group has one', async () => {
    const aroha = p.person('Aroha Ngata');
    for (const name of ['Aroha Ngata', 'Koro Hemi']) {
      as(name);
      // Renaming the kaitiaki in the register is not a handover, whoever asks.
      await expect(api['participant-update']({ id: p.ropuId, kaitiakiId: aroha })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/has a kaitiaki key .* hands the role on with that key/) });
      await expect(api['participant-update']({ id: p.ropuId, kaitiakiId: null })).rejects.toMatchObject({ code: 'forbidden' });
    }
    // Other changes to the group are not the kaitiaki's to make.
    as('Aroha Ngata');
    await api['participant-update']({ id: p.ropuId, notes: 'Hui held at Te Rangimarie Marae' });
    await expect(api['kaitiaki-handover']({ groupId: p.ropuId, newKaitiakiId: aroha, passphrase: 'he kaitiaki hou', keyFile: path('aroha.focalkey') })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/^Only Koro Hemi/) });
    as('Koro Hemi');
    const handed = await api['kaitiaki-handover']({ groupId: p.ropuId, newKaitiakiId: aroha, passphrase: 'he kaitiaki hou', keyFile: path('aroha.focalkey') });
    expect(handed).toMatchObject({ kaitiaki: { id: aroha, name: 'Aroha Ngata' }, unlocked: true });
    expect((await api['participant-get']({ id: p.ropuId })).kaitiakiId).toBe(aroha);
  });
});