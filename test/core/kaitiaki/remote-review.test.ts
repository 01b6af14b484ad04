/**
 * Remote kaitiaki through the app's calls: the analyst saves a review pack (audited as an export),
 * the kaitiaki opens it in another Focal with no project, unlocks their key file, approves and
 * refuses with conditions and saves the signed decisions; the analyst imports them and the gate's
 * kaitiaki row passes exactly the approved quote. A decisions file signed by another key, a pack
 * changed after it was made, and a file for another group are refused.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FocalCore } from '../../../electron/core/app/focal-core';
import { headlessHost, type DataFileKind, type HostServices } from '../../../electron/core/host';
import { createKeyFile } from '../../../electron/core/kaitiaki/key-crypto';
import { signPack } from '../../../electron/core/kaitiaki/review-pack';
import { createClient } from '../../../shared/api/client';
import type { DecisionsFile, ReviewPack } from '../../../shared/domain/kaitiaki';
import { testCore } from '../../support/core';
import { tempDir } from '../../support/temp';
import { huiProject, type HuiProject } from '../tikanga/setup';
import { createKaitiakiKey, PASSPHRASE } from './key-helper';

/** A host whose file questions are answered by the test, as a person would in the dialogs. */
function answeringHost(platform: HostServices['platform']) {
  const answers: { save: Partial<Record<DataFileKind, string>>; open: Partial<Record<DataFileKind, string>>; key: string | null } = { save: {}, open: {}, key: null };
  const host: HostServices = {
    ...headlessHost(platform),
    chooseDataFile: async (purpose, kind) => answers[purpose][kind] ?? null,
    chooseKeyFile: async () => answers.key,
  };
  return { host, answers };
}

describe('remote kaitiaki through the app: review pack → decisions → import', () => {
  const analyst = testCore();
  const { api, core, dir, path } = analyst;
  const analystHost = answeringHost('cli');
  core.host.chooseDataFile = analystHost.host.chooseDataFile;
  // The kaitiaki's own machine: another Focal, no project, key file chosen through the host.
  const kDir = tempDir();
  const kaitiakiHost = answeringHost('web');
  const kCore = new FocalCore({ dataDir: join(kDir, 'app'), host: kaitiakiHost.host, logger: () => {} });
  const kApi = createClient({ invoke: (n, i) => kCore.call(n, i), on: (e, l) => kCore.on(e, l) }).api;
  let p: HuiProject;
  let quotes: number[];
  let keyFile: string;
  const packPath = join(dir, 'pack.json');
  const decisionsPath = join(kDir, 'decisions.json');
  const blockedBy9 = async () =>
    (await api['quotes-list']({ sourceId: p.hui.id })).filter((q) => q.gate.reasons.some((r) => r.code === 'no-kaitiaki-approval')).map((q) => q.id).sort((a, b) => a - b);

  beforeAll(async () => {
    p = await huiProject(api, path('hui.focal'));
    keyFile = (await createKaitiakiKey(api, dir, p.ropuId, p.koroId)).keyFile;
    await api['kaitiaki-key-lock']({ groupId: p.ropuId });
    quotes = [];
    for (const [label, nth] of [['Aroha Ngata', 1], ['Waiata Henare', 1], ['Aroha Ngata', 2]] as const) {
      const t = p.turnOf(label, nth);
      quotes.push((await api['quote-from-selection']({ sourceId: p.hui.id, start: t.start, end: t.end, codeId: null })).quoteId!);
    }
    quotes.sort((a, b) => a - b);
    // The key file travels with the kaitiaki (a USB stick): a copy on their machine.
    copyFileSync(keyFile, join(kDir, 'koro.focalkey'));
    kaitiakiHost.answers.key = join(kDir, 'koro.focalkey');
  });

  it('saves the pack through the host, built by the core, audited as an export of its quotes', async () => {
    expect(await blockedBy9()).toEqual(quotes);
    expect(await api['kaitiaki-review-pack-save']({ groupId: p.ropuId })).toMatchObject({ cancelled: true, path: null });
    analystHost.answers.save['review-pack'] = packPath;
    const saved = await api['kaitiaki-review-pack-save']({ groupId: p.ropuId });
    expect(saved).toMatchObject({ cancelled: false, path: packPath, quotes: 3 });
    const pack = JSON.parse(readFileSync(packPath, 'utf8')) as ReviewPack;
    expect(pack.quotes.map((q) => q.quoteId).sort((a, b) => a - b)).toEqual(quotes);
    const audit = (await api['audit-exports']({})).find((e) => e.id === saved.exportId)!;
    expect(audit).toMatchObject({ format: 'json', profile: 'review-pack', destination: packPath, status: 'complete' });
    expect(audit.items.map((i) => i.quoteId!).sort((a, b) => a - b)).toEqual(quotes);
  });

  it('opens the pack with no project, unlocks only the key it names, and signs in the core', async () => {
    expect(await kApi['project-info']({})).toBeNull();
    expect(await kApi['review-pack-current']({})).toBeNull();
    kaitiakiHost.answers.open['review-pack'] = packPath;
    const open = (await kApi['review-pack-open']({}))!;
    expect(open).toMatchObject({ groupName: 'Te Whare Oranga rōpū', kaitiakiName: 'Koro Hemi', unlocked: false });
    expect(open.quotes.map((q) => q.problem)).toEqual([null, null, null]);
    expect(open.quotes[0]!.text.length).toBeGreaterThan(10);
    // Not unlocked: nothing is signed.
    const early = await kCore.call('review-pack-save-decisions', { decisions: [{ quoteId: quotes[0]!, decision: 'approved' }] });
    expect(early.ok ? null : early.error.code).toBe('forbidden');
    // The app takes no key path from the renderer.
    const withPath = await kCore.call('review-pack-unlock', { passphrase: PASSPHRASE, keyFile: kaitiakiHost.answers.key });
    expect(withPath.ok).toBe(false);
    const wrong = await kCore.call('review-pack-unlock', { passphrase: 'not the passphrase at all' });
    expect(wrong.ok).toBe(false);
    // Another key (someone else's file) is refused.
    const other = createKeyFile('another passphrase here', 'Other', '2024-01-01T00:00:00Z');
    writeFileSync(join(kDir, 'other.focalkey'), JSON.stringify(other.file));
    kaitiakiHost.answers.key = join(kDir, 'other.focalkey');
    const otherKey = await kCore.call('review-pack-unlock', { passphrase: 'another passphrase here' });
    expect(otherKey.ok ? null : otherKey.error.message).toMatch(/not the kaitiaki key this pack was made for/);
    kaitiakiHost.answers.key = join(kDir, 'koro.focalkey');
    expect((await kApi['review-pack-unlock']({ passphrase: PASSPHRASE })).unlocked).toBe(true);

    const both = await kCore.call('review-pack-save-decisions', { decisions: [{ quoteId: quotes[0]!, decision: 'approved' }, { quoteId: quotes[0]!, decision: 'refused' }] });
    expect(both.ok).toBe(false);
    const notInPack = await kCore.call('review-pack-save-decisions', { decisions: [{ quoteId: 99_999, decision: 'approved' }] });
    expect(notInPack.ok).toBe(false);
    kaitiakiHost.answers.save['kaitiaki-decisions'] = decisionsPath;
    const saved = await kApi['review-pack-save-decisions']({
      decisions: [
        { quoteId: quotes[0]!, decision: 'approved', conditions: 'Only in the report to the rōpū' },
        { quoteId: quotes[1]!, decision: 'refused' },
      ],
    });
    expect(saved).toMatchObject({ cancelled: false, path: decisionsPath, approved: 1, refused: 1 });
    const file = JSON.parse(readFileSync(decisionsPath, 'utf8')) as DecisionsFile;
    expect(file.statements).toHaveLength(2);
    expect(JSON.parse(file.statements[0]!.body)).toMatchObject({ kind: 'approval', by: 'Koro Hemi', subject: { scope: 'quote', decision: 'approved', conditions: 'Only in the report to the rōpū' } });
  });

  it('imports the decisions: the gate passes exactly the approved quote, with its conditions kept', async () => {
    expect(await api['kaitiaki-import-decisions-file']({ groupId: p.ropuId })).toMatchObject({ cancelled: true, imported: 0 });
    analystHost.answers.open['kaitiaki-decisions'] = decisionsPath;
    const r = await api['kaitiaki-import-decisions-file']({ groupId: p.ropuId });
    expect(r).toMatchObject({ cancelled: false, fileName: 'decisions.json', imported: 2, skipped: [] });
    expect(await blockedBy9()).toEqual([quotes[1], quotes[2]]);
    const approvals = await api['approvals-list']({ groupId: p.ropuId });
    expect(approvals.find((a) => a.quoteId === quotes[0])).toMatchObject({ decision: 'approved', conditions: 'Only in the report to the rōpū' });
    expect(approvals.find((a) => a.quoteId === quotes[1])).toMatchObject({ decision: 'refused' });
    // The same file again adds nothing.
    const again = await api['kaitiaki-import-decisions-file']({ groupId: p.ropuId });
    expect(again.imported).toBe(0);
    expect(await blockedBy9()).toEqual([quotes[1], quotes[2]]);
  });

  it('refuses a decisions file signed by another key, and one for another group', async () => {
    const pack = JSON.parse(readFileSync(packPath, 'utf8')) as ReviewPack;
    const other = createKeyFile('another passphrase here', 'Other', '2024-01-01T00:00:00Z');
    const forged = signPack({ ...pack, fingerprint: other.key.fingerprint }, other.key, { approve: [quotes[2]!], refuse: [] }, '2024-02-02T00:00:00Z');
    const forgedPath = join(dir, 'forged.json');
    writeFileSync(forgedPath, JSON.stringify({ ...forged, fingerprint: pack.fingerprint }));
    analystHost.answers.open['kaitiaki-decisions'] = forgedPath;
    const r = await api['kaitiaki-import-decisions-file']({ groupId: p.ropuId });
    expect(r.imported).toBe(0);
    expect(r.skipped).toEqual([{ quoteId: quotes[2], why: expect.stringMatching(/signature|key/) }]);
    expect(await blockedBy9()).toEqual([quotes[1], quotes[2]]);
    const elsewhere = join(dir, 'elsewhere.json');
    writeFileSync(elsewhere, JSON.stringify({ ...forged, groupId: p.koroId }));
    analystHost.answers.open['kaitiaki-decisions'] = elsewhere;
    const wrongGroup = await core.call('kaitiaki-import-decisions-file', { groupId: p.ropuId });
    expect(wrongGroup.ok ? null : wrongGroup.error.message).toMatch(/another group/);
  });

  it('will not sign a quote whose shown text was changed after the pack was made', async () => {
    const pack = JSON.parse(readFileSync(packPath, 'utf8')) as ReviewPack;
    const target = pack.quotes.find((q) => q.quoteId === quotes[2])!;
    target.text = 'Words the kōrero never held.';
    target.pieces = [target.text];
    const changed = join(kDir, 'changed.json');
    mkdirSync(kDir, { recursive: true });
    writeFileSync(changed, JSON.stringify(pack));
    kaitiakiHost.answers.open['review-pack'] = changed;
    const open = (await kApi['review-pack-open']({}))!;
    expect(open.unlocked).toBe(false);
    expect(open.quotes.find((q) => q.quoteId === quotes[2])!.problem).toMatch(/not the text a decision would sign/);
    await kApi['review-pack-unlock']({ passphrase: PASSPHRASE });
    const r = await kCore.call('review-pack-save-decisions', { decisions: [{ quoteId: quotes[2]!, decision: 'approved' }] });
    expect(r.ok ? null : r.error.message).toMatch(/cannot be decided/);
    expect(await kApi['review-pack-close']({})).toBeNull();
    expect(await kApi['review-pack-current']({})).toBeNull();
  });
});
