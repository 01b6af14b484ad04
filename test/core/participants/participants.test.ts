import { beforeAll, describe, expect, it } from 'vitest';
import { testCore } from '../../support/core';

describe('participants, groups and attributes', () => {
  const { api, core, path } = testCore();
  const audit = (action: string) =>
    (core.requireProject().db.prepare('SELECT detail FROM audit_log WHERE action = ? ORDER BY id').pluck().all(action) as string[]).map((d) => JSON.parse(d) as Record<string, unknown>);

  beforeAll(async () => {
    await api['project-new']({ name: 'People', path: path('people.focal') });
  });

  it('creates a person with NFC name, groups and attributes, audited and announced', async () => {
    const ropu = await api['participant-create']({ name: 'Rōpū A', kind: 'group', mode: 'tikanga' });
    const kinds: string[][] = [];
    const off = core.on('changed', (e) => kinds.push(e.kinds));
    const hemi = await api['participant-create']({ name: '  He\u0304mi   Walker ', role: 'kaumātua', pseudonym: '', groupIds: [ropu.id], attributes: { Iwi: 'Ngāti Porou' } });
    off();
    expect(hemi).toMatchObject({ kind: 'person', name: 'Hēmi Walker', role: 'kaumātua', pseudonym: null, groupIds: [ropu.id], attributes: { Iwi: 'Ngāti Porou' }, consent: null, speakers: [] });
    expect(hemi.name).toBe('Hēmi Walker'.normalize('NFC'));
    expect(kinds).toEqual([['participants']]);
    expect((await api['participant-get']({ id: ropu.id })).memberIds).toEqual([hemi.id]);
    expect(await api['attributes-list']({})).toEqual([{ id: expect.any(Number), name: 'Iwi', type: 'text', choices: [] }]);
    expect(audit('participant-created').at(-1)).toEqual({ id: hemi.id, name: 'Hēmi Walker', kind: 'person' });
  });

  it('lists people first, then groups, each by name', async () => {
    await api['participant-create']({ name: 'Ānaru Smith' });
    await api['participant-create']({ name: 'Zoe Brown' });
    const names = (await api['participants-list']({})).map((p) => p.name);
    expect(names).toEqual(['Ānaru Smith', 'Hēmi Walker', 'Zoe Brown', 'Rōpū A']);
  });

  it('refuses a second participant with the same name', async () => {
    await expect(api['participant-create']({ name: 'Zoe Brown' })).rejects.toMatchObject({ code: 'conflict', message: /already a person named 'Zoe Brown'/ });
  });

  it('changes only the fields given, and upserts consent', async () => {
    const zoe = (await api['participants-list']({})).find((p) => p.name === 'Zoe Brown')!;
    await api['participant-update']({ id: zoe.id, pseudonym: 'Kim', notes: 'met at the hui' });
    const a = await api['participant-update']({ id: zoe.id, consent: { quote: 'no', withdrawnOn: '2010-09-01' } });
    expect(a).toMatchObject({ name: 'Zoe Brown', pseudonym: 'Kim', notes: 'met at the hui', role: 'participant' });
    expect(a.consent).toEqual({ recording: 'unknown', quote: 'no', named: 'unknown', withdrawnOn: '2010-09-01', reviewSentOn: null, reviewReturnedOn: null, reviewApprovedOn: null, conditions: '' });
    const b = await api['participant-update']({ id: zoe.id, consent: { recording: 'yes', withdrawnOn: null } });
    expect(b.consent).toMatchObject({ recording: 'yes', quote: 'no', withdrawnOn: null });
    expect(b.pseudonym).toBe('Kim');
    expect(audit('consent-changed').at(-1)).toEqual({ id: zoe.id, name: 'Zoe Brown', consent: { recording: 'yes', withdrawnOn: null } });
    await expect(api['participant-update']({ id: zoe.id, consent: { reviewSentOn: '2010-02-30' } })).rejects.toMatchObject({ code: 'bad-input', message: /'2010-02-30' is not a date/ });
  });

  it('checks attribute values against their type, storing dates as ISO', async () => {
    const zoe = (await api['participants-list']({})).find((p) => p.name === 'Zoe Brown')!;
    await api['attribute-define']({ name: 'Age', type: 'number' });
    await api['attribute-define']({ name: 'Interviewed', type: 'date' });
    await api['attribute-define']({ name: 'Region', type: 'choice', choices: ['Auckland', 'Wellington'] });
    const ok = await api['participant-update']({ id: zoe.id, attributes: { age: '42', Interviewed: '15/06/2010', region: 'wellington' } });
    expect(ok.attributes).toMatchObject({ Age: '42', Interviewed: '2010-06-15', Region: 'Wellington' });

    const refuse = (attributes: Record<string, string | number>, message: RegExp) =>
      expect(api['participant-update']({ id: zoe.id, attributes })).rejects.toMatchObject({ code: 'bad-input', message });
    await refuse({ Age: 'forty' }, /^Attribute 'Age': 'forty' is not a number; give a number such as 42\.$/);
    await refuse({ Interviewed: '31/02/2010' }, /^Attribute 'Interviewed': '31\/02\/2010' is not a date/);
    await refuse({ Region: 'Nelson' }, /^Attribute 'Region': 'Nelson' is not one of the choices \(Auckland, Wellington\)/);
    expect((await api['participant-get']({ id: zoe.id })).attributes).toMatchObject({ Age: '42', Region: 'Wellington' });

    const removed = await api['participant-update']({ id: zoe.id, attributes: { Age: null } });
    expect(removed.attributes.Age).toBeUndefined();
    await expect(api['participant-update']({ id: zoe.id, attributes: { Role: 'x' } })).rejects.toMatchObject({ code: 'bad-input', message: /'Role' is already a participant field/ });
  });

  it('redefines an attribute only when the existing values fit, converting them', async () => {
    const anaru = (await api['participants-list']({})).find((p) => p.name === 'Ānaru Smith')!;
    await api['participant-update']({ id: anaru.id, attributes: { 'Started work': '01/03/2008', Team: 'north' } });
    const asDate = await api['attribute-define']({ name: 'started work', type: 'date' });
    expect(asDate).toMatchObject({ name: 'started work', type: 'date' });
    expect((await api['participant-get']({ id: anaru.id })).attributes['started work']).toBe('2008-03-01');
    await expect(api['attribute-define']({ name: 'Team', type: 'number' })).rejects.toMatchObject({
      code: 'conflict',
      message: "Attribute 'Team' cannot become number: Ānaru Smith's value 'north' is not a number; change or clear those values first.",
    });
    expect((await api['attributes-list']({})).find((a) => a.name === 'Team')?.type).toBe('text');
    expect(await api['attribute-define']({ name: 'Team', type: 'choice' })).toMatchObject({ type: 'choice', choices: ['north'] });
    await expect(api['attribute-define']({ name: 'Shoe size', type: 'choice' })).rejects.toMatchObject({ code: 'bad-input', message: /has no choices/ });
  });

  it('writes nothing when any part of a change is refused', async () => {
    const before = await api['participants-list']({});
    await expect(api['participant-create']({ name: 'Mere Tawhiri', attributes: { Age: 'old' } })).rejects.toMatchObject({ code: 'bad-input' });
    await expect(api['participant-create']({ name: 'Mere Tawhiri', groupIds: [before[0]!.id] })).rejects.toMatchObject({ code: 'bad-input' });
    expect(await api['participants-list']({})).toEqual(before);
  });

  it('replaces group memberships, allowing only groups and no group inside itself', async () => {
    const list = await api['participants-list']({});
    const ropu = list.find((p) => p.name === 'Rōpū A')!;
    const hemi = list.find((p) => p.name === 'Hēmi Walker')!;
    const zoe = list.find((p) => p.name === 'Zoe Brown')!;
    const whanau = await api['participant-create']({ name: 'Walker whānau', kind: 'group', groupIds: [ropu.id] });
    const moved = await api['participant-update']({ id: hemi.id, groupIds: [whanau.id] });
    expect(moved.groupIds).toEqual([whanau.id]);
    expect((await api['participant-get']({ id: ropu.id })).memberIds).toEqual([whanau.id]);

    await expect(api['participant-update']({ id: hemi.id, groupIds: [zoe.id] })).rejects.toMatchObject({ code: 'bad-input', message: "'Zoe Brown' is a person, not a group; only groups can have members." });
    await expect(api['participant-update']({ id: ropu.id, groupIds: [ropu.id] })).rejects.toMatchObject({ code: 'bad-input', message: /cannot be a member of itself/ });
    await expect(api['participant-update']({ id: ropu.id, groupIds: [whanau.id] })).rejects.toMatchObject({ code: 'bad-input', message: /'Walker whānau' is already inside 'Rōpū A'/ });
    await expect(api['participant-update']({ id: hemi.id, groupIds: [9999] })).rejects.toMatchObject({ code: 'not-found' });
    expect((await api['participant-get']({ id: hemi.id })).groupIds).toEqual([whanau.id]);
  });

  it('deletes a participant, unmapping their speaker labels', async () => {
    const db = core.requireProject().db;
    const zoe = (await api['participants-list']({})).find((p) => p.name === 'Zoe Brown')!;
    const src = db.prepare("INSERT INTO sources (title, mode, format, file_name, content_hash, text, word_count, imported_at) VALUES ('Hui', 'tikanga', 'txt', 'hui.txt', 'h', 'x', 1, 'now')").run().lastInsertRowid;
    db.prepare('INSERT INTO speakers (source_id, label, participant_id) VALUES (?, ?, ?)').run(src, 'ZOE', zoe.id);
    expect((await api['participant-get']({ id: zoe.id })).speakers).toEqual([{ speakerId: expect.any(Number), label: 'ZOE', sourceId: Number(src), sourceTitle: 'Hui' }]);
    expect(await api['participant-delete']({ id: zoe.id })).toBeNull();
    expect(db.prepare("SELECT participant_id FROM speakers WHERE label = 'ZOE'").pluck().get()).toBeNull();
    await expect(api['participant-get']({ id: zoe.id })).rejects.toMatchObject({ code: 'not-found', message: /no participant with id/ });
    await expect(api['participant-delete']({ id: zoe.id })).rejects.toMatchObject({ code: 'not-found' });
    expect(audit('participant-deleted').at(-1)).toMatchObject({ id: zoe.id, name: 'Zoe Brown', speakersUnmapped: 1 });
  });
});
