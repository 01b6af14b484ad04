/**
 * search-enter-acts-on-what-is-typed: pressing Enter right after changing the query opens the first
 * hit of the query as typed (waiting for its results), never the first hit of the previous query.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, launchApp, openApp, type E2EApp, createProjectInPage } from '../support/app';

let app: E2EApp;
const fixture = (name: string) => ({ name, path: join(ROOT, 'test', 'fixtures', name) });
let srtId = 0;
let vttId = 0;

beforeAll(async () => {
  app = await launchApp({ userName: 'Aroha Ngata', viewport: { width: 1440, height: 900 } });
  await openApp(app);
  await createProjectInPage(app, 'Search Enter');
  const env = await app.harness.core.call('import-files', { files: [fixture('focus-group-lived-experience.vtt'), fixture('individual-interview-manager.srt')] });
  if (!env.ok) throw new Error(env.error.message);
  const results = env.value as Array<{ fileName: string; sourceId: number }>;
  vttId = results.find((r) => r.fileName.endsWith('.vtt'))!.sourceId;
  srtId = results.find((r) => r.fileName.endsWith('.srt'))!.sourceId;
});
afterAll(() => app?.close());

describe('Enter in the search box', () => {
  it('opens the first hit of the query as typed, even before its results have arrived', async () => {
    const { page } = app;
    await page.keyboard.press('Control+f');
    const box = page.getByRole('searchbox', { name: 'Search transcripts' });
    await box.fill('Dunedin');
    await page.getByTestId('search-results').locator('mark', { hasText: 'Dunedin' }).waitFor();
    // Change the query and press Enter at once: the list on screen is still Dunedin's (the focus group).
    await box.fill('Christchurch');
    await box.press('Enter');
    const transcript = page.getByTestId('transcript-view');
    await transcript.waitFor();
    expect(await transcript.getAttribute('data-source-id')).toBe(String(srtId));
    expect(srtId).not.toBe(vttId);
    expect(app.problems).toEqual([]);
  });
});
