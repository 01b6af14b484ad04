/**
 * The kaitiaki's authority is a key, in the app: Koro Hemi creates the rōpū's kaitiaki key on the
 * group's page (passphrase twice, a strength hint, the fingerprint to read aloud), locks it, and
 * unlocks it again from the quote bank with his passphrase (a wrong one is refused, plainly); then
 * he approves two quotes and refuses one. Working under the name "Koro Hemi" gives nothing: with
 * the key locked, neither this window nor a second one under that name can decide.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptAllCandidates } from '../../core/export/fixture-project';
import { ROOT, launchApp, openApp, type E2EApp, createProjectInPage, coreApi } from '../support/app';

let app: E2EApp;
let ropuId = 0;
const PASSPHRASE = 'kia mau ki te kawa o te rōpū';
const QUOTES = {
  whakapapa: 'When a whānau member comes in, the first thing is finding the connection.',
  tuakana: 'the tuakana-teina way is how we look after each other.',
  waiata: "now he's asking to learn waiata, learn his reo.",
};

beforeAll(async () => {
  // The person at the keyboard types the kaitiaki's name as their own: that must give nothing.
  app = await launchApp({ userName: 'Koro Hemi', viewport: { width: 1400, height: 900 } });
  await openApp(app);
  await createProjectInPage(app, 'Hui tupu');
  const api = coreApi(app);
  await api['participants-import-csv']({ fileName: 'participants.csv', csv: readFileSync(join(ROOT, 'test/fixtures/participants.csv'), 'utf8') });
  const [hui] = await api['import-files']({ files: [{ name: 'hui-tupu-group-interview.txt', path: join(ROOT, 'test/fixtures/hui-tupu-group-interview.txt') }] });
  for (const r of await api['speakers-review']({})) if (r.suggestion.participantId) await api['speakers-map']({ speakerIds: [r.speakerId], participantId: r.suggestion.participantId });
  const people = await api['participants-list']({});
  ropuId = people.find((p) => p.name === 'Te Whare Oranga rōpū')!.id;
  const koro = people.find((p) => p.name === 'Koro Hemi')!;
  await api['source-update']({ sourceId: hui!.sourceId!, groupId: ropuId });
  await api['participant-update']({ id: ropuId, attribution: 'Rōpū A, group interview', kaitiakiId: koro.id });
  const source = await api['source-get']({ sourceId: hui!.sourceId! });
  for (const q of Object.values(QUOTES)) {
    const start = source.text.indexOf(q);
    expect(start).toBeGreaterThan(0);
    await api['quote-from-selection']({ sourceId: source.id, start, end: start + q.length });
  }
  acceptAllCandidates(app.harness.core);
}, 60_000);
afterAll(() => app?.close());

const bank = () => app.page.getByRole('region', { name: /Quote bank/ });
const card = (text: string) => bank().getByRole('article').filter({ hasText: text });
const keySection = () => app.page.getByRole('group', { name: 'Kaitiaki key' });
async function openGroupPage() {
  await app.page.getByRole('button', { name: /Te Whare Oranga rōpū/ }).first().click();
  await keySection().waitFor();
}
async function openQuoteBank() {
  await app.page.getByRole('group', { name: 'Quotes and exports' }).getByRole('button', { name: /Quote bank/ }).click();
  await card(QUOTES.whakapapa).waitFor();
}

describe('the kaitiaki key in the app', () => {
  it('offers no decision to someone working under the kaitiaki’s name before any key exists', async () => {
    await openQuoteBank();
    const c = card(QUOTES.whakapapa);
    await c.getByText('Awaiting the kaitiaki (Koro Hemi) — unlock the kaitiaki key to decide').waitFor();
    expect(await c.getByRole('button', { name: 'Approve…' }).count()).toBe(0);
    expect(await c.getByRole('button', { name: 'Refuse…' }).count()).toBe(0);
    // The unlock dialog says there is no key yet, and where it is made.
    await c.getByRole('button', { name: 'Unlock kaitiaki key…' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Unlock the kaitiaki key of Te Whare Oranga rōpū' });
    await dialog.getByText(/has no kaitiaki key yet: Koro Hemi creates one on the group’s page/).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('creates the key on the group’s page: passphrase twice, a strength hint, the fingerprint to read aloud', async () => {
    const { page } = app;
    await openGroupPage();
    await keySection().getByText('Typing their name gives no authority', { exact: false }).waitFor();
    await keySection().getByRole('button', { name: 'Create kaitiaki key…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create the kaitiaki key of Te Whare Oranga rōpū' });
    const pass = dialog.getByLabel('Passphrase', { exact: true });
    const again = dialog.getByLabel('Passphrase again');
    await pass.fill('kawa');
    await dialog.getByText('Too short: at least 8 characters (4 so far).').waitFor();
    await pass.fill('kiamaukitekawa');
    await dialog.getByText(/^Weak:/).waitFor();
    await pass.fill(PASSPHRASE);
    await dialog.getByText('Strong: a phrase of four or more words.').waitFor();
    expect(await dialog.getByText(/a lost key can be replaced only through a new collective consent record/).isVisible()).toBe(true);
    await app.screenshot('kaitiaki-key-create');
    await again.fill(`${PASSPHRASE}!`);
    await dialog.getByRole('button', { name: 'Create key…' }).click();
    await dialog.getByText('The two passphrases differ: type the same passphrase twice.').waitFor();
    expect(existsSync(join(app.workDir, 'keys'))).toBe(false);
    await again.fill(PASSPHRASE);
    await dialog.getByRole('button', { name: 'Create key…' }).click();
    const done = page.getByRole('dialog', { name: 'Kaitiaki key created' });
    await done.getByText('read the fingerprint aloud to the team and write it down', { exact: false }).waitFor();
    const status = await coreApi(app)['kaitiaki-key-status']({ groupId: ropuId });
    expect(status.fingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
    expect((await done.locator('.tk-fingerprint').innerText()).replace(/\s+/g, ' ')).toBe(status.fingerprint!.replace(/-/g, ' '));
    // The host chose where the key file went (the harness: its keys/ folder), never the project.
    expect(readdirSync(join(app.workDir, 'keys'))).toEqual(['te-whare-oranga-rōpū-kaitiaki-key.focalkey']);
    const file = join(app.workDir, 'keys', 'te-whare-oranga-rōpū-kaitiaki-key.focalkey');
    expect(await done.locator('.tk-key-file code').innerText()).toBe(file);
    expect(readFileSync(file, 'utf8')).not.toContain(PASSPHRASE);
    await app.screenshot('kaitiaki-key-created');
    await done.getByRole('button', { name: 'I have written it down' }).click();
    const state = keySection().getByRole('status', { name: 'Kaitiaki key status' });
    expect(await state.innerText()).toMatch(new RegExp(`Unlocked for this session · fingerprint ${status.fingerprint}`));
    await app.screenshot('kaitiaki-key-unlocked');
    // With the key unlocked, the group's consent is recorded (and signed): quotes can then leave.
    await coreApi(app)['collective-consent-record']({ groupId: ropuId, givenByLabel: 'Koro Hemi', givenOn: '2010-06-14', forAnalysis: true, forQuotes: true, forGroupAttribution: true, forReturn: true });
    await state.getByRole('button', { name: 'Lock' }).click();
    await state.getByText('Locked').waitFor();
    expect(app.problems).toEqual([]);
  });

  it('refuses a wrong passphrase plainly, then unlocks from the quote bank and decides: two approved, one refused', async () => {
    const { page } = app;
    await openQuoteBank();
    const first = card(QUOTES.whakapapa);
    expect(await first.getByRole('button', { name: 'Approve…' }).count()).toBe(0);
    await first.getByRole('button', { name: 'Unlock kaitiaki key…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Unlock the kaitiaki key of Te Whare Oranga rōpū' });
    const status = await coreApi(app)['kaitiaki-key-status']({ groupId: ropuId });
    expect((await dialog.locator('.tk-fingerprint').innerText()).replace(/\s+/g, ' ')).toBe(status.fingerprint!.replace(/-/g, ' '));
    await dialog.getByLabel('Passphrase').fill('kia mau ki te kawa');
    await dialog.getByRole('button', { name: 'Choose key file and unlock…' }).click();
    await dialog.getByRole('alert').getByText('That passphrase does not unlock this key file (or the file was altered).').waitFor();
    expect(await dialog.getByLabel('Passphrase').inputValue()).toBe('');
    await app.screenshot('kaitiaki-key-wrong-passphrase');
    expect(await first.getByRole('button', { name: 'Approve…' }).count()).toBe(0);
    await dialog.getByLabel('Passphrase').fill(PASSPHRASE);
    await dialog.getByRole('button', { name: 'Choose key file and unlock…' }).click();
    await dialog.waitFor({ state: 'detached' });

    const approve = async (text: string, output: string) => {
      const c = card(text);
      await c.getByRole('button', { name: 'Approve…' }).click();
      await c.getByLabel('For which output').fill(output);
      await c.getByRole('button', { name: 'Record approval' }).click();
      await c.getByLabel('Will export as').waitFor();
    };
    await approve(QUOTES.whakapapa, 'Report to the funder');
    await approve(QUOTES.tuakana, 'Report to the funder');
    const refused = card(QUOTES.waiata);
    await refused.getByRole('button', { name: 'Refuse…' }).click();
    await refused.getByLabel('Conditions (optional)').fill('Too close to a young person in the community');
    await refused.getByRole('button', { name: 'Record refusal' }).click();
    await refused.getByText(/^Refused$/).waitFor();
    expect(await card(QUOTES.whakapapa).locator('.qk-lines').innerText()).toMatch(/Approved by Koro Hemi, \d\d\/\d\d\/\d{4} · for Report to the funder/);
    expect(await refused.getByLabel('Blocked by the export gate').innerText()).toMatch(/kaitiaki refused this quote/);
    await app.screenshot('kaitiaki-key-decided');
    // Each decision is a signed statement that verifies: the check lists nothing unverified.
    expect((await coreApi(app)['kaitiaki-check']({})).filter((p) => p.kind === 'kaitiaki-decision-unverified')).toEqual([]);
    expect(app.problems).toEqual([]);
  });

  it('once the key is locked, working as "Koro Hemi" decides nothing, here or in a second window', async () => {
    await openGroupPage();
    await keySection().getByRole('button', { name: 'Lock' }).click();
    await keySection().getByText('Locked', { exact: true }).waitFor();
    await openQuoteBank();
    const refused = card(QUOTES.waiata);
    await refused.getByText('Only Koro Hemi changes it, with the kaitiaki key.').waitFor();
    expect(await refused.getByRole('button', { name: 'Revoke the refusal' }).count()).toBe(0);
    expect(await bank().getByRole('button', { name: 'Approve…' }).count()).toBe(0);

    // A second window, its user also "Koro Hemi": no Approve, and the core refuses a decision.
    const second = await app.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-NZ', timezoneId: 'Pacific/Auckland' });
    try {
      const other = await second.newPage();
      await other.goto(app.harness.appUrl);
      await other.getByRole('heading', { name: 'Hui tupu', level: 1 }).waitFor();
      await other.getByRole('group', { name: 'Quotes and exports' }).getByRole('button', { name: /Quote bank/ }).click();
      const c = other.getByRole('region', { name: /Quote bank/ }).getByRole('article').filter({ hasText: QUOTES.tuakana });
      await c.getByText('Approved by Koro Hemi', { exact: false }).waitFor();
      expect(await other.getByRole('button', { name: 'Approve…' }).count()).toBe(0);
      expect(await c.getByRole('button', { name: 'Revoke the approval' }).count()).toBe(0);
      await other.screenshot({ path: join(ROOT, 'test', 'artifacts', 'kaitiaki-key-second-window.png') });
    } finally {
      await second.close();
    }
    expect(app.harness.core.actor).toBe('Koro Hemi');
    const quotes = await coreApi(app)['quotes-list']({});
    const pending = quotes.find((q) => q.original.includes('tuakana'))!;
    await expect(coreApi(app)['approval-record']({ scope: 'quote', quoteId: pending.id, decision: 'refused' })).rejects.toThrow(/needs the kaitiaki key .* unlocked with Koro Hemi's passphrase/);
    expect(app.problems).toEqual([]);
  });

  it('a statement removed from the file shows as a gap on the group page; only the unlocked key acknowledges it', async () => {
    const { page } = app;
    const db = app.harness.core.requireProject().db;
    // Remove the middle approval: the refusal signed after it names it as its predecessor.
    const ids = db.prepare("SELECT id FROM kaitiaki_statements WHERE kind = 'approval' ORDER BY id").pluck().all() as number[];
    db.prepare('DELETE FROM kaitiaki_statements WHERE id = ?').run(ids[1]);
    app.harness.core.emit('changed', { kinds: ['participants', 'quotes'] });
    await openGroupPage();
    const gap = keySection().getByRole('alert').filter({ hasText: 'A signed statement is missing.' });
    await gap.waitFor();
    const ack = gap.getByRole('button', { name: 'Reviewed: acknowledge the gap' });
    expect(await ack.isDisabled()).toBe(true);
    expect((await coreApi(app)['kaitiaki-check']({})).some((p) => p.kind === 'kaitiaki-record-gap')).toBe(true);
    await gap.scrollIntoViewIfNeeded();
    await app.screenshot('kaitiaki-record-gap');
    await keySection().getByRole('button', { name: 'Unlock key…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Unlock the kaitiaki key of Te Whare Oranga rōpū' });
    await dialog.getByLabel('Passphrase').fill(PASSPHRASE);
    await dialog.getByRole('button', { name: 'Choose key file and unlock…' }).click();
    await dialog.waitFor({ state: 'detached' });
    await ack.click();
    await gap.waitFor({ state: 'detached' });
    expect((await coreApi(app)['kaitiaki-check']({})).some((p) => p.kind === 'kaitiaki-record-gap')).toBe(false);
    expect(app.problems).toEqual([]);
  });
});
