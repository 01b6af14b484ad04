/**
 * The workspace with transcripts in it: the sources list (tikanga-based band, NZ dates, word
 * counts), reading a transcript as plain text, live updates from `changed` events, and the
 * status bar's progress area. Transcripts come in through the core's import call, as the
 * import UI will send them.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, launchApp, openApp, type E2EApp, createProjectInPage } from './support/app';

let app: E2EApp;

beforeAll(async () => {
  app = await launchApp({ userName: 'Aroha Ngata' });
  await openApp(app);
  await createProjectInPage(app, 'Te Whare Oranga peer study');
});
afterAll(() => app?.close());

const fixture = (name: string) => ({ name, path: join(ROOT, 'test', 'fixtures', name) });

describe('workspace with sources', () => {
  it('lists imported transcripts as soon as the core reports the change', async () => {
    const env = await app.harness.core.call('import-files', {
      files: [fixture('hui-tupu-group-interview.txt'), fixture('focus-group-lived-experience.vtt')],
      onDuplicate: 'import',
    });
    expect(env.ok, JSON.stringify(env)).toBe(true);

    const { page } = app;
    const sources = page.getByRole('list', { name: 'Sources' });
    const hui = sources.getByRole('button', { name: /Kaupapa Māori peer service/ });
    await hui.waitFor();
    expect(await hui.innerText()).toMatch(/Tikanga-based[\s\S]*15\/06\/2010[\s\S]*\d+ words/);
    expect(await sources.getByRole('button').count()).toBe(2);
    await page.getByRole('contentinfo', { name: 'Status bar' }).getByText('2 sources').waitFor();
  });

  it('shows the selected transcript as text, macrons and brackets intact', async () => {
    const { page } = app;
    await page.getByRole('list', { name: 'Sources' }).getByRole('button', { name: /Kaupapa Māori peer service/ }).click();
    const transcript = page.getByRole('region', { name: /Kaupapa Māori peer service/ });
    await transcript.getByText('Kia ora koutou.', { exact: false }).waitFor();
    expect(await transcript.getByText('Waiata Henare').first().isVisible()).toBe(true);
    expect(await transcript.innerText()).toContain('whānau member comes in');
    await app.screenshot('workspace-sources');
  });

  it('shows a progress bar while the core reports progress', async () => {
    const { page, harness } = app;
    harness.core.emit('progress', { task: 'import', done: 1, total: 4, label: 'Importing hui-tupu.txt' });
    const bar = page.getByRole('progressbar', { name: 'import' });
    await bar.waitFor();
    expect(await page.getByText('Importing hui-tupu.txt').isVisible()).toBe(true);
    harness.core.emit('progress', { task: 'import', done: 4, total: 4, label: 'Imported 4 files' });
    await bar.waitFor({ state: 'detached' });
  });

  it('ran without console errors or CSP violations', () => {
    expect(app.problems).toEqual([]);
  });
});
