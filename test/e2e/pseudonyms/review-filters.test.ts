/**
 * Reviewing one focus group before exporting its quotes: a project with two transcripts; the
 * person filters to one transcript and a kind, searches (whanau finds Whānau), sees only the
 * expected candidates in reading order with counts per filter value, opens the transcript at a
 * candidate's first place, and meets an empty state that says what to do next. Screenshots along
 * the way (test/artifacts/pseudonyms-filter-*.png).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreApi, createProjectInPage, launchApp, openApp, type E2EApp } from '../support/app';

const A = [
  'Facilitator: Kia ora koutou. Tell me how the clinic went.',
  '',
  'Tama: My whānau took me to Porirua first. Then Jason Whitu rang me on 021 555 0143 about the hospital.',
  '',
  'Facilitator: And after that?',
  '',
  'Tama: Jason Whitu came with me to Wellington. You can email me at tama@example.org if you need to.',
  '',
].join('\n');
const B = ['Facilitator: Kia ora. What helped you most?', '', 'Ana: The Whānau Ora navigator in Porirua. My NHI is ZAB1234 on the forms.', '', 'Ana: Jason Whitu from the trust rang me too.', ''].join('\n');

let app: E2EApp;

beforeAll(async () => {
  app = await launchApp({ userName: 'Mere Analyst', viewport: { width: 1400, height: 900 } });
  await openApp(app);
  await createProjectInPage(app, 'Two rōpū');
  const dir = join(app.workDir, '..');
  writeFileSync(join(dir, 'Rōpū Whānau A.txt'), A);
  writeFileSync(join(dir, 'Rōpū Tāne B.txt'), B);
  await coreApi(app)['import-files']({ files: ['Rōpū Whānau A.txt', 'Rōpū Tāne B.txt'].map((name) => ({ name, path: join(dir, name) })) });
}, 60_000);
afterAll(() => app?.close());

const rows = () => app.page.getByRole('region', { name: 'Pseudonyms' }).locator('ul.candidate-list > li');
/** The row of one candidate (other rows may mention it in their context). */
const row = (text: string) => rows().filter({ has: app.page.locator('.candidate-line > .candidate-text', { hasText: new RegExp(`^${text}$`) }) });
const rowTexts = async () => (await rows().locator('.candidate-text').allInnerTexts()).map((t) => t.trim());

describe('filtering the review to one focus group', () => {
  it('shows every pending identifier of the project, with counts per status', async () => {
    const { page } = app;
    await page.getByRole('group', { name: 'Pseudonymisation' }).getByRole('button', { name: /Pseudonyms/ }).click();
    const view = page.getByRole('region', { name: 'Pseudonyms' });
    await view.getByRole('list', { name: 'Identifiers to review' }).waitFor();
    await expect.poll(rowTexts).toHaveLength(7);
    const status = view.getByRole('radiogroup', { name: 'Status' });
    expect(await status.innerText()).toMatch(/To review\s*7\s*Covered by a rule\s*0\s*Not identifying\s*0\s*All/);
    // Each row names the transcripts it occurs in.
    expect(await row('Jason Whitu').locator('.candidate-where').innerText()).toMatch(/In Rōpū Whānau A \(2\), Rōpū Tāne B \(1\)/);
    const transcript = view.getByLabel('Transcript');
    expect(await transcript.locator('option').allInnerTexts()).toEqual(['All transcripts', 'Rōpū Whānau A (5)', 'Rōpū Tāne B (4)']);
    expect(app.problems).toEqual([]);
    await app.screenshot('pseudonyms-filter-all');
  });

  it('one transcript: its candidates in reading order, then one kind', async () => {
    const view = app.page.getByRole('region', { name: 'Pseudonyms' });
    await view.getByLabel('Transcript').selectOption({ label: 'Rōpū Whānau A (5)' });
    await expect.poll(rowTexts).toEqual(['Porirua', 'Jason Whitu', '021 555 0143', 'Wellington', 'tama@example.org']);
    expect(await view.getByLabel('Order').inputValue()).toBe('position');
    expect(await view.getByRole('status').filter({ hasText: 'identifiers' }).innerText()).toBe('5 identifiers in Rōpū Whānau A, in reading order');
    // Filtered to one transcript, a row says where it first occurs.
    expect(await row('Wellington').locator('.candidate-where').innerText()).toMatch(/First in turn 4 of 4/);
    await app.screenshot('pseudonyms-filter-transcript');

    const kind = view.getByLabel('Kind');
    expect(await kind.locator('option').allInnerTexts()).toEqual(['All kinds (5)', 'Name (1)', 'Place (2)', 'Phone number (1)', 'Email (1)']);
    await kind.selectOption('place');
    await expect.poll(rowTexts).toEqual(['Porirua', 'Wellington']);
    // Transcript counts follow the kind.
    expect(await view.getByLabel('Transcript').locator('option').allInnerTexts()).toEqual(['All transcripts', 'Rōpū Whānau A (2)', 'Rōpū Tāne B (1)']);
    expect(app.problems).toEqual([]);
  });

  it('searches folded, in the candidate or the words near it', async () => {
    const view = app.page.getByRole('region', { name: 'Pseudonyms' });
    await view.getByLabel('Kind').selectOption('');
    await view.getByLabel('Search').fill('whanau');
    // "My whānau took me to Porirua first. Then Jason Whitu rang me…": both have it near them.
    await expect.poll(rowTexts).toEqual(['Porirua', 'Jason Whitu']);
    const porirua = row('Porirua');
    expect(await porirua.locator('.candidate-examples').innerText()).toMatch(/My whānau took me to Porirua first/);
    await app.screenshot('pseudonyms-filter-search');
    // The other transcript, same search: the service and what is near it.
    await view.getByLabel('Transcript').selectOption({ label: 'Rōpū Tāne B (3)' });
    await expect.poll(rowTexts).toEqual(['Whānau Ora', 'Porirua', 'ZAB1234']);
    expect(app.problems).toEqual([]);
  });

  it('says what to do when nothing matches, and clears the filters', async () => {
    const view = app.page.getByRole('region', { name: 'Pseudonyms' });
    await view.getByLabel('Search').fill('kūmara');
    const empty = view.locator('.review-empty');
    await empty.waitFor();
    expect(await empty.innerText()).toMatch(/No identifiers matching “kūmara” in Rōpū Tāne B with this status\. Check the spelling/);
    await app.screenshot('pseudonyms-filter-empty');
    await empty.getByRole('button', { name: 'Clear kind and search' }).click();
    await expect.poll(rowTexts).toEqual(['Whānau Ora', 'Porirua', 'ZAB1234', 'Jason Whitu']);
    expect(await view.getByLabel('Search').inputValue()).toBe('');
  });

  it('accepting a suggestion moves it to Covered, with the counts', async () => {
    const view = app.page.getByRole('region', { name: 'Pseudonyms' });
    await row('ZAB1234').getByRole('button', { name: /^Accept/ }).click();
    await expect.poll(rowTexts).toEqual(['Whānau Ora', 'Porirua', 'Jason Whitu']);
    const status = view.getByRole('radiogroup', { name: 'Status' });
    await expect.poll(() => status.innerText()).toMatch(/To review\s*3\s*Covered by a rule\s*1\s*Not identifying\s*0/);
    await status.getByText('Covered by a rule').click();
    await expect.poll(rowTexts).toEqual(['ZAB1234']);
    expect(await rows().first().innerText()).toMatch(/replaced → \[NHI number\]/);
    expect(await view.getByRole('list', { name: 'Identifiers covered by a rule' }).count()).toBe(1);
    await app.screenshot('pseudonyms-filter-covered');
    await status.getByText('To review').click();
    await expect.poll(rowTexts).toHaveLength(3);
    expect(app.problems).toEqual([]);
  });

  it('opens the transcript at a candidate’s first place', async () => {
    const { page } = app;
    await row('Jason Whitu').getByRole('button', { name: 'Open Rōpū Tāne B at the first Jason Whitu' }).click();
    await page.getByRole('heading', { name: 'Rōpū Tāne B' }).first().waitFor();
    await expect.poll(() => page.getByText('Jason Whitu from the trust rang me too.').isVisible()).toBe(true);
    expect(app.problems).toEqual([]);
    await app.screenshot('pseudonyms-filter-opened');
  });

  it('fits a narrow window: the filters wrap, nothing runs off the pane', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 760 });
    await page.getByRole('group', { name: 'Pseudonymisation' }).getByRole('button', { name: /Pseudonyms/ }).click();
    const view = page.getByRole('region', { name: 'Pseudonyms' });
    await view.getByLabel('Transcript').selectOption({ label: 'Rōpū Whānau A (5)' });
    await expect.poll(rowTexts).toHaveLength(5);
    const scroll = view.locator('.pseudo-body');
    expect(await scroll.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    // The status choices stay on one line each ("Covered by a rule 0", not broken between words).
    for (const segment of await view.locator('.review-status .segment').all()) {
      const box = (await segment.boundingBox())!;
      expect(box.height).toBeLessThan(32);
    }
    expect(app.problems).toEqual([]);
    await app.screenshot('pseudonyms-filter-narrow');
  });
});
