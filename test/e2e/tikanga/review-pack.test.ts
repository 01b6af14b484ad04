/**
 * The remote kaitiaki in the app. The analyst saves a review pack from the group's page; on his own
 * machine (a second Focal, a second browser, no project) Koro Hemi opens it from the start screen,
 * unlocks his key file with his passphrase, approves one quote with a condition, refuses one and
 * saves the signed decisions; the analyst imports them and the quote bank, its mainstream and
 * tikanga-based quotes in separate labelled sections, shows the outcome. Then the role is handed
 * on, and a lost key replaced through a new collective consent record.
 */
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptAllCandidates } from '../../core/export/fixture-project';
import { ROOT, launchApp, openApp, type E2EApp, createProjectInPage, coreApi } from '../support/app';
import { KAITIAKI_PASSPHRASE, unlockKeyInPage } from './kaitiaki-page';

let analyst: E2EApp;
let kaitiaki: E2EApp;
let ropuId = 0;
const QUOTES = {
  whakapapa: 'When a whānau member comes in, the first thing is finding the connection.',
  tuakana: 'the tuakana-teina way is how we look after each other.',
  waiata: "now he's asking to learn waiata, learn his reo.",
};
let mainstreamText = '';

/** A file one person sends another: from the sender's exports/ to the receiver's received/ folder. */
function send(from: E2EApp, to: E2EApp, match: RegExp): string {
  const dir = join(from.workDir, 'exports');
  const name = readdirSync(dir).filter((f) => match.test(f)).sort().pop();
  if (!name) throw new Error(`no file like ${match} in ${dir}`);
  mkdirSync(join(to.workDir, 'received'), { recursive: true });
  copyFileSync(join(dir, name), join(to.workDir, 'received', name));
  return name;
}

beforeAll(async () => {
  analyst = await launchApp({ userName: 'Hine Analyst', viewport: { width: 1400, height: 900 } });
  await openApp(analyst);
  await createProjectInPage(analyst, 'Hui tupu');
  const api = coreApi(analyst);
  await api['participants-import-csv']({ fileName: 'participants.csv', csv: readFileSync(join(ROOT, 'test/fixtures/participants.csv'), 'utf8') });
  const [hui, fg] = await api['import-files']({
    files: ['hui-tupu-group-interview.txt', 'focus-group-lived-experience.vtt'].map((name) => ({ name, path: join(ROOT, 'test/fixtures', name) })),
  });
  for (const r of await api['speakers-review']({})) if (r.suggestion.participantId) await api['speakers-map']({ speakerIds: [r.speakerId], participantId: r.suggestion.participantId });
  const people = await api['participants-list']({});
  ropuId = people.find((p) => p.name === 'Te Whare Oranga rōpū')!.id;
  const koro = people.find((p) => p.name === 'Koro Hemi')!;
  await api['source-update']({ sourceId: hui!.sourceId!, groupId: ropuId });
  await api['participant-update']({ id: ropuId, attribution: 'Rōpū A, group interview', kaitiakiId: koro.id });
  const source = await api['source-get']({ sourceId: hui!.sourceId! });
  for (const q of Object.values(QUOTES)) {
    const start = source.text.indexOf(q);
    await api['quote-from-selection']({ sourceId: source.id, start, end: start + q.length });
  }
  const focus = await api['source-get']({ sourceId: fg!.sourceId! });
  const turn = focus.blocks.find((b) => b.kind === 'turn')!;
  mainstreamText = focus.text.slice(turn.start, turn.end).slice(0, 40);
  await api['quote-from-selection']({ sourceId: focus.id, start: turn.start, end: turn.end });
  // Koro Hemi made his key earlier on the analyst's computer (keys/); he keeps the file.
  await api['kaitiaki-key-create']({ groupId: ropuId, passphrase: KAITIAKI_PASSPHRASE });
  await api['collective-consent-record']({ groupId: ropuId, givenById: koro.id, givenOn: '2010-06-14', forAnalysis: true, forQuotes: true, forGroupAttribution: true, forReturn: true });
  await api['kaitiaki-key-lock']({ groupId: ropuId });
  acceptAllCandidates(analyst.harness.core);
  // His own machine: another Focal with no project; his key file travels with him.
  kaitiaki = await launchApp({ userName: 'Koro Hemi', viewport: { width: 1280, height: 900 } });
  cpSync(join(analyst.workDir, 'keys'), join(kaitiaki.workDir, 'keys'), { recursive: true });
}, 90_000);
afterAll(async () => {
  await kaitiaki?.close();
  await analyst?.close();
});

const keySection = () => analyst.page.getByRole('group', { name: 'Kaitiaki key' });
const remote = () => analyst.page.getByRole('group', { name: 'Kaitiaki deciding elsewhere' });
async function openGroupPage() {
  await analyst.page.getByRole('button', { name: /Te Whare Oranga rōpū/ }).first().click();
  await keySection().waitFor();
}

describe('a kaitiaki deciding on his own machine', () => {
  it('the analyst saves a review pack from the group page; it is in the export audit', async () => {
    await openGroupPage();
    await remote().getByRole('button', { name: 'Save review pack…' }).click();
    await remote().getByText(/Review pack saved: 3 quotes awaiting Koro Hemi/).waitFor();
    await remote().scrollIntoViewIfNeeded();
    await analyst.screenshot('review-pack-saved');
    const audit = await coreApi(analyst)['audit-exports']({});
    expect(audit[0]).toMatchObject({ profile: 'review-pack', format: 'json', status: 'complete' });
    expect(audit[0]!.items).toHaveLength(3);
    expect(analyst.problems).toEqual([]);
  });

  it('Koro Hemi opens it from the start screen, unlocks his key, approves one and refuses one, and saves the decisions', async () => {
    send(analyst, kaitiaki, /review pack.*\.json$/);
    await openApp(kaitiaki);
    const page = kaitiaki.page;
    await page.getByRole('button', { name: 'Open review pack…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Review pack: Te Whare Oranga rōpū' });
    await dialog.getByText(/3 quotes of Te Whare Oranga rōpū’s kōrero await the decision of/).waitFor();
    for (const q of Object.values(QUOTES)) await dialog.getByText(q).waitFor();
    // Locked: nothing can be decided yet.
    expect(await dialog.getByRole('radio', { name: 'Approve' }).first().isDisabled()).toBe(true);
    await kaitiaki.screenshot('review-pack-opened');
    await dialog.getByLabel('Passphrase of your kaitiaki key').fill('not my passphrase at all');
    await dialog.getByRole('button', { name: 'Choose key file and unlock…' }).click();
    await dialog.getByRole('alert').first().waitFor();
    await dialog.getByLabel('Passphrase of your kaitiaki key').fill(KAITIAKI_PASSPHRASE);
    await dialog.getByRole('button', { name: 'Choose key file and unlock…' }).click();
    await dialog.getByText('Key unlocked').waitFor();
    const quote = (text: string) => dialog.getByRole('listitem').filter({ hasText: text });
    await quote(QUOTES.whakapapa).getByRole('radio', { name: 'Approve' }).check();
    await quote(QUOTES.whakapapa).getByLabel('Conditions').fill('Only in the report to the rōpū');
    await quote(QUOTES.tuakana).getByRole('radio', { name: 'Refuse' }).check();
    await dialog.getByRole('button', { name: 'Save decisions…' }).click();
    await dialog.getByText(/Signed 1 approval and 1 refusal, saved in/).waitFor();
    await kaitiaki.screenshot('review-pack-decided');
    expect(kaitiaki.problems).toEqual([]);
  });

  it('the analyst imports the decisions; the quote bank shows the outcome in labelled sections', async () => {
    send(kaitiaki, analyst, /kaitiaki decisions.*\.json$/);
    const page = analyst.page;
    await remote().getByRole('button', { name: 'Import decisions…' }).click();
    const result = remote().getByRole('status', { name: 'Decisions imported' });
    await result.getByText(/2 signed decisions imported/).waitFor();
    expect(await result.innerText()).not.toMatch(/skipped/);
    await analyst.screenshot('review-pack-imported');

    await page.getByRole('group', { name: 'Quotes and exports' }).getByRole('button', { name: /Quote bank/ }).click();
    const bank = page.getByRole('region', { name: /Quote bank/ });
    const mainstream = bank.getByRole('region', { name: /^Mainstream focus groups and interviews/ });
    const tikanga = bank.getByRole('region', { name: /^Tikanga-based kōrero/ });
    await tikanga.getByRole('article').filter({ hasText: QUOTES.whakapapa }).waitFor();
    expect(await tikanga.getByRole('article').count()).toBe(3);
    expect(await mainstream.getByRole('article').count()).toBe(1);
    expect(await mainstream.getByRole('article').innerText()).toContain(mainstreamText.slice(0, 20));
    const card = (text: string) => tikanga.getByRole('article').filter({ hasText: text });
    await card(QUOTES.whakapapa).getByText(/Approved by Koro Hemi/).waitFor();
    await card(QUOTES.tuakana).getByText(/^Refused$/).waitFor();
    expect(await card(QUOTES.waiata).innerText()).not.toMatch(/Approved by|Refused/);
    const gate = await coreApi(analyst)['quotes-list']({});
    const noApproval = gate.filter((q) => q.gate.reasons.some((r) => r.code === 'no-kaitiaki-approval')).map((q) => q.original);
    expect(noApproval.some((t) => t.includes(QUOTES.whakapapa))).toBe(false);
    expect(noApproval.filter((t) => t.includes(QUOTES.tuakana) || t.includes(QUOTES.waiata))).toHaveLength(2);
    await analyst.screenshot('review-pack-quote-bank');
    expect(analyst.problems).toEqual([]);
  });

  it('Koro Hemi hands the role on with his unlocked key; then a lost key is replaced through the group’s consent', async () => {
    const page = analyst.page;
    await openGroupPage();
    await unlockKeyInPage(page);
    await keySection().getByRole('button', { name: 'Hand on…' }).click();
    const hand = page.getByRole('dialog', { name: /^Hand on the kaitiaki role of/ });
    const next = hand.getByLabel('New kaitiaki');
    const choice = (await next.locator('option').allTextContents()).find((t) => t && t !== 'Choose…')!;
    await next.selectOption({ label: choice });
    await hand.getByLabel('New passphrase', { exact: true }).fill('he kākano ahau i ruia mai');
    await hand.getByLabel('New passphrase again').fill('he kākano ahau i ruia mai');
    await hand.getByRole('button', { name: 'Hand on and create key…' }).click();
    const handed = page.getByRole('dialog', { name: 'New kaitiaki key registered' });
    await handed.getByText(new RegExp(`handed the role on to ${choice}`)).waitFor();
    const fp1 = await handed.locator('.tk-fingerprint').getAttribute('data-fingerprint');
    // The new key's recovery code, shown once, to be written down.
    const code = (await handed.locator('.tk-recovery-code').getAttribute('data-recovery-code'))!;
    expect(code).toMatch(/^([0-9A-Z]{4}-){4}[0-9A-Z]{4}$/);
    await analyst.screenshot('review-pack-handed-on');
    await handed.getByRole('button', { name: 'I have written it down' }).click();

    await keySection().getByRole('button', { name: 'Lost the key?' }).click();
    const lost = page.getByRole('dialog', { name: /^Lost the kaitiaki key of/ });
    await lost.getByText(/only with the key’s recovery code and a new collective consent record of the group/).waitFor();
    await lost.getByLabel('Consent given by').selectOption({ label: choice });
    await lost.getByLabel('Recovery code').fill(code);
    await lost.getByLabel('New passphrase', { exact: true }).fill('ka mate ka mate ka ora');
    await lost.getByLabel('New passphrase again').fill('ka mate ka mate ka ora');
    await analyst.screenshot('review-pack-lost-key');
    await lost.getByRole('button', { name: 'Record consent and create key…' }).click();
    const replaced = page.getByRole('dialog', { name: 'New kaitiaki key registered' });
    await replaced.getByText(/new collective consent record names/).waitFor();
    const fp2 = await replaced.locator('.tk-fingerprint').getAttribute('data-fingerprint');
    expect(fp2).toBeTruthy();
    expect(fp2).not.toBe(fp1);
    await replaced.getByRole('button', { name: 'I have written it down' }).click();
    const status = await coreApi(analyst)['kaitiaki-key-status']({ groupId: ropuId });
    expect(status.fingerprint).toBe(fp2);
    expect(status.history.map((h) => h.how)).toHaveLength(3);
    // Earlier decisions stay: the approval imported from the decisions file still counts.
    const gate = await coreApi(analyst)['quotes-list']({});
    expect(gate.find((q) => q.original.includes(QUOTES.whakapapa))!.gate.reasons.some((r) => r.code === 'no-kaitiaki-approval')).toBe(false);
    expect(analyst.problems).toEqual([]);
  });
});
