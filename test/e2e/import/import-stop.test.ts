/**
 * A long import shows its progress in the status bar with a Stop button; Stop (or Escape) stops
 * it between files: the files already imported stay and are listed, the rest are not imported.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/api/errors';
import type { E2EApp } from '../support/app';
import { syntheticTranscript } from '../../support/synthetic';
import { core, startWithNewProject } from './import-page';

let app: E2EApp;
const FILES = 120;
let files: Array<{ name: string; path: string }>;

beforeAll(async () => {
  app = await startWithNewProject();
  const inbox = join(app.workDir, 'inbox');
  mkdirSync(inbox, { recursive: true });
  files = Array.from({ length: FILES }, (_, i) => {
    const path = join(inbox, `long-${i}.txt`);
    writeFileSync(path, syntheticTranscript(10_000, 500 + i));
    return { name: `long-${i}.txt`, path };
  });
}, 60_000);
afterAll(() => app?.close());

const sourceCount = async () => (await core<unknown[]>(app, 'sources-list', {})).length;

describe('stopping a long import', () => {
  it('Stop in the status bar stops the import between files; what was imported stays', async () => {
    const { page } = app;
    const importing = app.harness.core.call('import-files', { files, onDuplicate: 'import' }) as Promise<Envelope<unknown>>;
    const status = page.getByRole('contentinfo', { name: 'Status bar' });
    const stop = status.getByRole('button', { name: 'Stop' });
    await stop.waitFor();
    await page.getByRole('progressbar', { name: 'import' }).waitFor();
    await app.screenshot('import-stop-running');
    await stop.click();
    const result = await importing;
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    await status.getByText(/Stopped: import/).waitFor();
    await app.screenshot('import-stop-stopped');
    const kept = await sourceCount();
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(FILES);
    // The sources list shows what was kept; the Stop button has gone.
    await page.getByRole('list', { name: 'Sources' }).getByRole('button').nth(kept - 1).waitFor();
    await stop.waitFor({ state: 'detached' });
  }, 60_000);

  it('Escape stops it too (keyboard)', async () => {
    const { page } = app;
    const before = await sourceCount();
    const importing = app.harness.core.call('import-files', { files, onDuplicate: 'import' }) as Promise<Envelope<unknown>>;
    await page.getByRole('contentinfo', { name: 'Status bar' }).getByRole('button', { name: 'Stop' }).waitFor();
    await page.keyboard.press('Escape');
    expect(await importing).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    const after = await sourceCount();
    expect(after - before).toBeLessThan(FILES);
  }, 60_000);

  it('ran without console errors or CSP violations', () => {
    expect(app.problems).toEqual([]);
  });
});
