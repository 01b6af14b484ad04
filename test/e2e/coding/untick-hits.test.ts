/**
 * Bulk coding previews let a person untick hits: auto-code a word and code all search results,
 * untick one (by keyboard, and by click), apply, and exactly the hits left ticked are coded. The
 * preview says which sessions it covers, and the apply button how many will be coded.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Coding, HitRef } from '../../../shared/domain/coding';
import { ROOT, coreApi, launchApp, openApp, type E2EApp, createProjectInPage } from '../support/app';
import { openSource } from '../transcript/view-page';

let app: E2EApp;
let frameId: number;
let frameName: string;
let connection: number;
let whanau: number;
let sourceIds: number[];
const page = () => app.page;
const fixture = (name: string) => ({ name, path: join(ROOT, 'test', 'fixtures', name) });
const key = (h: HitRef) => `${h.sourceId}:${h.start}:${h.end}`;

async function codedWith(codeId: number): Promise<string[]> {
  const all: Coding[] = [];
  for (const sourceId of sourceIds) all.push(...(await coreApi(app)['codings-list']({ sourceId })));
  return all
    .filter((c) => c.codeId === codeId)
    .map(key)
    .sort();
}

beforeAll(async () => {
  app = await launchApp({ userName: 'Mere Tawhiri', viewport: { width: 1360, height: 900 } });
  await openApp(app);
  await createProjectInPage(app, 'Untick study');
  const api = coreApi(app);
  const imported = await api['import-files']({ files: [fixture('focus-group-lived-experience.vtt'), fixture('individual-interview-manager.srt')], onDuplicate: 'import' });
  sourceIds = imported.map((r) => r.sourceId!);
  const frame = (await api['frames-list']({}))[0]!;
  frameId = frame.id;
  frameName = frame.name;
  connection = (await api['code-create']({ frameId, name: 'Connection' })).id;
  whanau = (await api['code-create']({ frameId, name: 'Whānau' })).id;
});
afterAll(() => app?.close());

describe('unticking hits in a bulk coding preview', () => {
  it('auto-code: the unticked hit is left out, the others are coded', async () => {
    const input = { codeId: connection, pattern: 'peer', wholeWord: true, scope: 'match' as const };
    const core = await coreApi(app)['autocode-preview'](input);
    const n = core.ranges.length;
    expect(n).toBeGreaterThanOrEqual(3);
    expect(core.sources).toBe(2);
    expect(core.truncated).toBe(false);

    await openSource(page(), /focus-group-lived-experience/);
    await page().getByRole('button', { name: 'Auto-code…' }).click();
    const dialog = page().getByRole('dialog', { name: 'Auto-code' });
    await dialog.getByLabel('Code with').selectOption({ label: 'Connection' });
    await dialog.getByRole('textbox', { name: 'Text to find' }).fill('peer');
    await expect.poll(() => dialog.getByTestId('autocode-summary').textContent()).toBe(`${n} passages in 2 sources.`);
    expect(await dialog.getByTestId('autocode-scope').textContent()).toBe(`Covers the sessions of the frame “${frameName}”: 2 mainstream sessions; tikanga-based sessions are kept apart.`);
    const boxes = dialog.getByRole('checkbox');
    await expect.poll(() => boxes.count()).toBe(n + 2); // the hits, plus Whole words only and Code the whole turn
    const hits = dialog.locator('.hit-list').getByRole('checkbox');
    expect(await hits.count()).toBe(n);
    for (let i = 0; i < n; i++) expect(await hits.nth(i).isChecked()).toBe(true);

    // By keyboard: focus the second hit's checkbox and press Space.
    await hits.nth(1).focus();
    await page().keyboard.press('Space');
    expect(await hits.nth(1).isChecked()).toBe(false);
    await dialog.getByRole('button', { name: `Code ${n - 1} passages` }).waitFor();
    await expect.poll(() => dialog.getByTestId('autocode-summary').textContent()).toBe(`${n} passages in 2 sources, 1 unticked.`);
    const first = core.perSource.find((s) => s.sourceId === core.ranges[1]!.sourceId)!;
    await dialog.getByText(`${first.hits - 1} of ${first.hits} ticked`).waitFor();
    await app.screenshot('untick-autocode');

    await dialog.getByRole('button', { name: `Code ${n - 1} passages` }).click();
    await dialog.waitFor({ state: 'detached' });
    const expected = core.ranges.filter((_, i) => i !== 1).map(key).sort();
    await expect.poll(() => codedWith(connection)).toEqual(expected);
    expect(await codedWith(connection)).not.toContain(key(core.ranges[1]!));
  });

  it('code all results: untick all in the session and back, untick one, and the others are coded', async () => {
    const core = await coreApi(app)['search-code-preview']({ query: 'peer', filters: {}, codeId: whanau, scope: 'hits' });
    const n = core.hits.length;
    expect(n).toBeGreaterThanOrEqual(3);
    expect(core.sources).toBe(2);
    // One session's hits, to untick all at once.
    const session = core.perSource[0]!;

    await page().getByRole('button', { name: 'Search', exact: true }).click();
    await page().getByRole('searchbox', { name: 'Search transcripts' }).fill('peer');
    await page().getByText(new RegExp(`^${n} matches of peer in \\d+ passages$`)).waitFor();
    await page().getByRole('button', { name: 'Code all results…' }).click();
    const dialog = page().getByRole('dialog', { name: 'Code all results' });
    await dialog.getByLabel('Code').selectOption({ label: 'Whānau' });
    await dialog.getByText(`Will code ${n} matches in 2 transcripts.`).waitFor();
    expect(await dialog.getByTestId('code-all-scope').textContent()).toMatch(/^Covers the sessions of the frame “.+”: 2 mainstream sessions; tikanga-based sessions are kept apart\.$/);
    const hits = dialog.locator('.hit-list').getByRole('checkbox');
    expect(await hits.count()).toBe(n);

    const group = dialog.getByRole('region', { name: session.sourceTitle });
    await group.getByRole('button', { name: 'Untick all in this session' }).click();
    await dialog.getByText(`Will code ${n - session.hits} matches in 1 transcript; ${session.hits} unticked.`).waitFor();
    await dialog.getByRole('button', { name: `Code ${n - session.hits} matches` }).waitFor();
    await group.getByRole('button', { name: 'Tick all in this session' }).click();
    await dialog.getByRole('button', { name: `Code ${n} matches` }).waitFor();

    await hits.first().click();
    expect(await hits.first().isChecked()).toBe(false);
    await dialog.getByText(`Will code ${n - 1} matches in 2 transcripts; 1 unticked.`).waitFor();
    await app.screenshot('untick-code-all');
    await dialog.getByRole('button', { name: `Code ${n - 1} matches` }).click();
    await page().getByText(`Coded ${n - 1} matches with “Whānau”.`, { exact: false }).waitFor();
    const expected = core.hits.slice(1).map(key).sort();
    await expect.poll(() => codedWith(whanau)).toEqual(expected);
    expect(app.problems).toEqual([]);
  });
});
