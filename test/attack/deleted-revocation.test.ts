/**
 * ATTACK: the kaitiaki approved two quotes, then revoked one of them, then went on deciding (here:
 * a readers list). Someone with the .focal file deletes the revocation's signed statement and clears
 * the readable row's revoked date. Every statement left still verifies, so the revoked approval
 * counts again and the quote the kaitiaki withdrew is exported.
 *
 * Promised: a tampered project cannot turn a kaitiaki decision around. Expected: each statement
 * signed in the project names the one before it; a statement removed from the middle of the
 * record is a gap, `focal check` lists it, and none of the group's tikanga-based kōrero leaves
 * until the kaitiaki acknowledges the gap with their key (or the project is restored).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { kaitiakiProblems } from '../../electron/core/kaitiaki/check';
import { testCore } from '../support/core';
import { huiProject, type HuiProject } from '../core/tikanga/setup';
import { createKaitiakiKey, PASSPHRASE } from '../core/kaitiaki/key-helper';

describe('attack: a revocation deleted from the file', () => {
  const { api, core, dir, path } = testCore();
  let p: HuiProject;
  let keyFile: string;
  const quotes: number[] = [];
  const db = () => core.requireProject().db;
  const passes = async () => (await api['quotes-list']({ sourceId: p.hui.id })).filter((q) => !q.gate.reasons.some((r) => r.code === 'no-kaitiaki-approval')).map((q) => q.id);

  beforeAll(async () => {
    p = await huiProject(api, path('hui.focal'));
    keyFile = (await createKaitiakiKey(api, dir, p.ropuId, p.koroId)).keyFile;
    for (const label of ['Aroha Ngata', 'Waiata Henare']) {
      const t = p.turnOf(label, 1);
      quotes.push((await api['quote-from-selection']({ sourceId: p.hui.id, start: t.start, end: t.end, codeId: null })).quoteId!);
    }
    const a0 = await api['approval-record']({ scope: 'quote', quoteId: quotes[0]!, decision: 'approved' });
    await api['approval-record']({ scope: 'quote', quoteId: quotes[1]!, decision: 'approved' });
    await api['approval-revoke']({ id: a0.id });
    await api['kaitiaki-readers-set']({ groupId: p.ropuId, readers: ['Mere Tawhiri'] });
    await api['kaitiaki-key-lock']({ groupId: p.ropuId });
  });

  it('before the tampering, only the quote still approved passes', async () => {
    expect(await passes()).toEqual([quotes[1]]);
    expect(kaitiakiProblems(db()).filter((x) => x.kind === 'kaitiaki-record-gap')).toEqual([]);
  });

  it('deleting the revocation does not bring the withdrawn quote back: the group is held and the check says why', async () => {
    db().prepare("DELETE FROM kaitiaki_statements WHERE kind = 'revoke'").run();
    db().prepare('UPDATE approvals SET revoked_at = NULL').run();
    expect(await passes()).toEqual([]);
    const q = (await api['quotes-list']({ sourceId: p.hui.id })).find((x) => x.id === quotes[0])!;
    expect(q.gate.reasons.map((r) => r.message).join(' ')).toMatch(/signed kaitiaki statement .* was removed from this project/);
    const gap = kaitiakiProblems(db()).filter((x) => x.kind === 'kaitiaki-record-gap');
    expect(gap).toHaveLength(1);
    expect(gap[0]!.severity).toBe('error');
    // The readers list signed after the gap no longer opens restricted text to anyone but the kaitiaki.
    expect((await api['kaitiaki-key-status']({ groupId: p.ropuId })).readers).toEqual([]);
  });

  it('only the kaitiaki, with the key, acknowledges the gap; then the decisions still on record count again', async () => {
    await expect(api['kaitiaki-gap-acknowledge']({ groupId: p.ropuId })).rejects.toMatchObject({ code: 'forbidden' });
    await api['kaitiaki-key-unlock']({ groupId: p.ropuId, passphrase: PASSPHRASE, keyFile });
    expect(await api['kaitiaki-gap-acknowledge']({ groupId: p.ropuId })).toEqual({ acknowledged: 1 });
    expect(kaitiakiProblems(db()).filter((x) => x.kind === 'kaitiaki-record-gap')).toEqual([]);
    // What was removed stays removed: the kaitiaki, having looked, decides again where needed.
    expect((await passes()).sort()).toEqual([...quotes].sort());
    expect(await api['kaitiaki-gap-acknowledge']({ groupId: p.ropuId })).toEqual({ acknowledged: 0 });
  });
});
