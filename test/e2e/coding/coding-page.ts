/** Page helpers for the coding tests: the code tree's rows and counts, the picker, keyboard. */
import type { Locator, Page } from 'playwright-core';

export const tree = (page: Page): Locator => page.getByRole('tree', { name: 'Code tree' });

export const codeRow = (page: Page, name: string): Locator => tree(page).getByRole('treeitem').filter({ has: page.locator('.code-name', { hasText: new RegExp(`^${name}$`) }) });

/** The segment count beside a code, waiting until it reads `expected` (counts refresh on `changed`). */
export async function waitForCount(page: Page, name: string, expected: number, kind: 'segments' | 'sources' | 'participants' = 'segments'): Promise<void> {
  await codeRow(page, name).locator(`[data-count="${kind}"]`, { hasText: new RegExp(`^${expected}$`) }).waitFor({ timeout: 10_000 });
}

export async function count(page: Page, name: string, kind: 'segments' | 'sources' | 'participants' = 'segments'): Promise<number> {
  return Number(await codeRow(page, name).locator(`[data-count="${kind}"]`).textContent());
}

export const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/** Selects `needle` wherever it first appears in the transcript's text (inside one run), as a drag would; returns data-selection. */
export async function selectText(page: Page, needle: string): Promise<string | null> {
  return page.evaluate(`(async (needle) => {
    const view = document.querySelector('[data-testid="transcript-view"]');
    const walker = document.createTreeWalker(view.querySelector('.tv-editor'), NodeFilter.SHOW_TEXT);
    let node = walker.nextNode();
    while (node && !node.textContent.includes(needle)) node = walker.nextNode();
    if (!node) throw new Error(needle + ' is not in the transcript as one run');
    const at = node.textContent.indexOf(needle);
    window.getSelection().setBaseAndExtent(node, at, node, at + needle.length);
    await new Promise((r) => setTimeout(r, 50));
    return view.getAttribute('data-selection');
  })(${JSON.stringify(needle)})`) as Promise<string | null>;
}
