/**
 * The rest of the coding workspace in the real app: the code tree by keyboard (F2 rename, Alt+arrows
 * to nest and un-nest, Delete with its preview), a second frame, auto-coding with its preview,
 * and a memo written on a transcript, found again from the Memos view without macrons.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, launchApp, openApp, type E2EApp, createProjectInPage, coreApi } from '../support/app';
import { VIEW, openSource } from '../transcript/view-page';
import { codeRow, mod, tree, waitForCount } from './coding-page';
import { openTikangaTo } from '../../support/open-frames';

let app: E2EApp;
let frameId: number;
const page = () => app.page;

beforeAll(async () => {
  app = await launchApp({ userName: 'Mere Tawhiri', viewport: { width: 1360, height: 880 } });
  await openApp(app);
  await createProjectInPage(app, 'Hui analysis');
  const fixture = 'hui-tupu-group-interview.txt';
  const imported = await app.harness.core.call('import-files', { files: [{ name: fixture, path: join(ROOT, 'test', 'fixtures', fixture) }], onDuplicate: 'import' });
  if (!imported.ok) throw new Error(imported.error.message);
  const frames = await app.harness.core.call('frames-list', {});
  if (!frames.ok) throw new Error(frames.error.message);
  frameId = (frames.value as Array<{ id: number }>)[0]!.id;
  // A tikanga-based hui is kept apart from mainstream frames; with no kaitiaki named the project opens it on purpose.
  await openTikangaTo(coreApi(app), frameId);
  for (const name of ['Connection', 'Whakapapa', 'Healing']) await app.harness.core.call('code-create', { frameId, name });
  await openSource(page(), /Kaupapa Māori peer service/);
  await page().locator(`${VIEW} .tv-turn`).last().waitFor();
});
afterAll(() => app?.close());

const names = async () => tree(page()).locator('.code-name').allTextContents();
const levels = async () => tree(page()).getByRole('treeitem').evaluateAll((els) => els.map((e) => e.getAttribute('aria-level')));

describe('the code tree by keyboard', () => {
  it('renames with F2 and nests and un-nests with Alt+arrows', async () => {
    await codeRow(page(), 'Whakapapa').click();
    await page().keyboard.press('F2');
    const field = page().getByRole('textbox', { name: 'Rename Whakapapa' });
    await field.fill('Whakapapa links');
    await field.press('Enter');
    await codeRow(page(), 'Whakapapa links').waitFor();
    await codeRow(page(), 'Whakapapa links').focus();
    await page().keyboard.press('Alt+ArrowRight');
    await expect.poll(levels).toEqual(['1', '2', '1']);
    expect(await names()).toEqual(['Connection', 'Whakapapa links', 'Healing']);
    await page().keyboard.press('Alt+ArrowLeft');
    await expect.poll(levels).toEqual(['1', '1', '1']);
    await page().keyboard.press('Alt+ArrowUp');
    await expect.poll(names).toEqual(['Whakapapa links', 'Connection', 'Healing']);
    // Undo (Ctrl+Z) puts the order back.
    await page().keyboard.press(`${mod}+z`);
    await expect.poll(names).toEqual(['Connection', 'Whakapapa links', 'Healing']);
  });

  it('moves a code by drag and drop, and merges with Alt held while dropping', async () => {
    await app.harness.core.call('code-create', { frameId, name: 'Tikanga' });
    await codeRow(page(), 'Tikanga').waitFor();
    // Onto the middle of Connection: inside it.
    await codeRow(page(), 'Tikanga').dragTo(codeRow(page(), 'Connection'));
    await expect.poll(levels).toEqual(['1', '2', '1', '1']);
    expect(await names()).toEqual(['Connection', 'Tikanga', 'Whakapapa links', 'Healing']);
    await codeRow(page(), 'Tikanga').click();
    await app.screenshot('coding-tree-nested');
    // Onto the top edge of Connection: before it, at the top level.
    await codeRow(page(), 'Tikanga').dragTo(codeRow(page(), 'Connection'), { targetPosition: { x: 40, y: 2 } });
    await expect.poll(names).toEqual(['Tikanga', 'Connection', 'Whakapapa links', 'Healing']);
    await expect.poll(levels).toEqual(['1', '1', '1', '1']);
    // With Alt held: merged into Healing.
    await page().keyboard.down('Alt');
    await codeRow(page(), 'Tikanga').dragTo(codeRow(page(), 'Healing'));
    await page().keyboard.up('Alt');
    await expect.poll(names).toEqual(['Connection', 'Whakapapa links', 'Healing']);
    expect(await page().getByTestId('toast').textContent()).toBe('Merged “Tikanga” into “Healing”.');
  });

  it('deletes a code after saying what will be lost', async () => {
    await codeRow(page(), 'Healing').click();
    await page().keyboard.press('Delete');
    await page().getByTestId('delete-preview').waitFor();
    expect(await page().getByTestId('delete-preview').textContent()).toMatch(/nothing is coded with it/);
    await page().getByRole('button', { name: 'Delete code' }).click();
    await expect.poll(names).toEqual(['Connection', 'Whakapapa links']);
    // The keyboard user is back in the tree, not dropped on the page.
    await expect.poll(() => page().evaluate(`document.activeElement?.getAttribute('role')`)).toBe('treeitem');
  });

  it('keeps a separate tree per frame and remembers the frame in use', async () => {
    await page().getByRole('button', { name: 'New code frame' }).click();
    await page().getByLabel('Name', { exact: true }).fill('Kaupapa Māori');
    await page().getByLabel('Kaupapa Māori', { exact: true }).check();
    await page().getByRole('button', { name: 'Create frame' }).click();
    await page().getByText('No codes in “Kaupapa Māori” yet.', { exact: false }).waitFor();
    await page().reload();
    await page().getByRole('button', { name: 'Kaupapa Māori', pressed: true }).waitFor({ timeout: 15_000 });
    await page().getByRole('button', { name: 'Codes', exact: true }).click();
    await codeRow(page(), 'Connection').waitFor();
  });
});

describe('auto-coding', () => {
  it('previews every match of a search, then codes them as one undoable step', async () => {
    await openSource(page(), /Kaupapa Māori peer service/);
    await page().getByRole('button', { name: 'Auto-code…' }).click();
    await page().getByLabel('Code with').selectOption({ label: 'Connection' });
    await page().getByRole('textbox', { name: 'Text to find' }).fill('whanau');
    await expect.poll(() => page().getByTestId('autocode-summary').textContent()).toBe('4 passages in 1 source.');
    await app.screenshot('coding-autocode-preview');
    await page().getByRole('button', { name: 'Code 4 passages' }).click();
    await waitForCount(page(), 'Connection', 4);
    expect(await page().getByTestId('undo-button').textContent()).toMatch(/Auto-code matches of “whanau”/);
    await expect.poll(() => page().locator(`${VIEW} .tv-hl`).count()).toBe(4);
  });

  it('shows only the active frame\'s codings, without rebuilding the transcript on a switch', async () => {
    await page().evaluate(`document.querySelector('${VIEW}').dataset.mark = 'same'`);
    await page().getByRole('button', { name: 'Kaupapa Māori', exact: true }).click();
    await expect.poll(() => page().locator(`${VIEW} .tv-hl`).count()).toBe(0);
    await page().getByRole('button', { name: 'Codes', exact: true }).click();
    await expect.poll(() => page().locator(`${VIEW} .tv-hl`).count()).toBe(4);
    expect(await page().locator(VIEW).getAttribute('data-mark')).toBe('same');
  });
});

describe('memos', () => {
  it('writes a memo on a transcript and finds it again from the Memos view', async () => {
    await page().getByRole('button', { name: 'Memo', exact: true }).first().click();
    const editor = page().getByRole('textbox', { name: 'Memo text' });
    await editor.waitFor();
    await editor.pressSequentially('Whānau come first ');
    await page().keyboard.press(`${mod}+b`);
    await editor.pressSequentially('always');
    await expect.poll(() => page().getByRole('dialog').getByRole('status').textContent()).toBe('Saved');
    expect(await editor.locator('strong, .memo-bold').first().textContent()).toBe('always');
    await app.screenshot('coding-memo-editor');
    await page().getByRole('button', { name: 'Done' }).click();

    await page().getByRole('button', { name: 'Memos', exact: true }).click();
    await page().getByRole('searchbox', { name: 'Search memos' }).fill('whanau');
    const row = page().getByRole('list', { name: 'Memos' }).getByRole('listitem');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator('.memo-excerpt').textContent()).toBe('Whānau come first always');
    await page().getByRole('searchbox', { name: 'Search memos' }).fill('kaumatua');
    await page().getByText('No memo mentions “kaumatua”.').waitFor();
    await page().getByRole('searchbox', { name: 'Search memos' }).fill('');
    await app.screenshot('coding-memos-list');
    // The link goes back to what the memo is about.
    await page().getByRole('button', { name: /^Transcript: Group interview/ }).click();
    await page().locator(VIEW).waitFor();
    // Reopening the transcript's memo shows what was written.
    await page().getByRole('button', { name: 'Memo', exact: true }).first().click();
    await expect.poll(() => page().getByRole('textbox', { name: 'Memo text' }).textContent()).toBe('Whānau come first always');
    await page().getByRole('button', { name: 'Done' }).click();
    expect(app.problems).toEqual([]);
  });
});
