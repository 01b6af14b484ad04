/**
 * clipboard-copy-is-gated: Ctrl+C (and drag) of talk anywhere in the app puts the gated,
 * pseudonymised text on the clipboard, or nothing, with the reasons in a toast; never the raw
 * words. The clipboard is read back in the page (permissions granted for the harness's origin).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptAllCandidates, codeEveryTurn, importAndMap } from '../../core/export/fixture-project';
import { coreApi, createProjectInPage, launchApp, openApp, type E2EApp } from '../support/app';
import { openSource, selectInTurn } from '../transcript/view-page';
import { selectBetween } from './select-text';

let app: E2EApp;
const DAVID = 'I work at Pathways in South Auckland';
const RACHEL = "For me it's hope. When you sit with someone who can say, I've been there";

const page = () => app.page;
const readClipboard = () => page().evaluate('navigator.clipboard.readText()') as Promise<string>;
const seedClipboard = (t: string) => page().evaluate(`navigator.clipboard.writeText(${JSON.stringify(t)})`);
const toast = () => page().getByTestId('toast');
const lastCopies = async (n: number) => (await coreApi(app)['audit-exports']({ limit: n })).map((e) => ({ format: e.format, passed: e.passed, blocked: e.blocked, sha256: e.sha256 }));
const clearSelection = () => page().evaluate('window.getSelection().removeAllRanges()');

beforeAll(async () => {
  app = await launchApp({ userName: 'Mere Analyst', viewport: { width: 1400, height: 900 } });
  await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.harness.appUrl).origin });
  await openApp(app);
  await createProjectInPage(app, 'Peer support study');
  const api = coreApi(app);
  await importAndMap(api);
  await codeEveryTurn(api);
  acceptAllCandidates(app.harness.core);
  // Set up behind the page's back: load it afresh rather than race the sources list's refresh.
  await page().reload();
  await page().getByRole('list', { name: 'Sources' }).getByRole('button', { name: /lived-experience/ }).waitFor();
}, 60_000);
afterAll(() => app?.close());

describe('copy and drag of talk go through the export gate', () => {
  it('Ctrl+C on a retrieval row of a declined participant copies nothing, never the raw words', async () => {
    await page().locator('.code-name', { hasText: /^Peer roles$/ }).click();
    const list = page().getByRole('list', { name: 'Segments coded Peer roles' });
    await list.locator('.rv-coded', { hasText: 'Pathways' }).waitFor();
    await seedClipboard('(before)');
    expect(await selectBetween(page(), '.retrieval-list', 'Pathways in South', 'The commissioning')).toBe('Pathways in South Auckland. ');
    await page().keyboard.press('Control+c');
    expect(await readClipboard()).not.toContain('Pathways');
    await toast().filter({ hasText: 'Not copied' }).waitFor();
    expect(await toast().filter({ hasText: 'Not copied' }).innerText()).toMatch(/David Chen declined to be quoted/);
    expect(await readClipboard()).not.toContain('Pathways');
    await expect.poll(async () => (await lastCopies(1))[0]).toMatchObject({ format: 'clipboard', blocked: 1 });
  });

  it("Ctrl+C on a declined participant's turn in the transcript copies nothing and says why", async () => {
    await openSource(page(), /lived-experience/);
    await seedClipboard('(before)');
    expect(await selectInTurn(page(), 'David Chen', DAVID)).not.toBeNull();
    await page().keyboard.press('Control+c');
    // Read at once: a native copy would already have put the raw words there.
    expect(await readClipboard()).not.toContain('Pathways');
    await toast().filter({ hasText: 'Not copied' }).waitFor();
    const text = await toast().filter({ hasText: 'Not copied' }).innerText();
    expect(text).toMatch(/No consent to be quoted \(David Chen declined to be quoted\.\)/);
    const clip = await readClipboard();
    expect(clip).not.toContain('Pathways');
    expect(clip).not.toContain('South Auckland');
    expect(await lastCopies(1)).toEqual([{ format: 'clipboard', passed: 0, blocked: 1, sha256: null }]);
    await app.screenshot('copy-refused-toast');
  });

  it('Ctrl+C on a passage that passes copies exactly the pseudonymised text with its attribution', async () => {
    await clearSelection();
    expect(await selectInTurn(page(), 'Rachel Moana', RACHEL)).not.toBeNull();
    await page().keyboard.press('Control+c');
    await toast().filter({ hasText: 'Copied through the export gate' }).waitFor();
    const expected = "“For me it's hope. When you sit with someone who can say, I've been there” (Kate, peer support worker)";
    await expect.poll(readClipboard).toBe(expected);
    expect(app.harness.host.clipboardText).toBe(expected);
    expect((await lastCopies(1))[0]).toMatchObject({ format: 'clipboard', passed: 1, blocked: 0 });
  });

  it('a drag of talk carries the gated text, or is cancelled with the reasons', async () => {
    // The pre-check runs once the selection settles; then the drag carries what the gate returned.
    const drag = `(async () => {
      await new Promise((r) => setTimeout(r, 600));
      const sel = window.getSelection();
      const dt = new DataTransfer();
      const ev = new DragEvent('dragstart', { bubbles: true, cancelable: true, dataTransfer: dt });
      sel.anchorNode.parentElement.dispatchEvent(ev);
      return { cancelled: ev.defaultPrevented, text: dt.getData('text/plain') };
    })()`;
    await clearSelection();
    await selectInTurn(page(), 'Rachel Moana', RACHEL);
    const ok = (await page().evaluate(drag)) as { cancelled: boolean; text: string };
    expect(ok).toEqual({ cancelled: false, text: "“For me it's hope. When you sit with someone who can say, I've been there” (Kate, peer support worker)" });
    await expect.poll(async () => (await lastCopies(1))[0]?.format).toBe('drag');
    await clearSelection();
    await selectInTurn(page(), 'David Chen', DAVID);
    const refused = (await page().evaluate(drag)) as { cancelled: boolean; text: string };
    expect(refused.cancelled).toBe(true);
    expect(refused.text).not.toContain('Pathways');
    await toast().filter({ hasText: 'No consent to be quoted' }).waitFor();
  });

  it('the same from a search result', async () => {
    await clearSelection();
    await page().keyboard.press('Control+f');
    const box = page().getByRole('searchbox', { name: 'Search transcripts' });
    await box.fill('commissioning');
    const results = page().getByTestId('search-results');
    await results.locator('mark', { hasText: 'commissioning' }).waitFor();
    await seedClipboard('(before)');
    expect(await selectBetween(page(), '[data-testid="search-results"] .search-hit-text', 'Pathways', 'models of care')).toMatch(/^Pathways in South Auckland\. The commissioning/);
    await page().keyboard.press('Control+c');
    await toast().filter({ hasText: 'Not copied' }).waitFor();
    expect(await toast().filter({ hasText: 'Not copied' }).innerText()).toMatch(/No consent to be quoted/);
    expect(await readClipboard()).not.toContain('Pathways');
    // And a passing hit is copied pseudonymised.
    await box.fill('degree');
    await results.locator('mark', { hasText: 'degree' }).waitFor();
    expect(await selectBetween(page(), '[data-testid="search-results"] .search-hit-text', 'No degree', '+25')).toBe('No degree gives you that.');
    await page().keyboard.press('Control+c');
    await toast().filter({ hasText: 'Copied through the export gate' }).waitFor();
    await expect.poll(readClipboard).toBe('“No degree gives you that.” (Kate, peer support worker)');
    expect(app.problems).toEqual([]);
  });

  it("a memo's text goes through detection and rules: an undecided name refuses the copy", async () => {
    await page().keyboard.press('Escape');
    await openSource(page(), /lived-experience/);
    await page().locator('.pane-main').getByRole('button', { name: 'Memo', exact: true }).first().click();
    const editor = page().getByRole('textbox', { name: 'Memo text' });
    await editor.click();
    await page().keyboard.type('I talked with Bronwyn Tipene after the session.');
    await page().getByText('Saved', { exact: true }).waitFor();
    await seedClipboard('(before)');
    await page().keyboard.press('Control+a');
    await page().keyboard.press('Control+c');
    expect(await readClipboard()).not.toContain('Bronwyn');
    const refused = toast().filter({ hasText: 'Not copied' });
    await refused.waitFor();
    expect(await refused.innerText()).toMatch(/Identifying detail not yet decided \(1 to review under Pseudonyms\)/);
    expect(await refused.innerText()).not.toContain('Bronwyn');
    // Cut refused too: the words stay in the memo.
    await page().keyboard.press('Control+x');
    await toast().filter({ hasText: 'Not copied' }).waitFor();
    expect(await editor.innerText()).toContain('Bronwyn Tipene');
    const log = app.harness.core.requireProject().db.prepare("SELECT action, detail FROM audit_log WHERE action LIKE 'memo-cop%' ORDER BY id DESC LIMIT 1").get() as { action: string; detail: string };
    expect(log.action).toBe('memo-copy-refused');
    expect(log.detail).not.toContain('Bronwyn');
    await page().getByRole('button', { name: 'Done' }).click();
  });

  it('talk shown without its offsets (the quote bank’s stored words) is refused, never copied raw', async () => {
    await page().getByRole('group', { name: 'Quotes and exports' }).getByRole('button', { name: /Quote bank/ }).click();
    const card = page().getByRole('article').filter({ hasText: 'Pathways in South Auckland' }).first();
    await card.waitFor();
    const id = await card.getAttribute('data-quote-id');
    await seedClipboard('(before)');
    expect(await selectBetween(page(), `[data-quote-id="${id}"] .quote-raw`, 'Pathways', 'The commissioning')).toMatch(/^Pathways/);
    await page().keyboard.press('Control+c');
    expect(await readClipboard()).not.toContain('Pathways');
    await toast().filter({ hasText: 'without its place in the transcript' }).waitFor();
    expect(app.problems).toEqual([]);
  });
});
