/**
 * The first-run journey in a real browser: start screen → new project → empty workspace →
 * reload → close → reopen from the recent list. Screenshots go to test/artifacts/ for review.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, openApp, type E2EApp } from './support/app';

let app: E2EApp;

beforeAll(async () => {
  app = await launchApp({ userName: 'Hēmi Tūhoe' });
});
afterAll(() => app?.close());

describe('workspace', () => {
  it('shows the start screen with no project open', async () => {
    const { page } = app;
    await openApp(app);
    await expect.poll(() => page.getByRole('heading', { name: 'Focal', level: 1 }).isVisible()).toBe(true);
    expect(await page.getByText('Qualitative analysis of focus groups, hui and group interviews.').isVisible()).toBe(true);
    // The token moves out of the address bar into sessionStorage.
    expect(page.url()).not.toContain('token');
    // A browser tab has no file dialog: projects open from the recent list.
    expect(await page.getByRole('button', { name: /Open project/ }).count()).toBe(0);
    expect(await page.getByText('No recent projects yet.').isVisible()).toBe(true);
    expect(await page.getByLabel('Your name').inputValue()).toBe('Hēmi Tūhoe');
  });

  it('creates "Hui study" from a name and shows the empty workspace', async () => {
    const { page } = app;
    await page.getByRole('button', { name: /New project/ }).click();
    const dialog = page.getByRole('dialog', { name: 'New project' });
    await dialog.getByLabel('Project name').fill('Hui study');
    await dialog.getByRole('button', { name: 'Create project' }).click();

    await page.getByRole('heading', { name: 'Hui study', level: 1 }).waitFor();
    expect(await dialog.count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Sources and participants' }).isVisible()).toBe(true);
    expect(await page.getByRole('region', { name: 'Transcript' }).isVisible()).toBe(true);
    expect(await page.getByRole('complementary', { name: 'Codes' }).isVisible()).toBe(true);
    await page.getByText('No transcripts yet. Import transcripts (Ctrl+I) or drop files here.').waitFor();
    await page.getByText('No participants yet.', { exact: false }).waitFor();
    await page.getByText('Select a transcript on the left to read and code it.').waitFor();
    expect(await page.getByRole('separator', { name: 'Resize sources pane' }).isVisible()).toBe(true);

    const status = page.getByRole('contentinfo', { name: 'Status bar' });
    const counts = status.getByLabel('Project counts');
    expect(await counts.innerText()).toMatch(/0 sources\s+0 participants\s+0 codes\s+0 codings/);
    expect(await status.getByText('Coder: Hēmi Tūhoe').isVisible()).toBe(true);
    expect(await status.getByText(/hui-study\.focal$/).isVisible()).toBe(true);

    // Screenshot once the codes pane has settled either way, so there is something to review even if it failed.
    const codes = page.getByRole('complementary', { name: 'Codes' });
    const noCodes = codes.getByText('No codes in “Codes” yet. Create one with New code', { exact: false });
    await noCodes.or(codes.getByRole('alert')).waitFor();
    await app.screenshot('workspace-empty');
    expect(await codes.getByRole('alert').count(), await codes.innerText()).toBe(0);
    expect(await noCodes.isVisible()).toBe(true);
  });

  it('resizes the sources pane from the keyboard', async () => {
    const { page } = app;
    const splitter = page.getByRole('separator', { name: 'Resize sources pane' });
    const before = Number(await splitter.getAttribute('aria-valuenow'));
    await splitter.focus();
    await page.keyboard.press('ArrowRight');
    expect(Number(await splitter.getAttribute('aria-valuenow'))).toBe(before + 16);
    await page.keyboard.press('ArrowLeft');
  });

  it('stays in the workspace after a reload (the core keeps the project open)', async () => {
    const { page } = app;
    await page.reload();
    await page.getByRole('heading', { name: 'Hui study', level: 1 }).waitFor();
    expect(await page.getByText('Select a transcript on the left to read and code it.').isVisible()).toBe(true);
  });

  it('closes the project and reopens it from the recent list', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Close project' }).click();
    const recent = page.getByRole('list', { name: 'Recent projects' });
    const item = recent.getByRole('button', { name: /Hui study/ });
    await item.waitFor();
    expect(await item.innerText()).toMatch(/Last opened \d{2}\/\d{2}\/\d{4}/);
    await app.screenshot('start-screen');

    await item.click();
    await page.getByRole('heading', { name: 'Hui study', level: 1 }).waitFor();
  });

  it('shows a missing project greyed out with "Remove from list"', async () => {
    const { page, harness } = app;
    harness.core.state.touchRecent(`${app.workDir}/moved-away.focal`, 'Moved away', new Date().toISOString());
    await page.getByRole('button', { name: 'Close project' }).click();
    const remove = page.getByRole('button', { name: 'Remove Moved away from list' });
    await remove.waitFor();
    expect(await page.getByText('File not found').isVisible()).toBe(true);
    await remove.click();
    await remove.waitFor({ state: 'detached' });
    expect(await page.getByRole('button', { name: /Hui study/ }).isVisible()).toBe(true);
  });

  it('opens with Ctrl+O (the recent list, in a browser) and closes with Ctrl+W', async () => {
    const { page } = app;
    await page.keyboard.press('ControlOrMeta+KeyO');
    const dialog = page.getByRole('dialog', { name: 'Open project' });
    await dialog.getByRole('button', { name: /Hui study/ }).click();
    await page.getByRole('heading', { name: 'Hui study', level: 1 }).waitFor();
    expect(await dialog.count()).toBe(0);
    await page.keyboard.press('ControlOrMeta+KeyW');
    await page.getByRole('heading', { name: 'Focal', level: 1 }).waitFor();
  });

  it('saves "Your name" as the coder', async () => {
    const { page, harness } = app;
    await page.getByLabel('Your name').fill('Mere Tāwhiri');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.', { exact: false }).waitFor();
    expect(harness.core.state.prefs.userName).toBe('Mere Tāwhiri');
    await page.getByLabel('Your name').fill('  ');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('alert').getByText('Your name cannot be empty.').waitFor();
  });

  it('ran without console errors or CSP violations', () => {
    expect(app.problems).toEqual([]);
  });
});
