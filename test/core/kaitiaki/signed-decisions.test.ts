/**
 * Every kaitiaki decision is a signed statement, and only one that verifies counts: a broken
 * signature, a decision moved onto other text, a row with no statement, or a statement from a
 * superseded key is absent for the gate and listed by the check. A second user working under the
 * kaitiaki's name has no authority.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FocalCore } from '../../../electron/core/app/focal-core';
import { headlessHost } from '../../../electron/core/host';
import { kaitiakiProblems } from '../../../electron/core/kaitiaki/check';
import { parseKeyFile, unlockKeyFile } from '../../../electron/core/kaitiaki/key-crypto';
import { storeStatement } from '../../../electron/core/kaitiaki/statements';
import { quoteSubject } from '../../../electron/core/kaitiaki/subjects';
import { createClient } from '../../../shared/api/client';
import { testCore } from '../../support/core';
import { huiProject, type HuiProject } from '../tikanga/setup';
import { createKaitiakiKey, PASSPHRASE } from './key-helper';

describe('signed kaitiaki decisions', () => {
  const { api, core, dir, path } = testCore();
  let p: HuiProject;
  let quotes: number[];
  let keyFile: string;
  const db = () => core.requireProject().db;
  const blockedBy9 = async () =>
    (await api['quotes-list']({ sourceId: p.hui.id })).filter((q) => q.gate.reasons.some((r) => r.code === 'no-kaitiaki-approval')).map((q) => q.id);

  beforeAll(async () => {
    p = await huiProject(api, path('hui.focal'));
    keyFile = (await createKaitiakiKey(api, dir, p.ropuId, p.koroId)).keyFile;
    quotes = [];
    for (const label of ['Aroha Ngata', 'Waiata Henare']) {
      const t = p.turnOf(label, 1);
      quotes.push((await api['quote-from-selection']({ sourceId: p.hui.id, start: t.start, end: t.end, codeId: null })).quoteId!);
    }
    await api['approval-record']({ scope: 'quote', quoteId: quotes[0]!, decision: 'approved' });
    await api['approval-record']({ scope: 'quote', quoteId: quotes[1]!, decision: 'approved' });
    await api['kaitiaki-key-lock']({ groupId: p.ropuId });
  });

  it('counts verified approvals in the gate, and a statement names its quote by content', async () => {
    expect(await blockedBy9()).toEqual([]);
    const body = JSON.parse(db().prepare("SELECT body FROM kaitiaki_statements WHERE kind = 'approval' ORDER BY id LIMIT 1").pluck().get() as string);
    expect(body).toMatchObject({ v: 1, kind: 'approval', group: p.ropuId, by: 'Koro Hemi', subject: { scope: 'quote', decision: 'approved', quote: quoteSubject(db(), quotes[0]!) } });
    expect(body.subject.quote.source).toMatch(/^[0-9a-f]{64}$/);
    expect(kaitiakiProblems(db()).filter((x) => x.kind === 'kaitiaki-decision-unverified')).toEqual([]);
  });

  it('ignores a decision whose signature is broken, and the check lists it', async () => {
    const s = db().prepare("SELECT id, signature FROM kaitiaki_statements WHERE kind = 'approval' ORDER BY id LIMIT 1").get() as { id: number; signature: string };
    const broken = (s.signature[5] === 'A' ? 'B' : 'A');
    db().prepare('UPDATE kaitiaki_statements SET signature = ? WHERE id = ?').run(s.signature.slice(0, 5) + broken + s.signature.slice(6), s.id);
    expect(await blockedBy9()).toEqual([quotes[0]]);
    expect(kaitiakiProblems(db()).map((x) => x.message)).toEqual(expect.arrayContaining([expect.stringMatching(/signature does not verify/)]));
    db().prepare('UPDATE kaitiaki_statements SET signature = ? WHERE id = ?').run(s.signature, s.id);
    // A body edited to say something else (a refusal made an approval) fails the same way.
    const r = db().prepare("SELECT id, body FROM kaitiaki_statements WHERE kind = 'approval' ORDER BY id DESC LIMIT 1").get() as { id: number; body: string };
    db().prepare('UPDATE kaitiaki_statements SET body = ? WHERE id = ?').run(r.body.replace('"decision":"approved"', '"decision":"refused"'), r.id);
    expect(await blockedBy9()).toEqual([quotes[1]]);
    db().prepare('UPDATE kaitiaki_statements SET body = ? WHERE id = ?').run(r.body, r.id);
    expect(await blockedBy9()).toEqual([]);
  });

  it('ignores a decision moved onto other text: the quote re-ranged, or the row pointed at another quote', async () => {
    const q = db().prepare('SELECT start, end FROM quotes WHERE id = ?').get(quotes[0]) as { start: number; end: number };
    db().prepare('UPDATE quotes SET end = end - 3 WHERE id = ?').run(quotes[0]);
    expect(await blockedBy9()).toEqual([quotes[0]]);
    expect(kaitiakiProblems(db()).map((x) => x.message)).toEqual(expect.arrayContaining([expect.stringMatching(/made on other text/)]));
    db().prepare('UPDATE quotes SET end = ? WHERE id = ?').run(q.end, quotes[0]);
    // A third quote: pointing an approval row at it (or forging a row) gives it nothing.
    const t = p.turnOf('Aroha Ngata', 2);
    const third = (await api['quote-from-selection']({ sourceId: p.hui.id, start: t.start, end: t.end, codeId: null })).quoteId!;
    db().prepare("INSERT INTO approvals (group_id, kaitiaki_id, scope, quote_id, decision, decided_at) VALUES (?, ?, 'quote', ?, 'approved', 'now')").run(p.ropuId, p.koroId, third);
    db().prepare('UPDATE approvals SET quote_id = ? WHERE quote_id = ?').run(third, quotes[1]);
    // The approval of quotes[1] loses its readable row (now about another quote): it no longer counts either.
    expect((await blockedBy9()).sort()).toEqual([quotes[1], third]);
    expect(kaitiakiProblems(db()).map((x) => x.message)).toEqual(expect.arrayContaining([expect.stringMatching(/has no signed statement/)]));
    db().prepare('UPDATE approvals SET quote_id = ? WHERE quote_id = ? AND id IN (SELECT record_id FROM kaitiaki_statements)').run(quotes[1], third);
    db().prepare('DELETE FROM approvals WHERE quote_id = ?').run(third);
    await api['quotes-delete']({ ids: [third] });
  });

  it("gives no authority to a second user working under the kaitiaki's name", async () => {
    const other = new FocalCore({ dataDir: join(dir, 'other-app'), host: headlessHost('cli'), logger: () => {} });
    try {
      other.state.setPrefs({ userName: 'Koro Hemi' });
      const { api: api2 } = createClient({ invoke: (n, i) => other.call(n, i), on: (e, l) => other.on(e, l) });
      await api2['project-open']({ path: path('hui.focal') });
      await expect(api2['approval-record']({ scope: 'quote', quoteId: quotes[0]!, decision: 'refused' })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/needs the kaitiaki key .* unlocked/) });
      expect((await api2['kaitiaki-status']({ groupId: p.ropuId })).actorIsKaitiaki).toBe(false);
      await expect(api2['kaitiaki-key-unlock']({ groupId: p.ropuId, passphrase: 'koro hemi', keyFile })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/passphrase does not unlock/) });
      // With the key file and the passphrase, the same call works (whatever the name).
      other.state.setPrefs({ userName: 'Anyone' });
      await api2['kaitiaki-key-unlock']({ groupId: p.ropuId, passphrase: PASSPHRASE, keyFile });
      expect((await api2['kaitiaki-status']({ groupId: p.ropuId })).actorIsKaitiaki).toBe(true);
    } finally {
      other.dispose();
    }
  });

  let handedCode = '';

  it('keeps decisions of a handed-on key valid, and ignores anything the superseded key signs afterwards', async () => {
    const aroha = p.person('Aroha Ngata');
    await api['kaitiaki-key-unlock']({ groupId: p.ropuId, passphrase: PASSPHRASE, keyFile });
    const handed = await api['kaitiaki-handover']({ groupId: p.ropuId, newKaitiakiId: aroha, passphrase: 'he kaitiaki hou ahau', keyFile: join(dir, 'aroha.focalkey') });
    // The new key's recovery code, shown once: the only way to replace it if it is lost.
    expect(handed.recoveryCode).toMatch(/^([0-9A-Z]{4}-){4}[0-9A-Z]{4}$/);
    handedCode = handed.recoveryCode!;
    expect(handed.history.map((h) => h.how)).toEqual(['registered', 'handed on']);
    expect(handed.kaitiaki?.name).toBe('Aroha Ngata');
    expect(await blockedBy9()).toEqual([]);
    // The old key holder signs a refusal (backdated, even): it does not count.
    const oldKey = unlockKeyFile(parseKeyFile(readFileSync(keyFile, 'utf8'), keyFile), PASSPHRASE);
    storeStatement(db(), oldKey, { groupId: p.ropuId, kind: 'approval', by: 'Koro Hemi', at: '2020-01-01T00:00:00.000Z', subject: { scope: 'quote', quote: quoteSubject(db(), quotes[0]!), decision: 'refused', output: '', conditions: '' } });
    expect(await blockedBy9()).toEqual([]);
    expect(kaitiakiProblems(db()).map((x) => x.message)).toEqual(expect.arrayContaining([expect.stringMatching(/superseded key/)]));
    // And the old key no longer unlocks authority over the group.
    await expect(api['kaitiaki-key-unlock']({ groupId: p.ropuId, passphrase: PASSPHRASE, keyFile })).rejects.toMatchObject({ message: expect.stringMatching(/not the current kaitiaki key/) });
  });

  it('replaces a lost key only by a collective consent record naming the kaitiaki; nothing is re-approved', async () => {
    await api['kaitiaki-key-lock']({ groupId: p.ropuId });
    const mere = p.person('Koro Hemi');
    const recover = (recoveryCode: string) =>
      api['kaitiaki-key-recover']({ groupId: p.ropuId, newKaitiakiId: mere, givenByLabel: 'Whaea Mere, for the rōpū', givenOn: '2026-03-01', recoveryCode, passphrase: 'ka hoki mai anō', keyFile: join(dir, 'koro-2.focalkey') });
    // Without the group's recovery code, a consent record anyone can type replaces nothing.
    await expect(recover('AAAA-BBBB-CCCC-DDDD-EEEE')).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/recovery code/) });
    // The code as a person copies it by hand: lower case, spaces for dashes.
    const rec = await recover(handedCode.toLowerCase().replace(/-/g, ' '));
    expect(rec.recoveryCode).toMatch(/^([0-9A-Z]{4}-){4}[0-9A-Z]{4}$/);
    expect(rec.recoveryCode).not.toBe(handedCode);
    expect(rec.history.map((h) => h.how)).toEqual(['registered', 'handed on', 'recovered by collective consent']);
    expect(await blockedBy9()).toEqual([]);
    expect(kaitiakiProblems(db()).map((x) => x.kind)).toContain('kaitiaki-key-recovered');
    const audit = db().prepare("SELECT action FROM audit_log WHERE action = 'kaitiaki-key-recovered'").pluck().all();
    expect(audit).toHaveLength(1);
    await expect(api['collective-consent-delete']({ id: rec.consentId! })).rejects.toMatchObject({ code: 'conflict' });
    // Tampering with the cited record breaks the replacement: the key is no longer current.
    db().prepare('UPDATE collective_consents SET given_by_label = ? WHERE id = ?').run('Someone else', rec.consentId);
    expect((await api['kaitiaki-key-status']({ groupId: p.ropuId })).history).toHaveLength(2);
    db().prepare('UPDATE collective_consents SET given_by_label = ? WHERE id = ?').run('Whaea Mere, for the rōpū', rec.consentId);
    expect((await api['kaitiaki-key-status']({ groupId: p.ropuId })).history).toHaveLength(3);
  });
});
