/**
 * axe-core over every main view at WCAG 2.2 AA: the start screen, the workspace with a transcript
 * open, the code tree and a code's retrieval, search, coding query, matrix, charts, the quote bank
 * and export audit, pseudonyms, a participant's page, a hui's tikanga panel and a memo, once with
 * light colours and once with dark (prefers-color-scheme). Any violation fails with its rule, its
 * impact and the elements it found; each view's screenshot is kept as axe-<scheme>-<view>.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, launchApp, openApp, type E2EApp, createProjectInPage, coreApi } from '../support/app';
import { openTikangaTo } from '../../support/open-frames';
import { openSource, VIEW } from '../transcript/view-page';

let app: E2EApp;
let scheme: 'light' | 'dark' = 'light';
const fixture = (name: string) => ({ name, path: join(ROOT, 'test', 'fixtures', name) });
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function must<T>(name: string, input: unknown): Promise<T> {
  const env = await app.harness.core.call(name, input);
  if (!env.ok) throw new Error(`${name}: ${env.error.message}`);
  return env.value as T;
}

/** Runs axe on the page as it stands and returns each violation as one readable line per node. */
export async function axeProblems(page: E2EApp['page']): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`));
}

async function check(name: string): Promise<void> {
  await app.page.waitForTimeout(250); // transitions and data settle
  await app.screenshot(`axe-${scheme}-${name}`);
  expect(await axeProblems(app.page), `${scheme}: ${name}`).toEqual([]);
}

describe.each(['light', 'dark'] as const)('axe-core at WCAG 2.2 AA over every main view, %s colours', (colours) => {
  beforeAll(async () => {
    scheme = colours;
    app = await launchApp({ userName: 'Aroha Ngata', viewport: { width: 1440, height: 900 } });
    await app.page.emulateMedia({ colorScheme: colours });
    await openApp(app);
  });
  afterAll(() => app?.close());

  it('follows the system: the page is in the scheme asked for', async () => {
    await app.page.getByRole('button', { name: /New project/ }).waitFor();
    expect(await app.page.evaluate('document.documentElement.dataset.theme')).toBe(colours);
  });

  it('start screen', async () => {
    await app.page.getByRole('button', { name: /New project/ }).waitFor();
    await check('start');
  });

  it('workspace with a transcript open', async () => {
    await createProjectInPage(app, 'Peer support study');
    await must('participants-import-csv', { fileName: 'participants.csv', csv: readFileSync(join(ROOT, 'test/fixtures/participants.csv'), 'utf8') });
    await must('import-files', { files: [fixture('hui-tupu-group-interview.txt'), fixture('focus-group-lived-experience.vtt')], onDuplicate: 'import' });
    for (const r of await must<Array<{ speakerId: number; suggestion: { participantId: number | null } }>>('speakers-review', {}))
      if (r.suggestion.participantId) await must('speakers-map', { speakerIds: [r.speakerId], participantId: r.suggestion.participantId });
    const frameId = (await must<Array<{ id: number }>>('frames-list', {}))[0]!.id;
    await openTikangaTo(coreApi(app), frameId);
    const relationship = await must<{ id: number }>('code-create', { frameId, name: 'Relationship' });
    await must('code-create', { frameId, name: 'Whānau' });
    const sources = await must<Array<{ id: number }>>('sources-list', {});
    const turns: number[] = [];
    for (const s of sources) {
      const detail = await must<{ blocks: Array<{ id: number; kind: string }> }>('source-get', { sourceId: s.id });
      turns.push(...detail.blocks.filter((b) => b.kind === 'turn').slice(1, 4).map((b) => b.id));
    }
    await must('coding-apply-blocks', { codeId: relationship.id, blockIds: turns });
    // And the hui's opening note, which no one speaks: the matrix gives it a No speaker column.
    const hui = await must<{ id: number; blocks: Array<{ kind: string; start: number; end: number }> }>('source-get', { sourceId: sources[0]!.id });
    const note = hui.blocks.find((b) => b.kind !== 'turn')!;
    await must('coding-apply', { codeId: relationship.id, sourceId: hui.id, start: note.start, end: note.end });
    await openSource(app.page, /Kaupapa Māori peer service/);
    await app.page.locator(`${VIEW} .tv-turn`).last().waitFor();
    await check('transcript');
  });

  it('code tree and a code’s retrieval', async () => {
    const { page } = app;
    await page.getByRole('tree', { name: 'Code tree' }).getByText('Relationship', { exact: true }).click();
    await page.getByRole('toolbar', { name: 'Actions on Relationship' }).waitFor();
    await check('codes-retrieval');
  });

  it('tikanga panel', async () => {
    const { page } = app;
    const panel = page.getByRole('region', { name: 'Tikanga of this session' });
    if (!(await panel.isVisible())) await page.getByRole('button', { name: 'Tikanga', exact: true }).click();
    await panel.waitFor();
    await check('tikanga');
    await page.getByRole('button', { name: 'Tikanga', exact: true }).click();
  });

  it('memo', async () => {
    const { page } = app;
    await page.locator('#pane-main').getByRole('button', { name: 'Memo', exact: true }).click();
    await page.locator('.memo-editor, [contenteditable="true"]').last().waitFor();
    await check('memo');
    await page.keyboard.press('Escape');
  });

  it('search with results', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('searchbox', { name: 'Search transcripts' }).fill('whanau');
    await page.getByTestId('search-results').locator('mark').first().waitFor();
    await check('search');
  });

  it('matrix, coding query and charts', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Queries & matrix' }).click();
    const table = page.getByTestId('matrix-table');
    await table.waitFor();
    // Every session, on purpose (the default is the active frame's mode): the note shows too.
    await page.locator('.analysis-scope').getByRole('combobox', { name: 'Mode' }).selectOption('both');
    await expect.poll(() => table.locator('thead th').nth(-2).innerText()).toBe('No speaker');
    // The No speaker column: the row's cells add up to its total.
    expect(await table.locator('thead th').last().innerText()).toBe('Total');
    expect(await table.locator('thead th').nth(-2).innerText()).toBe('No speaker');
    const counts = await table.locator('tbody tr').first().locator('td').allInnerTexts();
    const total = Number(counts.at(-1)!.split(' / ')[0]);
    expect(counts.slice(0, -1).reduce((sum, t) => sum + (Number.parseInt(t, 10) || 0), 0)).toBe(total);
    await check('matrix');
    await page.getByRole('tab', { name: 'Coding query' }).click();
    await page.getByLabel('Relationship in the query').selectOption('or');
    await page.getByRole('button', { name: 'Run query' }).click();
    await page.getByRole('list', { name: 'Query results' }).waitFor();
    await check('query');
    await page.getByRole('tab', { name: 'Charts' }).click();
    await page.getByTestId('chart').locator('canvas').first().waitFor();
    await page.waitForTimeout(600);
    await check('charts');
  });

  it('quote bank and export audit', async () => {
    const { page } = app;
    await page.getByRole('button', { name: /^Quote bank/ }).click();
    await page.waitForTimeout(300);
    await check('quotes');
    await page.getByRole('button', { name: /^Export audit/ }).click();
    await check('audit');
  });

  it('pseudonyms', async () => {
    const { page } = app;
    await page.locator('#pane-project').getByRole('button', { name: /Pseudonyms/ }).first().click();
    await page.waitForTimeout(300);
    await check('pseudonyms');
  });

  it('a participant’s page', async () => {
    const { page } = app;
    await page.locator('#pane-project').getByRole('button', { name: /Koro Hemi/ }).first().click();
    await page.waitForTimeout(300);
    await check('participant');
  });

  it('ran without console errors or CSP violations', () => {
    expect(app.problems).toEqual([]);
  });
});
