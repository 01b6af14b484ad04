/**
 * File ▸ Save a copy…: the button (and Ctrl+Shift+S) saves a complete copy of the open project
 * through project-backup; the toast names the copy; the copy opens and holds a code made a moment
 * before (no idle checkpoint needed: the online backup reads the WAL too).
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreApi, createProjectInPage, launchApp, openApp, type E2EApp } from '../support/app';

let app: E2EApp;

beforeAll(async () => {
  app = await launchApp({ userName: 'Mere Tawhiri' });
});
afterAll(() => app?.close());

describe('save a copy', () => {
  it('saves a copy from the top bar and with Ctrl+Shift+S, and the toast names it', async () => {
    const { page } = app;
    await openApp(app);
    await createProjectInPage(app, 'Hui copy');
    const api = coreApi(app);
    const frameId = (await api['frames-list']({}))[0]!.id;
    await api['code-create']({ frameId, name: 'Whanaungatanga' });

    await page.getByRole('button', { name: 'Save a copy…' }).click();
    const toast = page.getByTestId('toast');
    await toast.filter({ hasText: 'Saved a copy:' }).waitFor();
    const text = await toast.innerText();
    const m = /Saved a copy: (.+?\.focal) \(in (.+)\)\./.exec(text);
    expect(m, text).not.toBeNull();
    const copy = `${m![2]}/${m![1]}`;
    expect(existsSync(copy)).toBe(true);
    await app.screenshot('save-copy-toast');
    const db = new Database(copy, { readonly: true });
    try {
      expect(db.prepare('SELECT name FROM codes').pluck().all()).toContain('Whanaungatanga');
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }

    // Ctrl+Shift+S: a second copy, under a new name (never over the first).
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Control+Shift+S');
    await expect.poll(async () => (await toast.innerText().catch(() => '')) !== text && /Saved a copy:/.test(await toast.innerText().catch(() => ''))).toBe(true);
    const second = /Saved a copy: (.+?\.focal)/.exec(await toast.innerText())![1];
    expect(second).not.toBe(m![1]);
    expect(app.problems).toEqual([]);
  }, 60_000);
});
