/** Quotes by query and from search, and the transcript's never-exported marks, over the browser harness's HTTP API. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/api/errors';
import type { QuotesAdded, TranscriptExportMark } from '../../shared/domain/quotes-from';
import { startHarness, type Harness } from '../../electron/web/harness-server';
import { tempDir } from '../support/temp';
import { nextEvent } from './harness-client';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ workDir: join(tempDir('focal-quotes-api-'), 'projects'), staticDir: join(process.cwd(), 'dist', 'renderer'), logger: () => {} });
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

describe('quotes by query over HTTP', () => {
  let sourceId = 0;

  it('adds search hits and query segments to the quote bank, counts only, and announces the change', async () => {
    await value('project-new', { name: 'Hui quotes' });
    const [imported] = await value<Array<{ sourceId: number }>>('import-files', { files: [{ name: 'hui.txt', dataBase64: readFileSync(join(process.cwd(), 'test/fixtures/hui-tupu-group-interview.txt')).toString('base64') }] });
    sourceId = imported!.sourceId;
    const changed = nextEvent(h.port, h.token, 'changed', () => void post('quotes-from-search', { query: 'Maaori', scope: 'turn' }));
    expect(await changed).toEqual({ kinds: ['quotes'] });
    const again = await value<QuotesAdded>('quotes-from-search', { query: 'Maaori', scope: 'turn' });
    expect(again).toEqual({ quoteIds: [], added: 0, skipped: 1, refused: 0, refusedReason: null, notSpeech: 0 });

    const code = await value<{ id: number }>('code-create', { frameId: 1, name: 'Whānau' });
    await value('source-frames-set', { sourceId, frameIds: [1] }); // the hui is tikanga-based: opened to the mainstream frame on purpose
    await value('search-code-apply', { query: 'whanau', codeId: code.id, scope: 'hits' });
    const fromQuery = await value<QuotesAdded>('quotes-from-query', { any: [code.id] });
    expect(fromQuery.added).toBe(4);
    expect(JSON.stringify(fromQuery)).not.toMatch(/wh[aā]nau/i);
  });

  it('validates input before the core sees it', async () => {
    expect(await post('quotes-from-search', { query: 'whanau', scope: 'paragraph' })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(await post('quotes-from-query', { any: ['x'] })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(await post('quotes-from-query', {})).toMatchObject({ ok: false, error: { code: 'bad-input', message: expect.stringMatching(/at least one code/) } });
    expect(await post('transcript-export-marks', { sourceId: -1 })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });

  it('lists a marked passage and a noted withdrawal among the transcript marks', async () => {
    await value('passage-mark-add', { sourceId, start: 10, end: 40, kind: 'restricted', reason: 'kaitiaki asked' });
    const marks = await value<TranscriptExportMark[]>('transcript-export-marks', { sourceId });
    expect(marks[0]).toEqual({ start: 10, end: 40, kind: 'restricted', reason: 'kaitiaki asked', who: null, withdrawnOn: null });
    // and the turn the transcript itself notes as withdrawn
    expect(marks.slice(1)).toEqual([expect.objectContaining({ kind: 'withdrawn', reason: 'noted in the transcript' })]);
  });
});
