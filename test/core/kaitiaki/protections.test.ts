/**
 * Protections no one else can switch off: a tikanga-based source's mode and group, its
 * sensitivity labels, its recorded parts and who may read its restricted text change only with
 * the kaitiaki's key. Typing the kaitiaki's name as one's own changes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { testCore } from '../../support/core';
import { huiProject, type HuiProject } from '../tikanga/setup';
import { createKaitiakiKey } from './key-helper';

describe('protections of a tikanga-based source', () => {
  const { api, core, dir, path } = testCore();
  let p: HuiProject;
  let mine: number;
  const as = (userName: string) => core.state.setPrefs({ userName });
  const NAMES = ['Test Coder', 'Koro Hemi', 'koro hemi'];
  const refusal = { code: 'forbidden', message: expect.stringMatching(/Only Koro Hemi, kaitiaki of 'Te Whare Oranga rōpū'/) };
  const statements = () => core.requireProject().db.prepare('SELECT kind FROM kaitiaki_statements ORDER BY id').pluck().all() as string[];

  beforeAll(async () => {
    p = await huiProject(api, path('hui.focal'));
    // Someone's own group, with themselves as its kaitiaki: the move the protections must stop.
    mine = (await api['participant-create']({ kind: 'group', name: 'My own rōpū' })).id;
    await createKaitiakiKey(api, dir, p.ropuId, p.koroId);
    await api['kaitiaki-key-lock']({ groupId: p.ropuId });
  });

  it("refuses a change of mode to mainstream, with or without the kaitiaki's name typed", async () => {
    for (const name of NAMES) {
      as(name);
      await expect(api['source-update']({ sourceId: p.hui.id, mode: 'mainstream' })).rejects.toMatchObject(refusal);
    }
    expect((await api['source-get']({ sourceId: p.hui.id })).mode).toBe('tikanga');
  });

  it('refuses a move to another group, or to no group', async () => {
    for (const name of NAMES) {
      as(name);
      await expect(api['source-update']({ sourceId: p.hui.id, groupId: mine })).rejects.toMatchObject(refusal);
      await expect(api['source-update']({ sourceId: p.hui.id, groupId: null })).rejects.toMatchObject(refusal);
    }
    expect((await api['source-get']({ sourceId: p.hui.id })).groupId).toBe(p.ropuId);
    // Other details are anyone's to edit.
    await api['source-update']({ sourceId: p.hui.id, location: 'Te Rangimarie Marae' });
  });

  it('refuses removing (or opening) a sensitivity label, and releasing a part', async () => {
    const turn = p.turnOf('Aroha Ngata');
    await api['kaitiaki-key-unlock']({ groupId: p.ropuId, passphrase: 'kia mau ki te kawa', keyFile: `${dir}/kaitiaki-${p.ropuId}.focalkey` });
    const label = await api['sensitivity-set']({ sourceId: p.hui.id, start: turn.start, end: turn.end, label: 'restricted' });
    await api['kaitiaki-key-lock']({ groupId: p.ropuId });
    const first = p.turnOf('Waiata Henare');
    const part = await api['session-part-add']({ sourceId: p.hui.id, kind: 'mihimihi', recorded: true, start: first.start, end: first.end });
    for (const name of NAMES) {
      as(name);
      await expect(api['sensitivity-remove']({ id: label.id })).rejects.toMatchObject(refusal);
      await expect(api['sensitivity-set']({ sourceId: p.hui.id, start: turn.start, end: turn.end, label: 'open' })).rejects.toMatchObject(refusal);
      await expect(api['approval-record']({ scope: 'part', partId: part.id, decision: 'approved' })).rejects.toMatchObject(refusal);
      // Un-marking the part would release it by another door.
      await expect(api['session-part-delete']({ id: part.id })).rejects.toMatchObject(refusal);
      await expect(api['session-part-update']({ id: part.id, recorded: false })).rejects.toMatchObject(refusal);
      await expect(api['session-part-update']({ id: part.id, start: first.start + 5 })).rejects.toMatchObject(refusal);
    }
    expect((await api['sensitivity-list']({ sourceId: p.hui.id })).map((l) => l.label)).toEqual(['restricted']);
    expect((await api['session-parts-list']({ sourceId: p.hui.id })).find((x) => x.id === part.id)).toMatchObject({ recorded: true, released: false, start: first.start });
    // Widening the part adds protection: anyone.
    await api['session-part-update']({ id: part.id, end: first.end + 1 });
  });

  it('refuses changing who may read restricted text, and a kaupapa Māori frame id alone unmasks nothing', async () => {
    const frame = (await api['frame-from-template']({ template: 'te-whare-tapa-wha' })).frame;
    for (const name of NAMES) {
      as(name);
      await expect(api['kaitiaki-readers-set']({ groupId: p.ropuId, readers: [name] })).rejects.toMatchObject(refusal);
      const seen = await api['source-get']({ sourceId: p.hui.id, frameId: frame.id });
      expect(seen.masked?.length).toBe(1);
      expect(seen.text).not.toContain(p.hui.text.slice(p.turnOf('Aroha Ngata').start, p.turnOf('Aroha Ngata').end));
    }
  });

  it('needs no signature to add protection: importing as tikanga-based, or making a source tikanga-based', async () => {
    as('Test Coder');
    await api['source-update']({ sourceId: p.fg.id, mode: 'tikanga' });
    expect((await api['source-get']({ sourceId: p.fg.id })).mode).toBe('tikanga');
  });

  it('lets the kaitiaki do each of these with the key unlocked, each a signed statement', async () => {
    as('Someone Else'); // the name does not matter: the key does
    await api['kaitiaki-key-unlock']({ groupId: p.ropuId, passphrase: 'kia mau ki te kawa', keyFile: `${dir}/kaitiaki-${p.ropuId}.focalkey` });
    const label = (await api['sensitivity-list']({ sourceId: p.hui.id }))[0]!;
    await api['sensitivity-remove']({ id: label.id });
    await api['kaitiaki-readers-set']({ groupId: p.ropuId, readers: ['Mere Analyst'] });
    await api['source-update']({ sourceId: p.hui.id, mode: 'mainstream' });
    expect(statements()).toEqual(['key-register', 'label-set', 'label-remove', 'readers', 'source-change']);
    await api['kaitiaki-key-lock']({ groupId: p.ropuId });
    expect((await api['kaitiaki-key-status']({ groupId: p.ropuId })).readers).toEqual(['Mere Analyst']);
  });
});
