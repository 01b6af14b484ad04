/**
 * A researcher runs a matrix of codes by participant (real names on screen), exports it as CSV,
 * XLSX and as a heat-map PNG and SVG through the page, and the files in the harness's exports
 * folder name nobody: pseudonyms, neutral labels for people with none. Forcing real names is
 * refused, naming who has not consented.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, ROOT, coreApi, createProjectInPage, launchApp, openApp, type E2EApp } from '../support/app';
import { openTikangaTo } from '../../support/open-frames';

let app: E2EApp;
const REAL = ['Aroha Ngata', 'Tama Rewiri', 'Mere Tawhiri', 'Koro Hemi', 'Waiata Henare', 'Rachel Moana', 'David Chen', 'Priya Sharma', 'Sam Lee', 'Geoff Baker'];
const NAMES = [...REAL, ...REAL.map((n) => n.split(' ')[1]!), 'Aroha', 'Waiata', 'Rachel', 'David', 'Priya', 'Geoff'];
const exported = (file: string) => join(app.workDir, 'exports', file);
const expectNoRealNames = (text: string) => {
  for (const n of NAMES) expect(text).not.toMatch(new RegExp(`\\b${n}\\b`, 'i'));
};

beforeAll(async () => {
  app = await launchApp({ viewport: { width: 1440, height: 900 } });
  await openApp(app);
  await createProjectInPage(app, 'Matrix exports');
  const api = coreApi(app);
  await api['participants-import-csv']({ fileName: 'participants.csv', csv: readFileSync(join(ROOT, 'test/fixtures/participants.csv'), 'utf8') });
  const files = ['hui-tupu-group-interview.txt', 'focus-group-lived-experience.vtt', 'individual-interview-manager.srt'].map((name) => ({ name, path: join(ROOT, 'test', 'fixtures', name) }));
  await api['import-files']({ files, onDuplicate: 'import' });
  for (const r of await api['speakers-review']({})) if (r.suggestion.participantId) await api['speakers-map']({ speakerIds: [r.speakerId], participantId: r.suggestion.participantId });
  const frameId = (await api['frames-list']({}))[0]!.id;
  // A tikanga-based hui is kept apart from mainstream frames; with no kaitiaki named the project opens it on purpose.
  await openTikangaTo(api, frameId);
  const code = await api['code-create']({ frameId, name: 'Relationship' });
  const turns: number[] = [];
  for (const s of await api['sources-list']({})) turns.push(...(await api['source-get']({ sourceId: s.id })).blocks.filter((b) => b.kind === 'turn').map((b) => b.id));
  await api['coding-apply-blocks']({ codeId: code.id, blockIds: turns });
});
afterAll(() => app?.close());

describe('matrix and chart exports through the page', () => {
  it('exports a matrix by participant as CSV and XLSX with no real name in the files', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Queries & matrix' }).click();
    await page.getByRole('combobox', { name: 'Columns' }).selectOption('participant');
    // The hui's kōrero and the focus group's, together on purpose (the default is the frame's mode).
    await page.getByRole('combobox', { name: 'Mode' }).selectOption('both');
    const table = page.getByRole('table');
    await table.waitFor();
    // The screen keeps real names.
    await table.getByText('Aroha Ngata').first().waitFor();
    await page.getByRole('button', { name: 'Export CSV' }).click();
    await page.getByText(/Saved the matrix .*people by pseudonym.* to .*matrix-codes-by-participants\.csv/).waitFor();
    const csv = readFileSync(exported('matrix-codes-by-participants.csv'), 'utf8');
    expectNoRealNames(csv);
    expect(csv).toContain('Huia: segments');
    expect(csv).toMatch(/Participant \d+: segments/);
    await page.getByRole('button', { name: 'Export XLSX' }).click();
    await page.getByText(/Saved the matrix .* to .*matrix-codes-by-participants\.xlsx/).waitFor();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(exported('matrix-codes-by-participants.xlsx'));
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value)))));
    expectNoRealNames(cells.join('\n'));
    expect(cells).toContain('Huia');
    await app.screenshot('matrix-export-participants');
  });

  it('refuses forced real names, naming who has not consented', async () => {
    const { page } = app;
    await page.getByLabel('Real names in file').check();
    await page.getByRole('button', { name: 'Export CSV' }).click();
    await page.getByText(/Real names need each person's consent to be named: .*Aroha Ngata.* have not consented/).waitFor();
    await page.getByLabel('Real names in file').uncheck();
  });

  it('exports the heat map by participant as PNG and SVG drawn with pseudonyms', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Charts' }).click();
    await page.getByText('Matrix heat map').click();
    await page.getByTestId('chart').locator('canvas').first().waitFor();
    await page.getByRole('button', { name: 'Export SVG' }).click();
    await page.getByText(/Saved .*matrix-codes-by-participants\.svg/).waitFor();
    const svg = readFileSync(exported('matrix-codes-by-participants.svg'), 'utf8');
    expectNoRealNames(svg);
    expect(svg).toContain('>Huia</text>');
    await page.getByRole('button', { name: 'Export PNG' }).click();
    await page.getByText(/Saved .*matrix-codes-by-participants\.png/).waitFor();
    const png = readFileSync(exported('matrix-codes-by-participants.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expectNoRealNames(png.toString('latin1'));
    // The picture itself (drawn by the page from the core's SVG) is kept beside the screenshots to look at.
    mkdirSync(ARTIFACTS, { recursive: true });
    copyFileSync(exported('matrix-codes-by-participants.png'), join(ARTIFACTS, 'matrix-export-heatmap.png'));
    // Audited: one exports row per file.
    const formats = (await coreApi(app)['audit-exports']({})).map((e) => e.format);
    for (const f of ['matrix-csv', 'matrix-xlsx', 'chart-svg', 'chart-png']) expect(formats).toContain(f);
  });

  it('ran without console errors or CSP violations', () => {
    expect(app.problems).toEqual([]);
  });
});
