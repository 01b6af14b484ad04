/** Search, queries, matrix and chart export over the browser harness's HTTP API. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/api/errors';
import { startHarness, type Harness } from '../../electron/web/harness-server';
import { tempDir } from '../support/temp';

let h: Harness;
let workDir: string;

beforeAll(async () => {
  const dir = tempDir('focal-search-api-');
  workDir = join(dir, 'projects');
  h = await startHarness({ workDir, staticDir: join(process.cwd(), 'dist', 'renderer'), logger: () => {} });
});
afterAll(() => h?.close());

async function post(name: string, body: unknown): Promise<Envelope<unknown>> {
  const res = await fetch(`${h.url}/api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-focal-token': h.token }, body: JSON.stringify(body) });
  return (await res.json()) as Envelope<unknown>;
}
async function value<T>(name: string, body: unknown = {}): Promise<T> {
  const env = await post(name, body);
  if (!env.ok) throw new Error(`${name}: ${env.error.message}`);
  return env.value as T;
}

describe('search and matrix over HTTP', () => {
  it('searches a project created and filled over the API', async () => {
    await value('project-new', { name: 'Hui search' });
    await value('import-files', { files: [{ name: 'hui.txt', dataBase64: readFileSync(join(process.cwd(), 'test/fixtures/hui-tupu-group-interview.txt')).toString('base64') }], onDuplicate: 'import' });
    const r = await value<{ total: number; hits: Array<{ context: Array<{ text: string; hit: boolean }> }> }>('search-run', { query: 'whanau' });
    expect(r.total).toBe(3);
    expect(r.hits.flatMap((x) => x.context.filter((s) => s.hit).map((s) => s.text))).toContain('whānau');
  });

  it('validates input before the core sees it, and explains queries it cannot run', async () => {
    const tooMany = await post('search-run', { query: 'whanau', limit: 100_000 });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    const notAlone = await post('search-run', { query: 'NOT hui' });
    expect(notAlone).toMatchObject({ ok: false, error: { code: 'bad-input', message: expect.stringMatching(/NOT needs something/) } });
    const badCols = await post('matrix-run', { cols: 'colour' });
    expect(badCols).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });

  it('saves a matrix (counts only) and chart images into the exports folder; refuses a fake image', async () => {
    const code = await value<{ id: number }>('code-create', { frameId: 1, name: 'Whānau' });
    await value('search-code-apply', { query: 'whanau', codeId: code.id, scope: 'turns' });
    const saved = await value<{ path: string }>('matrix-export', { cols: 'participant', format: 'csv' });
    expect(saved.path.startsWith(join(workDir, 'exports'))).toBe(true);
    const csv = readFileSync(saved.path, 'utf8');
    expect(csv).toMatch(/^\ufeffCode,/);
    expect(csv).toContain('Whānau,');
    expect(csv).not.toMatch(/whakapapa|hurting/);
    const xlsx = await value<{ path: string }>('matrix-export', { cols: 'role', format: 'xlsx' });
    expect(readFileSync(xlsx.path).subarray(0, 2).toString()).toBe('PK');
    // The core draws the SVG from the chart's data: an SVG sent by the page is not used.
    const svg = await value<{ path: string }>('chart-save', { chart: { kind: 'frequency' }, format: 'svg', data: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>' });
    expect(readFileSync(svg.path, 'utf8')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg [^>]*>\n<title>Coded segments per code<\/title>/);
    const fake = await post('chart-save', { chart: { kind: 'frequency' }, format: 'png', png: `data:image/png;base64,${Buffer.from('Kia ora. For us it starts with whakapapa.').toString('base64')}` });
    expect(fake).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });
});
