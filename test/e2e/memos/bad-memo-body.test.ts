/**
 * bad-memo-opens-as-error: a memo whose stored body is not the editor's format (a file edited by
 * hand) used to blank the whole app when opened. It now opens as a named problem with its plain
 * text, in the memo only; the transcript and the rest of the window keep working.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreApi, createProjectInPage, importFixture, launchApp, openApp, type E2EApp } from '../support/app';
import { openSource } from '../transcript/view-page';

let app: E2EApp;

beforeAll(async () => {
  app = await launchApp({ userName: 'Mere Analyst', viewport: { width: 1360, height: 880 } });
  await openApp(app);
  await createProjectInPage(app, 'Memo problems');
  const source = await importFixture(app, 'focus-group-lived-experience.vtt');
  const memo = await coreApi(app)['memo-save']({ target: { kind: 'source', id: source.id }, body: '{"root":{"children":[]}}', bodyText: 'Peer support came up in every turn.' });
  // Corrupted outside Focal: a node type the editor has never heard of.
  app.harness.core.requireProject().db.prepare('UPDATE memos SET body = ? WHERE id = ?').run('{"root":{"children":[{"type":"hologram","children":[]}]}}', memo.id);
});
afterAll(() => app?.close());

describe('a memo with a bad stored body', () => {
  it('opens as an error in the memo only, with its plain text, and the window keeps working', async () => {
    const { page } = app;
    await openSource(page, /focus-group-lived-experience/);
    await page.getByRole('button', { name: 'Memo', exact: true }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('alert').getByText(/not in the editor's format/).waitFor();
    expect(await dialog.innerText()).toContain('Peer support came up in every turn.');
    expect(await dialog.getByRole('textbox', { name: 'Memo text' }).count()).toBe(0);
    await app.screenshot('memo-bad-body');
    await dialog.getByRole('button', { name: 'Done' }).click();
    // The transcript is still there and usable.
    await page.getByTestId('transcript-view').getByText(/hope/).first().waitFor();
    expect(app.problems).toEqual([]);
  });
});
