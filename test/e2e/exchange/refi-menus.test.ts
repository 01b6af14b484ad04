/**
 * REFI-QDA in the app: Import project (REFI-QDA)… on the start screen makes and opens a new project
 * from an NVivo .qdpx and says what came in and what was skipped; the Codes pane's Codebook menu
 * (keyboard) writes a Word codebook report; Export project… warns that the full profile is
 * identifiable and writes the .qdpx. Screenshots go to test/artifacts/ for review.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nvivoWindows } from '../../core/qdpx/qdpx-fixtures';
import { launchApp, openApp, type E2EApp } from '../support/app';

let app: E2EApp;

beforeAll(async () => {
  app = await launchApp({ userName: 'Hēmi Tūhoe' });
  // The browser harness reads files "someone sent" from its received/ folder.
  mkdirSync(join(app.workDir, 'received'), { recursive: true });
  writeFileSync(join(app.workDir, 'received', 'nvivo-hauora.qdpx'), nvivoWindows());
});
afterAll(() => app?.close());

describe('REFI-QDA menus', () => {
  it('imports a .qdpx from the start screen as a new project, and says what came in', async () => {
    const { page } = app;
    await openApp(app);
    await page.getByRole('button', { name: 'Import project (REFI-QDA)…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Imported nvivo-hauora.qdpx' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toMatch(/1 source, 3 codes, 4 codings/);
    expect(await dialog.innerText()).toMatch(/Consent form \(PDF\)/);
    expect(await dialog.innerText()).toMatch(/tikanga-based/);
    await app.screenshot('refi-import-result');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('heading', { name: 'Hauora focus groups', level: 1 }).waitFor();
    expect(existsSync(join(app.workDir, 'nvivo-hauora.focal'))).toBe(true);
  });

  it('the Codes pane Codebook menu opens from the keyboard and writes a Word report', async () => {
    const { page } = app;
    const codes = page.getByRole('complementary', { name: 'Codes' });
    const button = codes.getByRole('button', { name: 'Codebook ▾' });
    await button.focus();
    await page.keyboard.press('ArrowDown');
    const menu = page.getByRole('menu', { name: /Codebook of Codes/ });
    await menu.waitFor();
    expect(await menu.getByRole('menuitem').allInnerTexts()).toEqual(['Export codebook (REFI-QDA .qdc)…', 'Import codebook (REFI-QDA .qdc)…', 'Codebook report (Word)…', 'Codebook report (CSV)…']);
    await app.screenshot('refi-codebook-menu');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByText(/Codebook report: 3 codes written to .*\.docx/).waitFor();
    expect(readdirSync(join(app.workDir, 'exports')).some((f) => f.endsWith('codebook.docx'))).toBe(true);
    // Escape closes the menu and gives focus back to its button.
    await button.click();
    await menu.waitFor();
    await page.keyboard.press('Escape');
    expect(await menu.count()).toBe(0);
    expect(await button.evaluate((b) => (b as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement === b)).toBe(true);
  });

  it('Export project… warns the full profile is identifiable, offers the deposit, and writes the .qdpx', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Export project…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export project (REFI-QDA)' });
    await dialog.waitFor();
    expect(await dialog.getByRole('note').innerText()).toMatch(/identifiable data/);
    await app.screenshot('refi-export-full');
    await dialog.getByText('An archive or a reader outside the team').click();
    expect(await dialog.getByRole('note').innerText()).toMatch(/Pseudonymised as the quote gate does/);
    await app.screenshot('refi-export-deposit');
    await dialog.getByText('A colleague on the same ethics approval').click();
    await dialog.getByRole('button', { name: 'Export identifiable project…' }).click();
    const done = page.getByRole('dialog', { name: 'Project exported (REFI-QDA)' });
    await done.waitFor();
    expect(await done.innerText()).toMatch(/1 source, 3 codes, 4 codings/);
    await app.screenshot('refi-export-done');
    await done.getByRole('button', { name: 'Done' }).click();
    expect(readdirSync(join(app.workDir, 'exports')).some((f) => f.endsWith('.qdpx'))).toBe(true);
    expect(app.problems).toEqual([]);
  });
});
