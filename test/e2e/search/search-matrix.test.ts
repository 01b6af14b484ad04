/**
 * A researcher searches with and without macrons, jumps to a hit, codes every result in one step,
 * runs a matrix of codes by role, opens a cell, and exports the matrix heat map as PNG and SVG.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, launchApp, openApp, type E2EApp, createProjectInPage, coreApi } from '../support/app';
import { openTikangaTo } from '../../support/open-frames';

let app: E2EApp;
const fixture = (name: string) => ({ name, path: join(ROOT, 'test', 'fixtures', name) });

async function must<T>(name: string, input: unknown): Promise<T> {
  const env = await app.harness.core.call(name, input);
  if (!env.ok) throw new Error(`${name}: ${env.error.message}`);
  return env.value as T;
}

beforeAll(async () => {
  app = await launchApp({ userName: 'Aroha Ngata', viewport: { width: 1440, height: 900 } });
  await openApp(app);
  await createProjectInPage(app, 'Peer support study');
  // Material: the register, three transcripts with speakers linked, two codes applied.
  await must('participants-import-csv', { fileName: 'participants.csv', csv: readFileSync(join(ROOT, 'test/fixtures/participants.csv'), 'utf8') });
  await must('import-files', { files: [fixture('hui-tupu-group-interview.txt'), fixture('focus-group-lived-experience.vtt'), fixture('individual-interview-manager.srt')], onDuplicate: 'import' });
  for (const r of await must<Array<{ speakerId: number; suggestion: { participantId: number | null } }>>('speakers-review', {}))
    if (r.suggestion.participantId) await must('speakers-map', { speakerIds: [r.speakerId], participantId: r.suggestion.participantId });
  const frameId = (await must<Array<{ id: number }>>('frames-list', {}))[0]!.id;
  // A tikanga-based hui is kept apart from mainstream frames; with no kaitiaki named the project opens it on purpose.
  await openTikangaTo(coreApi(app), frameId);
  const relationship = await must<{ id: number }>('code-create', { frameId, name: 'Relationship' });
  await must('code-create', { frameId, name: 'Whānau' });
  const sources = await must<Array<{ id: number }>>('sources-list', {});
  const turns: number[] = [];
  for (const s of sources) {
    const detail = await must<{ blocks: Array<{ id: number; kind: string; speakerId: number | null }>; speakers: Array<{ id: number; role: string }> }>('source-get', { sourceId: s.id });
    const speaking = detail.blocks.filter((b) => b.kind === 'turn' && detail.speakers.find((sp) => sp.id === b.speakerId)?.role !== 'facilitator');
    turns.push(...speaking.slice(0, 3).map((b) => b.id));
  }
  await must('coding-apply-blocks', { codeId: relationship.id, blockIds: turns });
});
afterAll(() => app?.close());

describe('search, matrix and charts', () => {
  it('Ctrl+F opens search; whanau finds whānau and whanau, highlighted in context', async () => {
    const { page } = app;
    await page.keyboard.press('Control+f');
    const box = page.getByRole('searchbox', { name: 'Search transcripts' });
    await box.waitFor();
    expect(await box.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await box.fill('whanau');
    const results = page.getByTestId('search-results');
    await page.getByText(/^4 matches of whanau in 3 passages$/).waitFor();
    const marks = await results.locator('mark').allInnerTexts();
    expect(marks.sort()).toEqual(['whanau', 'whānau', 'whānau', 'whānau'].sort());
    expect(await results.getByText('Koro Hemi').isVisible()).toBe(true);
    await app.screenshot('search-whanau');
  });

  it('with macrons too: Māori finds Maaori; a click opens the transcript at the place', async () => {
    const { page } = app;
    const box = page.getByRole('searchbox', { name: 'Search transcripts' });
    await box.fill('Māori');
    const results = page.getByTestId('search-results');
    await results.locator('mark', { hasText: 'Maaori' }).waitFor();
    await box.fill('tuakana–teina');
    await results.locator('mark', { hasText: 'tuakana-teina' }).waitFor();
    await results.getByRole('button', { name: /tuakana-teina way/ }).click();
    const transcript = page.getByTestId('transcript-view');
    await transcript.waitFor();
    expect(await transcript.getAttribute('data-source-id')).toBe('1');
    await page.getByText('the tuakana-teina way is how we look after each other', { exact: false }).waitFor();
    await app.screenshot('search-jump');
  });

  it('codes all results in one step, after a preview', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const box = page.getByRole('searchbox', { name: 'Search transcripts' });
    await box.fill('whanau');
    await page.getByText(/^4 matches of whanau in 3 passages$/).waitFor();
    await page.getByRole('button', { name: 'Code all results…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Code all results' });
    await dialog.getByLabel('Code').selectOption({ label: 'Whānau' });
    await dialog.getByText(/Will code 4 matches in 1 transcript/).waitFor();
    await app.screenshot('search-code-all');
    await dialog.getByRole('button', { name: 'Code 4 matches' }).click();
    await page.getByText('Coded 4 matches with “Whānau”.', { exact: false }).waitFor();
    const codings = await must<Array<{ codeId: number }>>('codings-list', { sourceId: 1 });
    expect(codings.length).toBeGreaterThanOrEqual(4 + 3);
  });

  it('runs a matrix of codes by role; a cell opens to its segments; mixed kinds of talk are flagged', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Queries & matrix' }).click();
    const table = page.getByTestId('matrix-table');
    await table.waitFor();
    // Kept apart by default: the mainstream frame's matrix counts the focus groups and interviews only.
    const mode = page.getByRole('combobox', { name: 'Mode' });
    expect(await mode.inputValue()).toBe('mainstream');
    await expect.poll(() => table.getByRole('columnheader').allInnerTexts()).not.toContain('kaumātua');
    // Both modes, chosen: said in the matrix's notes (and, on the other tabs, above them).
    await mode.selectOption('both');
    const cell = table.getByRole('button', { name: 'Relationship, peer support worker: 3 segments, 2 participants' });
    expect(await cell.innerText()).toBe('3 segs / 2 participants');
    await expect.poll(() => table.getByRole('columnheader').allInnerTexts()).toContain('kaumātua');
    expect(await page.getByRole('note').filter({ hasText: 'kinds of talk differ' }).innerText()).toMatch(/individual interview.*kinds of talk differ/);
    expect(await page.getByRole('note').filter({ hasText: 'mix mainstream focus groups and tikanga-based hui' }).count()).toBe(1);
    // Heat shading: the fullest cell is the darkest.
    const shade = async (name: RegExp) => {
      const bg = await table.getByRole('button', { name }).evaluate((el) => (el as unknown as { style: { backgroundColor: string } }).style.backgroundColor);
      return (bg.match(/\d+/g) ?? []).slice(0, 3).reduce((sum, v) => sum + Number(v), 0);
    };
    expect(await shade(/^Relationship, peer support worker:/)).toBeLessThan(await shade(/^Relationship, facilitator:/));
    await cell.click();
    const segs = page.getByRole('list', { name: 'Relationship, peer support worker' });
    await segs.waitFor();
    expect(await segs.getByRole('listitem').count()).toBe(3);
    expect(await segs.innerText()).toContain('Rachel Moana');
    // A cell with one segment says so in the singular.
    expect(await table.getByRole('button', { name: /^Relationship, facilitator:/ }).innerText()).toBe('1 seg / 1 participant');
    await app.screenshot('matrix-role');
    await segs.getByRole('button').first().click();
    await page.getByTestId('transcript-view').waitFor();
  });

  it('runs a coding query restricted to a role', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Queries & matrix' }).click();
    await page.getByRole('tab', { name: 'Coding query' }).click();
    await page.getByRole('combobox', { name: 'Mode' }).selectOption('both');
    await page.getByTestId('mode-mix-note').waitFor();
    await page.getByLabel('Whānau in the query').selectOption('or');
    await page.getByRole('combobox', { name: 'Role' }).selectOption('kaumātua');
    await page.getByRole('button', { name: 'Run query' }).click();
    await page.getByRole('heading', { name: '2 segments in 1 source, 1 participant' }).waitFor();
    const list = page.getByRole('list', { name: 'Query results' });
    expect(await list.getByRole('listitem').count()).toBe(2);
    expect(await list.innerText()).toContain('Koro Hemi');
    await app.screenshot('coding-query');
    // NEAR: the closeness sits on the condition's own row, "in the same turn" or "within N words".
    await page.getByLabel('Relationship in the query').selectOption('near');
    const how = page.getByRole('combobox', { name: 'NEAR: how close' });
    expect(await how.inputValue()).toBe('turn');
    await how.selectOption('words');
    await page.getByRole('textbox', { name: 'NEAR within how many words' }).fill('5');
    await app.screenshot('coding-query-near');
    await page.getByLabel('Relationship in the query').selectOption('');
    expect(await how.count()).toBe(0);
  });

  it('draws the matrix as a heat map and exports it as PNG and SVG', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Queries & matrix' }).click();
    await page.getByRole('tab', { name: 'Charts' }).click();
    await page.getByRole('combobox', { name: 'Mode' }).selectOption('both');
    await page.getByText('Matrix heat map').click();
    const chart = page.getByTestId('chart');
    await chart.locator('canvas').first().waitFor();
    await page.getByRole('button', { name: 'Export PNG' }).waitFor();
    await page.waitForTimeout(600); // let the chart's entry animation finish before the screenshot
    await app.screenshot('chart-matrix-heatmap');
    // Export goes through the core (its own SVG, export labels; the PNG checked), into the harness's exports folder.
    await page.getByRole('button', { name: 'Export PNG' }).click();
    await page.getByText(/Saved .*matrix-codes-by-roles\.png/).waitFor();
    const pngBytes = readFileSync(join(app.workDir, 'exports', 'matrix-codes-by-roles.png'));
    expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
    await page.getByRole('button', { name: 'Export SVG' }).click();
    await page.getByText(/Saved .*matrix-codes-by-roles\.svg/).waitFor();
    const svgText = readFileSync(join(app.workDir, 'exports', 'matrix-codes-by-roles.svg'), 'utf8');
    expect(svgText).toMatch(/^<\?xml[^>]*>\n<svg /);
    expect(svgText).toContain('peer supporter');
    await page.getByText('Code frequencies').click();
    await chart.locator('canvas').first().waitFor();
    await page.waitForTimeout(600);
    await app.screenshot('chart-frequencies');
  });

  it('ran without console errors or CSP violations', () => {
    expect(app.problems).toEqual([]);
  });
});
