/**
 * The lead's team round, in the real app: saves a copy for each of two coders, the coders code in
 * their copies, the lead merges both back (sees what would change first), opens Agreement, opens a
 * cell (the transcript with both coders' stripes, the differences highlighted), accepts one coder's
 * coding for the other and undoes it. Screenshots go to test/artifacts/.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../../shared/api/client';
import { FocalCore } from '../../../electron/core/app/focal-core';
import { headlessHost } from '../../../electron/core/host';
import { coreApi, createProjectInPage, importFixture, launchApp, openApp, type E2EApp } from '../support/app';

let app: E2EApp;
let sourceId: number;
let sourceTitle: string;
const page = () => app.page;

beforeAll(async () => {
  app = await launchApp({ userName: 'Lead', viewport: { width: 1360, height: 900 } });
  await openApp(app);
  await createProjectInPage(app, 'Team study');
  const source = await importFixture(app, 'focus-group-lived-experience.vtt');
  sourceId = source.id;
  sourceTitle = source.title;
  await coreApi(app)['code-create']({ frameId: (await coreApi(app)['frames-list']({}))[0]!.id, name: 'Trust' });
});
afterAll(() => app?.close());

/** A coder works in their copy: a Focal of their own opens it and codes. */
async function codeInCopy(path: string, coder: string, start: number, end: number): Promise<void> {
  const core = new FocalCore({ dataDir: join(app.workDir, `..`, `app-${coder}`), host: headlessHost('cli'), logger: () => {} });
  core.state.setPrefs({ userName: coder });
  const { api } = createClient({ invoke: (n, i) => core.call(n, i), on: (e, l) => core.on(e, l) });
  try {
    await api['project-open']({ path });
    const trust = (await api['codes-list']({})).find((c) => c.name === 'Trust')!;
    await api['coding-apply']({ codeId: trust.id, sourceId, start, end });
  } finally {
    core.dispose();
  }
}

describe('team coding: merge and agreement', () => {
  it('saves a copy for each coder from the Team view', async () => {
    await page().getByRole('button', { name: 'Team', exact: true }).click();
    await page().getByRole('heading', { name: 'Team: agreement' }).waitFor();
    expect(await page().getByText(/Agreement needs codings by two coders/).isVisible()).toBe(true);
    for (const coder of ['Aroha', 'Ben']) {
      await page().getByRole('button', { name: 'Save a copy for a coder…' }).click();
      await page().getByLabel('Coder', { exact: true }).fill(coder);
      await page().getByRole('button', { name: 'Save copy…' }).click();
      await page().getByText(`Saved ${coder}’s copy`).waitFor();
    }
    const copies = readdirSync(join(app.workDir, 'exports')).filter((f) => f.endsWith('.focal'));
    expect(copies).toHaveLength(2);
  });

  it('merges both coders’ copies after showing what would change', async () => {
    const dir = join(app.workDir, 'exports');
    const copies = readdirSync(dir).filter((f) => f.endsWith('.focal')).sort().map((f) => join(dir, f));
    await codeInCopy(copies.find((c) => c.includes('Aroha'))!, 'Aroha', 0, 200);
    await codeInCopy(copies.find((c) => c.includes('Ben'))!, 'Ben', 100, 300);
    await page().getByRole('button', { name: 'Merge coder copies…' }).click();
    await page().getByLabel(/Coders’ copies/).fill(copies.join('\n'));
    await page().getByRole('button', { name: 'Show what would change' }).click();
    const list = page().getByRole('list', { name: 'What the merge would change' });
    await list.waitFor();
    expect(await list.textContent()).toMatch(/1 new coding by Aroha/);
    expect(await list.textContent()).toMatch(/1 new coding by Ben/);
    await app.screenshot('team-merge-dry-run');
    await page().getByRole('button', { name: 'Merge', exact: true }).click();
    await page().getByText(/Merge 2 coder copies: 2 codings/).waitFor();
  });

  it('shows the agreement table for the two coders, coloured by kappa band', async () => {
    const table = page().getByRole('table', { name: 'Agreement by code and source' });
    await table.waitFor();
    const row = table.getByRole('row').filter({ hasText: 'Trust' }).first();
    await row.waitFor();
    expect(await row.getAttribute('class')).toMatch(/team-band-/);
    expect(await page().getByText(/Text nobody coded counts as agreement on absence/).isVisible()).toBe(true);
    expect(await table.locator('tfoot').textContent()).toMatch(/Overall/);
    // Sortable: clicking Kappa sorts by it.
    await table.getByRole('button', { name: /Kappa/ }).click();
    expect(await table.getByRole('columnheader', { name: /Kappa/ }).getAttribute('aria-sort')).toBe('descending');
    await app.screenshot('team-agreement-table');
  });

  it('opens a cell: both coders’ stripes, the differences highlighted', async () => {
    await page().getByRole('button', { name: `Open Trust in ${sourceTitle} with each coder's coding` }).click();
    await page().getByRole('heading', { name: `Trust in ${sourceTitle}` }).waitFor();
    await page().getByText(/the coders differ there \(2 passages\)/).waitFor();
    expect(await page().locator('mark.team-differ').count()).toBeGreaterThanOrEqual(2);
    expect(await page().locator('.team-stripe-0.on').count()).toBeGreaterThan(0);
    expect(await page().locator('.team-stripe-1.on').count()).toBeGreaterThan(0);
    await app.screenshot('team-agreement-cell');
  });

  it('accepts Aroha’s coding for Ben, then undoes it', async () => {
    await page().getByRole('button', { name: 'Accept Aroha’s coding for Ben' }).click();
    await page().getByText(/the coders differ there \(0 passages\)/).waitFor();
    expect(await page().locator('mark.team-differ').count()).toBe(0);
    const cell = await coreApi(app)['team-agreement-cell']({ codeId: (await coreApi(app)['codes-list']({}))[0]!.id, sourceId, coders: ['Aroha', 'Ben'] });
    expect(cell.ranges[1]).toEqual([[0, 200]]);
    await app.screenshot('team-agreement-accepted');
    await page().getByTestId('undo-button').click();
    await page().getByText(/the coders differ there \(2 passages\)/).waitFor();
    const back = await coreApi(app)['team-agreement-cell']({ codeId: cell.codeId, sourceId, coders: ['Aroha', 'Ben'] });
    expect(back.ranges[1]).toEqual([[100, 300]]);
  });

  it('shows the coder in the status bar, and ran without console errors', async () => {
    expect(await page().getByLabel('Status bar').getByText('Coder: Lead').isVisible()).toBe(true);
    expect(app.problems).toEqual([]);
  });
});
