/**
 * Marking a passage as a session part the hui already lists as unrecorded (its Mihimihi) gives
 * that part its range rather than adding a second Mihimihi; the recorded part shows the words it
 * covers, and says in plain words what "Recorded · not coded" means.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, launchApp, openApp, type E2EApp, createProjectInPage } from '../support/app';
import { openSource, selectInTurn, VIEW } from '../transcript/view-page';

let app: E2EApp;

beforeAll(async () => {
  app = await launchApp({ userName: 'Waiata Henare' });
  await openApp(app);
  await createProjectInPage(app, 'Hui tupu');
  await app.harness.core.call('import-files', { files: [{ name: 'hui-tupu-group-interview.txt', path: join(ROOT, 'test/fixtures/hui-tupu-group-interview.txt') }] });
});
afterAll(() => app?.close());

describe('a session part marked on the text', () => {
  it('gives the unrecorded Mihimihi its range, once, and explains what that means', async () => {
    const { page } = app;
    await openSource(page, /Kaupapa Māori peer service/);
    await page.locator(`${VIEW} .tv-turn`).last().waitFor();
    const panel = page.getByRole('region', { name: 'Tikanga of this session' });
    if (!(await panel.isVisible())) await page.getByRole('button', { name: 'Tikanga', exact: true }).click();
    const parts = panel.getByRole('list', { name: 'Parts of the session' });
    await parts.waitFor();
    const mihimihi = parts.getByRole('listitem').filter({ hasText: 'Mihimihi' });
    expect(await mihimihi.count()).toBe(1);
    expect(await mihimihi.innerText()).toContain('Not recorded');

    expect(await selectInTurn(page, 'Waiata Henare', 'Kia ora koutou.')).toMatch(/^\d+:\d+$/);
    const form = panel.getByRole('group', { name: 'Log a part' });
    await form.getByLabel('Part').selectOption('mihimihi');
    await form.getByRole('button', { name: 'Mark selection as this part' }).click();
    await mihimihi.getByText('Recorded · not coded').waitFor();
    expect(await mihimihi.count()).toBe(1);
    const text = await mihimihi.innerText();
    expect(text).toContain('“Kia ora koutou.”');
    expect(text).toMatch(/kept out of coding and exports until the kaitiaki releases it/);
    await app.screenshot('session-part-range');
  });

  it('ran without console errors or CSP violations', () => {
    expect(app.problems).toEqual([]);
  });
});
