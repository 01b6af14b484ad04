/**
 * The kaupapa Māori frame dialog offers what `focal frame-template` does: leave out top-level
 * codes (Whenua, say) and name the frame; once it is made, the Codes pane shows the new frame.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, openApp, type E2EApp, createProjectInPage } from '../support/app';

let app: E2EApp;

beforeAll(async () => {
  app = await launchApp({ userName: 'Waiata Henare' });
  await openApp(app);
  await createProjectInPage(app, 'Hui tupu');
});
afterAll(() => app?.close());

describe('frame from a template, with the CLI’s options', () => {
  it('leaves out Whenua, takes a name, and switches the Codes pane to the new frame', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Kaupapa Māori frame…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Kaupapa Māori frame from a template' });
    await dialog.getByRole('radio', { name: /^Te Whare Tapa Whā/ }).check();
    const include = dialog.getByRole('group', { name: 'Top-level codes to include' });
    await include.getByRole('checkbox', { name: 'Whenua' }).uncheck();
    expect(await include.getByRole('checkbox', { name: 'Taha wairua' }).isChecked()).toBe(true);
    await dialog.getByLabel('Name of the new frame').fill('Te Whare o te rōpū');
    await app.screenshot('frame-template-options');
    await dialog.getByRole('button', { name: 'Create frame' }).click();
    await dialog.getByText('Created the kaupapa Māori frame “Te Whare o te rōpū” with 4 codes').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    const codes = page.locator('#pane-codes');
    await codes.getByRole('button', { name: 'Te Whare o te rōpū', pressed: true }).waitFor();
    await codes.getByText('Taha wairua', { exact: true }).waitFor();
    expect(await codes.getByText('Whenua', { exact: true }).count()).toBe(0);
  });

  it('ran without console errors or CSP violations', () => {
    expect(app.problems).toEqual([]);
  });
});
