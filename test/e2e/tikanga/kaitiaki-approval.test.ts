/**
 * Issue 6's flow end to end: a kaupapa Māori analyst creates the Te Whare Tapa Whā frame from its
 * template, codes hui passages with its codes and builds quotes from them; the rōpū's kaitiaki
 * (Koro Hemi, at the analyst's keyboard: the app still runs under her name) unlocks the rōpū's
 * kaitiaki key with his passphrase and approves exactly two quotes and refuses one; the analyst's Word quote bank then holds exactly those two, attributed as the rōpū chose,
 * and the blocked list shows the refused and the unapproved with `no-kaitiaki-approval`, whose fix
 * leads to the quote's kaitiaki section. Then the return-to-the-group document from the group's page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptAllCandidates } from '../../core/export/fixture-project';
import { codeRow, selectText, waitForCount } from '../coding/coding-page';
import { ROOT, launchApp, openApp, type E2EApp, createProjectInPage, coreApi } from '../support/app';
import { openSource, VIEW } from '../transcript/view-page';
import { KAITIAKI_PASSPHRASE } from './kaitiaki-page';

let app: E2EApp;
let ropuId = 0;
const ANALYST = 'Hine Analyst';
const PASSAGES = {
  whakapapa: 'When a whānau member comes in, the first thing is finding the connection.',
  tuakana: 'the tuakana-teina way is how we look after each other.',
  hurting: "You can't fix one person and send them back to a whānau that's hurting.",
  waiata: "now he's asking to learn waiata, learn his reo.",
};

/** The kaitiaki unlocks or locks the rōpū's key (through the core, where the test is about something else). */
const unlock = () => coreApi(app)['kaitiaki-key-unlock']({ groupId: ropuId, passphrase: KAITIAKI_PASSPHRASE });
const lock = () => coreApi(app)['kaitiaki-key-lock']({ groupId: ropuId });

beforeAll(async () => {
  app = await launchApp({ userName: ANALYST, viewport: { width: 1400, height: 900 } });
  await openApp(app);
  await createProjectInPage(app, 'Hui tupu analysis');
  const core = app.harness.core;
  const api = coreApi(app);
  await api['participants-import-csv']({ fileName: 'participants.csv', csv: readFileSync(join(ROOT, 'test/fixtures/participants.csv'), 'utf8') });
  const [hui] = await api['import-files']({ files: [{ name: 'hui-tupu-group-interview.txt', path: join(ROOT, 'test/fixtures/hui-tupu-group-interview.txt') }] });
  for (const r of await api['speakers-review']({})) if (r.suggestion.participantId) await api['speakers-map']({ speakerIds: [r.speakerId], participantId: r.suggestion.participantId });
  const people = await api['participants-list']({});
  const ropu = people.find((p) => p.name === 'Te Whare Oranga rōpū')!;
  const koro = people.find((p) => p.name === 'Koro Hemi')!;
  await api['source-update']({ sourceId: hui!.sourceId!, groupId: ropu.id });
  await api['participant-update']({ id: ropu.id, attribution: 'Rōpū A, group interview', kaitiakiId: koro.id });
  ropuId = ropu.id;
  // Koro Hemi's key (the harness host keeps its file in keys/), and the consent he records with it.
  await api['kaitiaki-key-create']({ groupId: ropu.id, passphrase: KAITIAKI_PASSPHRASE });
  await api['collective-consent-record']({ groupId: ropu.id, givenById: koro.id, givenOn: '2010-06-14', forAnalysis: true, forQuotes: true, forGroupAttribution: true, forReturn: true });
  await lock();
  acceptAllCandidates(core);
}, 60_000);
afterAll(() => app?.close());

const bankCard = (text: string) => app.page.getByRole('region', { name: /Quote bank/ }).getByRole('article').filter({ hasText: text });

describe('kaitiaki approval of quotes coded in the kaupapa Māori frame', () => {
  it('the analyst creates Te Whare Tapa Whā from its template and codes hui passages with it', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Kaupapa Māori frame…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Kaupapa Māori frame from a template' });
    await dialog.getByRole('radio', { name: /^Te Whare Tapa Whā/ }).check();
    await dialog.getByRole('button', { name: 'Create frame' }).click();
    await dialog.getByText(/Created the kaupapa Māori frame “Te Whare Tapa Whā”/).waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.locator('#pane-codes').getByRole('button', { name: 'Te Whare Tapa Whā' }).click();
    await openSource(page, /Kaupapa Māori peer service/);
    await page.locator(`${VIEW} .tv-turn`).last().waitFor();
    const code = async (passage: string, name: string, expected: number) => {
      expect(await selectText(page, passage)).toBeTruthy();
      await codeRow(page, name).click();
      await waitForCount(page, name, expected);
    };
    await code(PASSAGES.whakapapa, 'Taha whānau', 1);
    await code(PASSAGES.tuakana, 'Taha wairua', 1);
    await code(PASSAGES.hurting, 'Taha whānau', 2);
    await code(PASSAGES.waiata, 'Taha wairua', 2);
    await app.screenshot('kaitiaki-twtw-coded');
    expect(app.problems).toEqual([]);
  });

  it('builds quotes from those codes; each is tikanga-based and awaits the kaitiaki', async () => {
    const { page } = app;
    await page.getByRole('group', { name: 'Quotes and exports' }).getByRole('button', { name: /Quote bank/ }).click();
    const bank = page.getByRole('region', { name: /Quote bank/ });
    for (const name of ['Taha whānau', 'Taha wairua']) {
      await bank.getByLabel('Code to add quotes from').selectOption({ label: `${name} (2)` });
      await bank.getByRole('button', { name: 'Add quotes from code' }).click();
      await bank.getByRole('status').filter({ hasText: '2 coded segments in the quote bank' }).waitFor();
    }
    await expect.poll(() => bank.getByRole('article').count()).toBe(4);
    const card = bankCard(PASSAGES.whakapapa);
    await card.getByText('Awaiting the kaitiaki (Koro Hemi)').waitFor();
    expect((await card.locator('.quote-band').innerText()).replace(/\s+/g, ' ')).toMatch(/Tikanga-based kōrero · Te Whare Oranga rōpū · kaitiaki Koro Hemi/);
    expect(await card.getByLabel('Blocked by the export gate').innerText()).toMatch(/No kaitiaki approval/);
    expect(await card.getByText('Awaiting the kaitiaki (Koro Hemi) — unlock the kaitiaki key to decide').isVisible()).toBe(true);
    expect(await card.getByRole('button', { name: 'Unlock kaitiaki key…' }).isVisible()).toBe(true);
    expect(await card.getByRole('button', { name: 'Approve…' }).count()).toBe(0);
    await app.screenshot('kaitiaki-awaiting');
  });

  it('the kaitiaki unlocks the key from a quote and approves exactly two quotes and refuses one', async () => {
    const first = bankCard(PASSAGES.whakapapa);
    await first.getByRole('button', { name: 'Unlock kaitiaki key…' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Unlock the kaitiaki key of Te Whare Oranga rōpū' });
    await dialog.getByLabel('Passphrase').fill(KAITIAKI_PASSPHRASE);
    await dialog.getByRole('button', { name: 'Choose key file and unlock…' }).click();
    await dialog.waitFor({ state: 'detached' });
    const approve = async (passage: string, output: string, conditions = '') => {
      const card = bankCard(passage);
      await card.getByRole('button', { name: 'Approve…' }).click();
      await card.getByLabel('For which output').fill(output);
      if (conditions) await card.getByLabel('Conditions (optional)').fill(conditions);
      await card.getByRole('button', { name: 'Record approval' }).click();
      await card.getByLabel('Will export as').waitFor();
    };
    await approve(PASSAGES.whakapapa, 'Report to the funder', 'Attributed to the rōpū only');
    await approve(PASSAGES.tuakana, 'Report to the funder');
    const refused = bankCard(PASSAGES.waiata);
    await refused.getByRole('button', { name: 'Refuse…' }).click();
    await refused.getByLabel('Conditions (optional)').fill('Too close to a young person in the community');
    await refused.getByRole('button', { name: 'Record refusal' }).click();
    await refused.getByText(/^Refused$/).waitFor();
    const approved = bankCard(PASSAGES.whakapapa);
    expect(await approved.locator('.qk-lines').innerText()).toMatch(/Approved by Koro Hemi, \d\d\/\d\d\/\d{4} · for Report to the funder · conditions: Attributed to the rōpū only/);
    expect(await approved.getByLabel('Will export as').innerText()).toMatch(/\(Rōpū A, group interview\)/);
    expect(await refused.getByLabel('Blocked by the export gate').innerText()).toMatch(/No kaitiaki approval[\s\S]*kaitiaki refused this quote/);
    await approved.scrollIntoViewIfNeeded();
    await app.screenshot('kaitiaki-decided');
    expect(app.problems).toEqual([]);
  });

  it('the Word quote bank holds exactly the two approved hui quotes, with the group attribution', async () => {
    await lock();
    const { page } = app;
    await bankCard(PASSAGES.whakapapa).getByText('Only Koro Hemi changes it, with the kaitiaki key.').waitFor();
    await page.keyboard.press('Control+Shift+E');
    const dialog = page.getByRole('dialog', { name: 'Export quote bank' });
    await dialog.getByLabel(/Word/).check();
    await dialog.getByRole('button', { name: 'Export' }).click();
    const done = page.getByRole('dialog', { name: 'Quote bank exported' });
    await done.waitFor();
    expect(await done.innerText()).toMatch(/2 quotes exported[\s\S]*2 blocked by the export gate[\s\S]*No kaitiaki approval/);
    const dir = join(app.workDir, 'exports');
    const file = readdirSync(dir).find((f) => f.endsWith('.docx'))!;
    const text = (await mammoth.extractRawText({ path: join(dir, file) })).value;
    expect(text).toContain(PASSAGES.whakapapa);
    expect(text).toContain(PASSAGES.tuakana);
    expect(text).not.toContain('send them back');
    expect(text).not.toContain('learn waiata');
    expect(text.match(/\(Rōpū A, group interview\)/g)).toHaveLength(2);
    for (const n of ['Aroha', 'Koro Hemi', 'Tama', 'Rewiri', 'Ngata']) expect(text).not.toContain(n);
    await done.getByRole('button', { name: 'Show blocked quotes' }).click();
  });

  it('lists the refused and the unapproved with no-kaitiaki-approval; the fix leads to the kaitiaki section', async () => {
    const { page } = app;
    const list = page.getByRole('list', { name: 'Blocked quotes' });
    await list.waitFor();
    const items = list.getByRole('listitem', { name: /Blocked quote/ });
    expect(await items.count()).toBe(2);
    expect(await items.filter({ hasText: 'learn waiata' }).innerText()).toMatch(/No kaitiaki approval[\s\S]*refused this quote[\s\S]*Ask Koro Hemi/);
    const unapproved = items.filter({ hasText: 'send them back' });
    expect(await unapproved.innerText()).toMatch(/No kaitiaki approval[\s\S]*No approval by Te Whare Oranga rōpū's kaitiaki/);
    await app.screenshot('kaitiaki-blocked-list');
    await unapproved.getByRole('button', { name: 'Ask Koro Hemi' }).click();
    const card = bankCard(PASSAGES.hurting);
    await card.getByText('Awaiting the kaitiaki (Koro Hemi)').waitFor();
    expect(await page.getByRole('region', { name: /Quote bank/ }).getByRole('article').count()).toBe(1);
    expect(app.problems).toEqual([]);
  });

  it("returns the rōpū's kōrero, codes and approved quotes from the group's page", async () => {
    const { page } = app;
    await page.getByRole('button', { name: /Te Whare Oranga rōpū/ }).first().click();
    const section = page.getByRole('group', { name: 'Return to the group' });
    await section.scrollIntoViewIfNeeded();
    await section.getByRole('button', { name: 'Return document (Word)…' }).click();
    await section.getByRole('status').filter({ hasText: /2 approved quotes/ }).waitFor();
    await app.screenshot('return-to-group');
    const dir = join(app.workDir, 'exports');
    const file = readdirSync(dir).find((f) => f.endsWith('.docx') && f.includes('kōrero returned'))!;
    const text = (await mammoth.extractRawText({ path: join(dir, file) })).value;
    expect(text).toMatch(/Kōrero returned to Rōpū A/);
    expect(text).toMatch(/Taha whānau: 2 passages/);
    expect(text).not.toContain('not for the report');
    for (const n of ['Aroha Ngata', 'Tama Rewiri', 'Mere Tawhiri']) expect(text).not.toContain(n);
    expect(app.problems).toEqual([]);
  });

  it('the export dialog offers the return document under the return profile', async () => {
    const { page } = app;
    await page.getByRole('group', { name: 'Quotes and exports' }).getByRole('button', { name: /Quote bank/ }).click();
    await page.getByLabel('Export profile').selectOption('return');
    await page.keyboard.press('Control+Shift+E');
    const dialog = page.getByRole('dialog', { name: 'Export quote bank' });
    const ret = dialog.getByRole('group', { name: 'Return to the group' });
    await ret.getByLabel('Group to return to').selectOption({ label: 'Te Whare Oranga rōpū' });
    await ret.getByRole('button', { name: 'Markdown…' }).click();
    await ret.getByRole('status').filter({ hasText: /turns of kōrero/ }).waitFor();
    await app.screenshot('return-in-export-dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByLabel('Export profile').selectOption('report');
  });

  it('a revoked approval is struck through and the quote is blocked again', async () => {
    await unlock();
    const card = bankCard(PASSAGES.tuakana);
    await card.getByRole('button', { name: 'Revoke the approval' }).click();
    await card.locator('.qk-line.is-revoked del').waitFor();
    expect(await card.locator('.qk-line.is-revoked').innerText()).toMatch(/Approved by Koro Hemi[\s\S]*revoked \d\d\/\d\d\/\d{4}/);
    await card.getByLabel('Blocked by the export gate').waitFor();
    await card.getByText('Awaiting the kaitiaki (Koro Hemi)').waitFor();
    await card.scrollIntoViewIfNeeded();
    await app.screenshot('kaitiaki-revoked');
    await lock();
    expect(app.problems).toEqual([]);
  });

  it('the kaitiaki approves a whole export by its label; the refused quote stays refused', async () => {
    const { page } = app;
    const bank = page.getByRole('region', { name: /Quote bank/ });
    await bank.getByLabel('Export name (for the kaitiaki’s approval)').fill('Hui report, June');
    // Locked: the export is awaiting the kaitiaki, who unlocks the key right there.
    const exportGroup = bank.getByRole('group', { name: 'Kaitiaki approval of this export' });
    await exportGroup.getByText('Te Whare Oranga rōpū: awaiting the kaitiaki (Koro Hemi) for “Hui report, June”').waitFor();
    await exportGroup.getByRole('button', { name: 'Unlock kaitiaki key…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Unlock the kaitiaki key of Te Whare Oranga rōpū' });
    await dialog.getByLabel('Passphrase').fill(KAITIAKI_PASSPHRASE);
    await dialog.getByRole('button', { name: 'Choose key file and unlock…' }).click();
    await dialog.waitFor({ state: 'detached' });
    await bank.getByRole('button', { name: /Approve Te Whare Oranga rōpū’s quotes for “Hui report, June”/ }).click();
    await bank.getByText('Approved for “Hui report, June” by Koro Hemi').waitFor();
    await bank.getByRole('tab', { name: 'Blocked (1)' }).waitFor();
    await bankCard(PASSAGES.hurting).getByLabel('Will export as').waitFor();
    await bankCard(PASSAGES.hurting).getByText('Approved with the export “Hui report, June” by Koro Hemi').waitFor();
    expect(await bankCard(PASSAGES.waiata).getByLabel('Blocked by the export gate').innerText()).toMatch(/refused this quote/);
    await app.screenshot('kaitiaki-export-approval');
    // Another export's name is not covered.
    await bank.getByLabel('Export name (for the kaitiaki’s approval)').fill('Conference talk');
    await bank.getByRole('tab', { name: 'Blocked (3)' }).waitFor();
    await bank.getByLabel('Export name (for the kaitiaki’s approval)').fill('');
    await lock();
    expect(app.problems).toEqual([]);
  });
});
