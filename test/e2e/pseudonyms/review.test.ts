/**
 * Pseudonyms in the browser: a person opens the review, looks at the detections in one passage
 * (highlighted in the text), adds a rule with a variant, marks a maunga not identifying, accepts a
 * suggestion by keyboard, previews the replaced text, then checks the rules, the decisions (and
 * undoes one) and suggests a pseudonym for a participant. Screenshots along the way.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold } from '../../../shared/text/fold';
import { launchApp, openApp, type E2EApp, createProjectInPage, coreApi } from '../support/app';

const FIXTURES = join(process.cwd(), 'test/fixtures');
const TRANSCRIPTS = ['hui-tupu-group-interview.txt', 'focus-group-lived-experience.vtt', 'individual-interview-manager.srt', 'workshop-feedback.tsv'];
let app: E2EApp;

beforeAll(async () => {
  app = await launchApp({ userName: 'Mere Analyst', viewport: { width: 1400, height: 900 } });
  await openApp(app);
  await createProjectInPage(app, 'Peer support study');
  const api = coreApi(app);
  await api['import-files']({ files: TRANSCRIPTS.map((name) => ({ name, path: join(FIXTURES, name) })) });
  await api['participants-import-csv']({ fileName: 'participants.csv', csv: readFileSync(join(FIXTURES, 'participants.csv'), 'utf8') });
  // The speaker review done (as "Accept all suggestions"): a first name that is also a word (Aroha)
  // is taken as the participant only where she speaks, so her pseudonym needs her turns mapped.
  for (const row of await api['speakers-review']({ unmappedOnly: true })) {
    const s = row.suggestion;
    if (s.participantId) await api['speakers-map']({ speakerIds: [row.speakerId], participantId: s.participantId, role: s.role });
  }
  // Talk that looks like markup must show as the words it is, never as HTML.
  const odd = join(app.workDir, '..', 'markup-talk.txt');
  writeFileSync(odd, 'Interviewer: What did she write?\n\nTui: She wrote <img src=x onerror="window.__pwned=1"> <b>bold</b> and then Bronwyn said no.\n');
  await api['import-files']({ files: [{ name: 'markup-talk.txt', path: odd }] });
}, 60_000);
afterAll(() => app?.close());

describe('reviewing detected identifiers', () => {
  it('lists what is still to review across the project, with contexts', async () => {
    const { page } = app;
    const nav = page.getByRole('group', { name: 'Pseudonymisation' });
    await nav.getByRole('button', { name: /Pseudonyms/ }).click();
    const view = page.getByRole('region', { name: 'Pseudonyms' });
    const list = view.getByRole('list', { name: 'Identifiers to review' });
    await list.waitFor();
    await expect.poll(() => list.getByRole('listitem').filter({ hasText: 'ZAB1234' }).count()).toBeGreaterThan(0);
    const nhi = list.locator(':scope > li').filter({ hasText: 'ZAB1234' });
    expect(await nhi.innerText()).toMatch(/NHI number[\s\S]*the NHI number, ZAB1234, that kind of thing/);
    expect(await nhi.innerText()).toMatch(/check character does not validate/);
    // Covered register names (participants with pseudonyms) are not listed as to review.
    expect(await list.locator(':scope > li').filter({ hasText: /^Aroha/ }).count()).toBe(0);
    expect(app.problems).toEqual([]);
    await app.screenshot('pseudonyms-to-review');
  });

  it('reviews one passage: adds a rule with a variant, marks a maunga not identifying, accepts by keyboard', async () => {
    const { page } = app;
    const view = page.getByRole('region', { name: 'Pseudonyms' });
    const jason = view.getByRole('list', { name: 'Identifiers to review' }).locator(':scope > li').filter({ hasText: 'Jason Whitu' });
    await jason.getByRole('button', { name: 'Review the passage' }).first().click();
    const review = view.getByRole('region', { name: /Identifiers in Passage in/ });
    await review.waitFor();
    const text = review.getByTestId('detection-text');
    expect(await text.innerText()).toMatch(/^Yeah\. I had a young fella last month, Jason Whitu, came to us from the Hutt\./);
    // Highlights are marks around the detected words, rendered as text.
    expect(await text.locator('mark').allInnerTexts()).toEqual(['Jason Whitu', 'Hutt', 'Hikurangi']);
    expect(await text.locator('mark.detected-pending').count()).toBe(3);
    await app.screenshot('pseudonyms-passage-review');

    const items = review.getByRole('list', { name: 'Detected identifiers' });
    const jasonItem = items.getByRole('listitem', { name: /^Jason Whitu/ });
    await jasonItem.getByRole('button', { name: 'Add as rule…' }).click();
    const form = jasonItem.getByRole('form', { name: /New rule/ });
    await form.getByLabel('Variants').fill('Jason');
    await form.getByLabel('Replacement').fill('[a young man]');
    await app.screenshot('pseudonyms-add-rule');
    await form.getByRole('button', { name: 'Save rule' }).click();
    await expect.poll(() => items.getByRole('listitem', { name: /^Jason Whitu/ }).innerText()).toMatch(/replaced → \[a young man\]/);

    await items.getByRole('listitem', { name: /^Hikurangi/ }).getByRole('button', { name: 'Not identifying' }).click();
    await expect.poll(() => items.getByRole('listitem', { name: /^Hikurangi/ }).innerText()).toMatch(/not identifying/);

    // Keyboard: focus the Hutt row and press A to accept its suggestion.
    await items.getByRole('listitem', { name: /^Hutt/ }).focus();
    await page.keyboard.press('a');
    await expect.poll(() => items.getByRole('listitem', { name: /^Hutt/ }).innerText()).toMatch(/replaced → \[town\]/);
    expect(await review.getByText('all resolved').count()).toBe(1);

    await review.getByRole('button', { name: 'Preview replaced text' }).click();
    const preview = review.getByLabel('Preview with replacements (in the app only)');
    await preview.waitFor();
    const shown = await preview.innerText();
    expect(shown).toMatch(/a young fella last month, \[a young man\], came to us from the \[town\]\. .* to Hikurangi,/);
    expect(shown).not.toMatch(/Jason/);
    expect(app.problems).toEqual([]);
    await app.screenshot('pseudonyms-passage-resolved');
    await review.getByRole('button', { name: 'Done' }).click();
  });

  it('shows talk that looks like markup as text, and moves between detections with the arrow keys', async () => {
    const { page } = app;
    const view = page.getByRole('region', { name: 'Pseudonyms' });
    const bronwyn = view.getByRole('list', { name: 'Identifiers to review' }).locator(':scope > li').filter({ hasText: 'Bronwyn' });
    await bronwyn.getByRole('button', { name: 'Review the passage' }).first().click();
    const review = view.getByRole('region', { name: /Identifiers in Passage in/ });
    const text = review.getByTestId('detection-text');
    await text.waitFor();
    expect(await text.innerText()).toBe('She wrote <img src=x onerror="window.__pwned=1"> <b>bold</b> and then Bronwyn said no.');
    expect(await review.locator('img, b').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await text.locator('mark').allInnerTexts()).toEqual(['Bronwyn']);
    await review.getByRole('button', { name: 'Done' }).click();
    // ↑↓ move between items of the review list.
    const items = view.getByRole('list', { name: 'Identifiers to review' }).locator(':scope > li');
    await items.nth(0).focus();
    await page.keyboard.press('ArrowDown');
    expect(await items.nth(1).evaluate((el) => el === (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement)).toBe(true);
    expect(app.problems).toEqual([]);
  });

  it('shows the rules and the decisions; undoing a decision puts the text back to review', async () => {
    const { page } = app;
    const view = page.getByRole('region', { name: 'Pseudonyms' });
    await view.getByRole('tab', { name: /Rules/ }).click();
    const rules = view.getByRole('table', { name: 'Replacement rules' });
    await rules.waitFor();
    const row = rules.getByRole('row').filter({ hasText: 'Jason Whitu' });
    expect(await row.innerText()).toMatch(/Jason Whitu\s+Jason\s+\[a young man\]\s+Third party/);
    await app.screenshot('pseudonyms-rules');
    // Edit the replacement, then delete the rule: the name is back to review.
    await rules.getByRole('button', { name: 'Edit the rule for Jason Whitu' }).click();
    const edit = view.getByRole('form', { name: 'Edit the rule for Jason Whitu' });
    await edit.getByLabel('Replacement').fill('[a rangatahi]');
    await edit.getByRole('button', { name: 'Save rule' }).click();
    await expect.poll(() => rules.getByRole('row').filter({ hasText: 'Jason Whitu' }).innerText()).toMatch(/\[a rangatahi\]/);
    await rules.getByRole('button', { name: 'Delete the rule for Jason Whitu' }).click();
    await expect.poll(() => rules.getByRole('row').filter({ hasText: 'Jason Whitu' }).count()).toBe(0);

    await view.getByRole('tab', { name: /Not identifying/ }).click();
    const decisions = view.getByRole('list', { name: 'Marked not identifying' });
    expect(await decisions.innerText()).toMatch(/Hikurangi\s+by Mere Analyst/);
    await decisions.getByRole('button', { name: 'Review Hikurangi again' }).click();
    await view.getByText(/Nothing marked not identifying/).waitFor();
    await view.getByRole('tab', { name: /To review/ }).click();
    const toReview = view.getByRole('list', { name: 'Identifiers to review' }).locator(':scope > li');
    await toReview.filter({ hasText: 'Hikurangi' }).first().waitFor();
    await toReview.filter({ hasText: 'Jason Whitu' }).first().waitFor();
    expect(app.problems).toEqual([]);
  });

  it('suggests a pseudonym that is no real name in the project', async () => {
    const { page } = app;
    const view = page.getByRole('region', { name: 'Pseudonyms' });
    await view.getByRole('tab', { name: /Participants/ }).click();
    const table = view.getByRole('table', { name: "Participants' pseudonyms" });
    // The register gives Koro Hemi the pseudonym "Koro": his own first name, so it is pointed out.
    expect(await table.getByRole('row').filter({ hasText: 'Koro Hemi' }).innerText()).toMatch(/“Koro” is also part of their own name/);
    const row = table.getByRole('row').filter({ hasText: 'Waiata Henare' });
    await row.getByRole('button', { name: 'Suggest' }).click();
    await expect.poll(() => row.getByRole('textbox').inputValue()).not.toBe('');
    const value = await row.getByRole('textbox').inputValue();
    // Saved in the core, not just shown.
    await expect.poll(async () => ((await (await fetchPeople()).json()) as { name: string; pseudonym: string | null }[]).find((p) => p.name === 'Waiata Henare')?.pseudonym).toBe(value);
    const people = await (await fetchPeople()).json();
    const taken = new Set((people as { name: string; pseudonym: string | null; id: number }[]).filter((p) => p.name !== 'Waiata Henare').flatMap((p) => [...p.name.split(' '), p.pseudonym ?? '']).map(fold));
    expect(taken.has(fold(value))).toBe(false);
    // A real name is refused with a reason.
    await row.getByRole('textbox').fill('Aroha');
    await row.getByRole('textbox').press('Enter');
    await row.getByRole('alert').waitFor();
    expect(await row.getByRole('alert').innerText()).toMatch(/real name in this project/);
    expect(app.problems).toEqual([]);
    await app.screenshot('pseudonyms-participants');
  });
});

async function fetchPeople() {
  const env = await app.harness.core.call('participants-list', {});
  if (!env.ok) throw new Error(env.error.message);
  return { json: async () => env.value };
}
