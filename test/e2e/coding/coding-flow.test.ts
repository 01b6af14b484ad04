/**
 * A person codes a hui transcript in the real app: creates two codes, codes three passages (quick
 * picker typed without macrons, a click in the tree, a drag onto the selection), creates a code
 * from the picker, merges two codes, undoes and redoes, and watches the counts follow; then
 * retrieves a code's segments and jumps back to one. Screenshots go to test/artifacts/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceDetail } from '../../../shared/domain/project';
import { launchApp, openApp, type E2EApp, createProjectInPage, importFixture, coreApi } from '../support/app';
import { VIEW, openSource } from '../transcript/view-page';
import { codeRow, count, mod, selectText, tree, waitForCount } from './coding-page';
import { openTikangaTo } from '../../support/open-frames';

let app: E2EApp;
let source: SourceDetail;

beforeAll(async () => {
  app = await launchApp({ userName: 'Aroha Ngata', viewport: { width: 1360, height: 880 } });
  await openApp(app);
  await createProjectInPage(app, 'Te Whare Oranga coding');
  source = await importFixture(app, 'hui-tupu-group-interview.txt');
  // A tikanga-based hui is kept apart from mainstream frames; with no kaitiaki named the project opens it on purpose.
  await openTikangaTo(coreApi(app), (await coreApi(app)['frames-list']({}))[0]!.id);
});
afterAll(() => app?.close());

const page = () => app.page;

async function newCode(name: string): Promise<void> {
  await page().getByRole('button', { name: 'New code', exact: true }).click();
  await page().getByLabel('Name', { exact: true }).fill(name);
  await page().getByRole('button', { name: 'Create code' }).click();
  await codeRow(page(), name).waitFor();
}

describe('coding a transcript', () => {
  it('starts with an empty tree that says what to do', async () => {
    await openSource(page(), /Kaupapa Māori peer service/);
    await page().locator(`${VIEW} .tv-turn`).last().waitFor();
    const pane = page().locator('#pane-codes');
    expect(await pane.getByText(/No codes in “Codes” yet/).isVisible()).toBe(true);
  });

  it('creates codes from the New code dialog', async () => {
    await newCode('Whānau');
    await newCode('Trust');
    await newCode('Māori health');
    expect(await tree(page()).getByRole('treeitem').count()).toBe(3);
    expect(await count(page(), 'Whānau')).toBe(0);
  });

  it('codes a passage from the quick picker, typed without macrons', async () => {
    expect(await selectText(page(), 'finding the connection')).toBeTruthy();
    await page().keyboard.press(`${mod}+k`);
    const input = page().getByRole('combobox', { name: 'Code name' });
    await input.fill('whanau');
    const first = page().getByRole('option').first();
    expect(await first.locator('.picker-name').textContent()).toBe('Whānau');
    await input.press('Enter');
    await waitForCount(page(), 'Whānau', 1);
    // The highlight is painted in the code's colour and names the code, the coder and the day.
    const hl = page().locator(`${VIEW} .tv-hl`).first();
    await hl.waitFor();
    expect(await hl.textContent()).toBe('finding the connection');
    expect(await hl.getAttribute('title')).toMatch(/^Whānau — Aroha Ngata, \d\d\/\d\d\/\d{4}$/);
    expect(await page().locator(`${VIEW} .tv-stripe`).count()).toBe(1);
  });

  it('picker finds Māori from "maori"', async () => {
    await selectText(page(), 'mental health is whanau health');
    await page().keyboard.press(`${mod}+k`);
    await page().getByRole('combobox', { name: 'Code name' }).fill('maori');
    expect(await page().getByRole('option').first().locator('.picker-name').textContent()).toBe('Māori health');
    await page().getByRole('combobox', { name: 'Code name' }).press('Enter');
    await waitForCount(page(), 'Māori health', 1);
  });

  it('codes a passage by clicking a code in the tree', async () => {
    await selectText(page(), 'they start to feel safe');
    await codeRow(page(), 'Trust').click();
    await waitForCount(page(), 'Trust', 1);
  });

  it('codes a passage by dragging a code onto the selection', async () => {
    await selectText(page(), 'We\'d rather get to know them');
    await codeRow(page(), 'Trust').dragTo(page().locator(`${VIEW} .tv-turn`, { hasText: "We'd rather get to know them" }));
    await waitForCount(page(), 'Trust', 2);
    await app.screenshot('coding-three-passages');
  });

  it('creates a code from the picker and applies it in one step', async () => {
    await selectText(page(), 'the tuakana-teina way');
    await page().keyboard.press(`${mod}+k`);
    await page().getByRole('combobox', { name: 'Code name' }).fill('Tuakana teina');
    const create = page().getByRole('option', { name: /Create “Tuakana teina” and apply/ });
    await create.waitFor();
    await app.screenshot('coding-picker-create');
    await create.click();
    await waitForCount(page(), 'Tuakana teina', 1);
  });

  it('merges two codes, and undoes and redoes the merge', async () => {
    // The selection was coded already: clicking a code now only selects it.
    await codeRow(page(), 'Trust').click();
    await page().getByRole('toolbar', { name: 'Actions on Trust' }).waitFor();
    expect(await count(page(), 'Trust')).toBe(2);
    await page().getByRole('button', { name: 'Merge…' }).click();
    await page().getByLabel('Merge into').selectOption({ label: 'Whānau' });
    await app.screenshot('coding-merge-dialog');
    await page().getByRole('dialog').getByRole('button', { name: 'Merge' }).click();
    await waitForCount(page(), 'Whānau', 3);
    expect(await codeRow(page(), 'Trust').count()).toBe(0);
    await expect.poll(() => page().getByTestId('undo-button').textContent()).toMatch(/Undo: Merge "Trust" into "Whānau"/);

    await page().locator('body').click({ position: { x: 5, y: 5 } });
    await page().keyboard.press(`${mod}+z`);
    await waitForCount(page(), 'Trust', 2);
    await waitForCount(page(), 'Whānau', 1);
    expect(await page().getByTestId('toast').textContent()).toMatch(/Undone: Merge/);

    await page().keyboard.press(`${mod}+Shift+z`);
    await waitForCount(page(), 'Whānau', 3);
    expect(await codeRow(page(), 'Trust').count()).toBe(0);
    await app.screenshot('coding-after-merge');
    // The coding bar is one row: a recent code that does not fit is out of sight and out of the Tab order.
    const chips = (await page().evaluate(`(() => {
      const row = document.querySelector('.selection-recent').getBoundingClientRect();
      return Array.from(document.querySelectorAll('.selection-recent .code-chip')).map((c) => {
        const r = c.getBoundingClientRect();
        return { shown: r.top >= row.top - 1 && r.bottom <= row.bottom + 1, tab: c.tabIndex, hidden: c.getAttribute('aria-hidden') !== null };
      });
    })()`)) as Array<{ shown: boolean; tab: number; hidden: boolean }>;
    expect(chips.length).toBeGreaterThan(0);
    for (const c of chips) expect(c).toEqual(c.shown ? { shown: true, tab: 0, hidden: false } : { shown: false, tab: -1, hidden: true });
    expect(await page().locator('.selection-bar').evaluate((el) => el.getBoundingClientRect().height)).toBeLessThan(45);
  });

  it('removes a code from a passage', async () => {
    await selectText(page(), 'mental health is whanau health');
    const chip = page().getByRole('button', { name: 'Remove Māori health from this passage' });
    await chip.click();
    await waitForCount(page(), 'Māori health', 0);
  });

  it('codes a whole turn with Code turn…', async () => {
    await selectText(page(), 'Our whānau know that');
    await page().getByRole('button', { name: 'Code turn…' }).click();
    await page().getByRole('combobox', { name: 'Code name' }).fill('tuakana');
    await page().getByRole('combobox', { name: 'Code name' }).press('Enter');
    await waitForCount(page(), 'Tuakana teina', 2);
    const turn = source.blocks.find((b) => source.text.slice(b.start, b.end).startsWith('Our whānau know that'));
    const codings = await app.harness.core.call('codings-list', { sourceId: source.id });
    if (!codings.ok) throw new Error(codings.error.message);
    expect((codings.value as Array<{ start: number; end: number }>).some((c) => c.start === turn?.start && c.end === turn?.end)).toBe(true);
  });

  it('lists a code\'s segments and jumps to one', async () => {
    await codeRow(page(), 'Whānau').click();
    // Kept apart by default: in a mainstream frame, retrieval shows focus groups and interviews;
    // the hui's segments are one explicit choice away.
    await page().getByText('Nothing coded with “Whānau” in focus groups and interviews.', { exact: false }).waitFor();
    await page().getByRole('combobox', { name: 'Mode' }).selectOption('tikanga');
    const list = page().getByRole('list', { name: 'Segments coded Whānau' });
    await list.getByRole('listitem').nth(2).waitFor();
    expect(await page().getByTestId('retrieval-count').textContent()).toBe('3 segments');
    const texts = await list.locator('.rv-coded').allTextContents();
    expect(texts).toEqual(['finding the connection', 'they start to feel safe', "We'd rather get to know them"]);
    expect(await list.locator('.rv-speaker').first().textContent()).toBe('Aroha Ngata');
    await list.getByRole('button', { name: /We'd rather get to know them/ }).click();
    await expect.poll(() => page().evaluate('CSS.highlights.has("tv-flash")')).toBe(true);
    // Both modes is a choice that says what it means.
    await page().getByRole('combobox', { name: 'Mode' }).selectOption('both');
    await page().getByTestId('mode-mix-note').waitFor();
    expect(await page().getByTestId('retrieval-count').textContent()).toBe('3 segments');
    await app.screenshot('coding-retrieval');
    expect(app.problems).toEqual([]);
  });
});
