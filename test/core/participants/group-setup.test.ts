/** Setting up a rōpū from a tikanga-based source in one step; adding and removing members on the group's page. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testCore } from '../../support/core';
import { unlockTestKey, lockTestKey } from '../../support/kaitiaki-sign';

const fixture = (f: string) => ({ name: f, path: join(process.cwd(), 'test/fixtures', f) });
const register = readFileSync(join(process.cwd(), 'test/fixtures/participants.csv'), 'utf8');

describe('group setup from a source', () => {
  const { api, core, path } = testCore();
  let huiId = 0;
  const db = () => core.requireProject().db;
  const person = async (name: string) => (await api['participants-list']({})).find((p) => p.name === name)!.id;

  beforeAll(async () => {
    await api['project-new']({ name: 'Rōpū', path: path('ropu.focal') });
    await api['participants-import-csv']({ fileName: 'participants.csv', csv: register });
    const res = await api['import-files']({ files: [fixture('hui-tupu-group-interview.txt')] });
    huiId = res[0]!.sourceId!;
    // The speaker review: every label with a suggestion, with the suggested role.
    for (const r of await api['speakers-review']({ sourceId: huiId })) {
      if (r.suggestion.participantId) await api['speakers-map']({ speakerIds: [r.speakerId], participantId: r.suggestion.participantId, role: r.suggestion.role });
    }
  });

  it('previews the mapped speakers with their roles from the speaker review', async () => {
    const preview = await api['group-setup-preview']({ sourceId: huiId });
    expect(preview).toMatchObject({ sourceId: huiId, mode: 'tikanga', groupId: null, unmappedLabels: [] });
    const roles = Object.fromEntries(preview.speakers.map((s) => [s.name, s.role]));
    expect(roles).toMatchObject({ 'Waiata Henare': 'facilitator', 'Koro Hemi': 'kaumātua', 'Aroha Ngata': 'participant' });
  });

  it('creates the group, sets it as the source’s group and adds every mapped speaker with their role, in one audited step', async () => {
    const before = db().prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    const r = await api['group-setup-from-source']({ sourceId: huiId, newGroupName: 'Rōpū Tupu' });
    expect(r).toMatchObject({ groupName: 'Rōpū Tupu', created: true, unmappedLabels: [] });
    expect(r.added.map((m) => m.name).sort()).toEqual(['Aroha Ngata', 'Koro Hemi', 'Mere Tawhiri', 'Tama Rewiri', 'Waiata Henare']);
    expect((await api['source-get']({ sourceId: huiId })).groupId).toBe(r.groupId);
    const g = await api['group-tikanga-get']({ groupId: r.groupId });
    expect(g.members.find((m) => m.name === 'Waiata Henare')!.groupRole).toBe('facilitator');
    expect(g.members.find((m) => m.name === 'Koro Hemi')!.groupRole).toBe('kaumātua');
    expect(g.mode).toBe('tikanga');
    expect(g.sessionsMode).toBe('tikanga');
    const detail = await api['participant-get']({ id: r.groupId });
    expect(detail.sessionsMode).toBe('tikanga');
    const audit = db().prepare('SELECT action FROM audit_log WHERE id > ? ORDER BY id').pluck().all(before) as string[];
    expect(audit.filter((a) => a === 'group-set-up')).toHaveLength(1);
  });

  it('uses an existing group, keeps roles already set, and adds only who is missing', async () => {
    const ropu = await person('Te Whare Oranga rōpū');
    const koro = await person('Koro Hemi');
    await api['group-member-role']({ groupId: ropu, memberId: koro, role: 'kaitiaki' });
    // The source is now in Rōpū Tupu (no kaitiaki named): moving it needs nobody's key.
    const r = await api['group-setup-from-source']({ sourceId: huiId, groupId: ropu });
    expect(r.created).toBe(false);
    expect(r.added.map((m) => m.name)).toEqual(['Waiata Henare']);
    expect(r.alreadyMembers.map((m) => m.name).sort()).toEqual(['Aroha Ngata', 'Koro Hemi', 'Mere Tawhiri', 'Tama Rewiri']);
    const g = await api['group-tikanga-get']({ groupId: ropu });
    expect(g.members.find((m) => m.id === koro)!.groupRole).toBe('kaitiaki');
  });

  it('refuses a person as the group, an unknown source, and a name taken by another group, changing nothing', async () => {
    await expect(api['group-setup-from-source']({ sourceId: huiId, groupId: await person('Koro Hemi') })).rejects.toMatchObject({ code: 'bad-input' });
    await expect(api['group-setup-from-source']({ sourceId: 999, newGroupName: 'X' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(api['group-setup-from-source']({ sourceId: huiId, newGroupName: 'Rōpū Tupu' })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('adds and removes members directly, audited', async () => {
    const tupu = await person('Rōpū Tupu');
    const sam = await person('Sam Lee');
    const added = await api['group-members-add']({ groupId: tupu, memberIds: [sam], role: 'analyst' });
    expect(added.members.find((m) => m.id === sam)!.groupRole).toBe('analyst');
    const removed = await api['group-member-remove']({ groupId: tupu, memberId: sam });
    expect(removed.members.some((m) => m.id === sam)).toBe(false);
    await expect(api['group-member-remove']({ groupId: tupu, memberId: sam })).rejects.toMatchObject({ code: 'not-found' });
    await expect(api['group-members-add']({ groupId: tupu, memberIds: [tupu] })).rejects.toMatchObject({ code: 'bad-input' });
    const actions = db().prepare("SELECT action FROM audit_log WHERE action LIKE 'group-member%' ORDER BY id").pluck().all() as string[];
    expect(actions).toEqual(['group-members-added', 'group-member-removed']);
  });

  it('moving the source out of a group whose kaitiaki holds a key needs that key', async () => {
    const ropu = await person('Te Whare Oranga rōpū');
    const koro = await person('Koro Hemi');
    await api['participant-update']({ id: ropu, kaitiakiId: koro });
    unlockTestKey(core, ropu);
    lockTestKey(core, ropu);
    await expect(api['group-setup-from-source']({ sourceId: huiId, newGroupName: 'Another rōpū' })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/Koro Hemi/) });
    expect((await api['participants-list']({})).some((p) => p.name === 'Another rōpū')).toBe(false);
    expect((await api['source-get']({ sourceId: huiId })).groupId).toBe(ropu);
  });

  it('links the labels whose suggestion is an existing person and adds them too, when asked (straight after import)', async () => {
    const res = await api['import-files']({ files: [{ name: 'hui-2.txt', path: join(process.cwd(), 'test/fixtures/hui-tupu-group-interview.txt') }], onDuplicate: 'import' });
    const sid = res[0]!.sourceId!;
    const preview = await api['group-setup-preview']({ sourceId: sid });
    expect(preview.speakers.every((s) => s.suggested)).toBe(true);
    expect(preview.speakers.map((s) => s.name).sort()).toEqual(['Aroha Ngata', 'Koro Hemi', 'Mere Tawhiri', 'Tama Rewiri', 'Waiata Henare']);
    const r = await api['group-setup-from-source']({ sourceId: sid, newGroupName: 'Rōpū Hui Rua', linkSuggested: true });
    expect(r.added).toHaveLength(5);
    expect(r.unmappedLabels).toEqual([]);
    expect((await api['speakers-review']({ sourceId: sid })).every((x) => x.participantId !== null)).toBe(true);
    // Moved back where it was not, so the next test sees only its own sessions.
    await api['source-update']({ sourceId: sid, mode: 'mainstream' });
  });

  it('removing a member cannot take a session out of its kaitiaki’s protection (a source whose group is read from its speakers)', async () => {
    const ropu = await person('Te Whare Oranga rōpū');
    const tupu = await person('Rōpū Tupu');
    // A second tikanga session with no group set: the rōpū governs it through its speakers.
    const second = await api['import-files']({ files: [fixture('formats/mode-header.txt')] });
    const sid = second[0]!.sourceId!;
    const src = await api['source-get']({ sourceId: sid });
    expect(src.mode).toBe('tikanga');
    expect(src.groupId).toBeNull();
    const members = (await api['group-tikanga-get']({ groupId: ropu })).members;
    for (const [i, sp] of src.speakers.entries()) await api['speakers-map']({ speakerIds: [sp.id], participantId: members[i % members.length]!.id });
    const someone = src.speakers.length ? members[0]!.id : 0;
    // Adding the speakers to a group with no kaitiaki, or removing them from the rōpū, would hand the session to nobody.
    await expect(api['group-member-remove']({ groupId: ropu, memberId: someone })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/Koro Hemi/) });
    // The same through the person's own page (their groups) or by deleting the group's member.
    const koroIndex = src.speakers.length > 1 ? members[1]!.id : 0;
    await expect(api['participant-update']({ id: koroIndex, groupIds: [tupu] })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await api['group-tikanga-get']({ groupId: ropu })).members.some((m) => m.id === koroIndex)).toBe(true);
  });
});
