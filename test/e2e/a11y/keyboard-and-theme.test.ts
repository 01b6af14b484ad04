/**
 * Keyboard and comfort: `?` opens the Keyboard shortcuts sheet listing every shortcut of the table
 * the handlers use; Preferences switches between light, dark and the system's colours (and it
 * sticks); in the workspace the first Tab is a skip link that puts the focus in the transcript.
 * Screenshots light and dark at 1440 and 720 px.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, launchApp, openApp, type E2EApp, createProjectInPage } from '../support/app';
import { openSource, VIEW } from '../transcript/view-page';

let app: E2EApp;
const activeId = () => app.page.evaluate('document.activeElement && (document.activeElement.id || document.activeElement.textContent)') as Promise<string>;
const theme = () => app.page.evaluate('document.documentElement.dataset.theme') as Promise<string>;

beforeAll(async () => {
  app = await launchApp({ userName: 'Aroha Ngata', viewport: { width: 1440, height: 900 } });
  await app.page.emulateMedia({ colorScheme: 'light' });
  await openApp(app);
});
afterAll(() => app?.close());

describe('keyboard shortcuts sheet, skip link and colours', () => {
  it('? opens the Keyboard shortcuts sheet with every wired shortcut; Esc closes it', async () => {
    const { page } = app;
    await page.getByRole('button', { name: /New project/ }).waitFor();
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor();
    for (const [keys, what] of [
      ['Ctrl+F', 'Search the transcripts'],
      ['Ctrl+K', 'Apply a code to the selected passage'],
      ['Ctrl+Shift+K', 'Apply a code to the whole turn'],
      ['Ctrl+Z', 'Undo'],
      ['Alt+1 … Alt+5', 'five codes used last'],
      ['F2', 'Rename the code'],
      ['?', 'Show this list'],
    ])
      expect(await sheet.locator('.shortcuts-row', { hasText: what }).locator('kbd').innerText(), what).toBe(keys);
    // A browser tab keeps Ctrl+N/O/W for itself: the sheet does not promise them.
    expect(await sheet.locator('kbd').allInnerTexts()).not.toContain('Ctrl+N');
    await app.screenshot('keyboard-shortcuts-sheet');
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
  });

  it('Preferences: dark, light or the system’s colours, kept after a reload', async () => {
    const { page } = app;
    expect(await theme()).toBe('light');
    await page.getByRole('button', { name: 'Preferences' }).click();
    const dialog = page.getByRole('dialog', { name: 'Preferences' });
    await dialog.getByText('Dark', { exact: true }).click();
    await expect.poll(theme).toBe('dark');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.reload();
    await page.getByRole('button', { name: /New project/ }).waitFor();
    expect(await theme()).toBe('dark');
    await page.getByRole('button', { name: 'Preferences' }).click();
    await dialog.getByText('Same as the system', { exact: true }).click();
    await expect.poll(theme).toBe('light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(theme).toBe('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(theme).toBe('light');
    await dialog.getByRole('button', { name: 'Done' }).click();
  });

  it('in the workspace the first Tab is “Skip to the transcript”, and it lands in the text', async () => {
    const { page } = app;
    await createProjectInPage(app, 'Peer support study');
    await app.harness.core.call('import-files', { files: [{ name: 'hui-tupu-group-interview.txt', path: join(ROOT, 'test/fixtures/hui-tupu-group-interview.txt') }] });
    await openSource(page, /Kaupapa Māori peer service/);
    await page.locator(`${VIEW} .tv-turn`).last().waitFor();
    await page.mouse.click(1, 1); // the window's corner: the keyboard starts from the top again
    await page.keyboard.press('Tab');
    expect(await activeId()).toBe('Skip to the transcript');
    expect(await page.getByRole('link', { name: 'Skip to the transcript' }).isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await activeId()).toBe('transcript-text');
    // From the workspace too, ? opens the sheet (not while typing in a field).
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('Escape');
  });

  it('Tab goes pane by pane: a list is one Tab stop, arrows move inside it', async () => {
    const { page } = app;
    await app.harness.core.call('import-files', { files: [{ name: 'focus-group-lived-experience.vtt', path: join(ROOT, 'test/fixtures/focus-group-lived-experience.vtt') }, { name: 'individual-interview-manager.srt', path: join(ROOT, 'test/fixtures/individual-interview-manager.srt') }] });
    const list = page.getByRole('list', { name: 'Sources' });
    await list.getByRole('button').nth(2).waitFor();
    const current = list.getByRole('button', { name: /Kaupapa Māori peer service/ });
    await current.focus();
    await page.keyboard.press('ArrowDown');
    expect(await list.getByRole('button').nth(1).evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.press('Tab');
    // Out of the list at once, not on to the third source.
    expect(await list.getByRole('button').nth(2).evaluate((el) => el === el.ownerDocument.activeElement)).toBe(false);
    expect(await list.evaluate((el) => el.contains(el.ownerDocument.activeElement))).toBe(false);
    await page.keyboard.press('Shift+Tab');
    expect(await list.getByRole('button').nth(1).evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
  });

  for (const colours of ['light', 'dark'] as const)
    for (const width of [1440, 720])
      it(`screenshots: ${colours}, ${width} px`, async () => {
        const { page } = app;
        await page.emulateMedia({ colorScheme: colours });
        await page.setViewportSize({ width, height: 900 });
        await page.waitForTimeout(200);
        expect(await theme()).toBe(colours);
        // Nothing runs off the side of the window.
        await expect.poll(() => page.evaluate('document.documentElement.scrollWidth <= window.innerWidth && document.body.scrollWidth <= window.innerWidth')).toBe(true);
        await app.screenshot(`workspace-${colours}-${width}`);
      });

  it('ran without console errors or CSP violations', () => {
    expect(app.problems).toEqual([]);
  });
});
