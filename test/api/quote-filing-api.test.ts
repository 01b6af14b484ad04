/** Filing quotes from a selection, over the browser harness's HTTP API (what the transcript's "Add quote" calls). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/api/errors';
import type { CheckedQuote, QuoteFromSelection } from '../../shared/domain/quotes';
import { startHarness, type Harness } from '../../electron/web/harness-server';
import { tempDir } from '../support/temp';

let h: Harness;
const dir = tempDir('focal-filing-api-');

beforeAll(async () => {
  h = await startHarness({ workDir: join(dir, 'projects'), staticDir: join(process.cwd(), 'dist', 'renderer'), logger: () => {} });
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

describe('quote filing over HTTP', () => {
  it('files a selection under the code covering it, asks when two do, and re-files on request', async () => {
    await value('project-new', { name: 'Filing over HTTP' });
    const file = join(dir, 'projects', 'talk.txt');
    writeFileSync(file, 'Ana: Peer support gave me hope when nothing else did.\n\nBen: The waiting list was the hardest part.\n');
    const [imported] = await value<Array<{ sourceId: number }>>('import-files', { files: [{ name: 'talk.txt', path: file }] });
    const sourceId = imported!.sourceId;
    const turns = (await value<{ blocks: Array<{ id: number; kind: string; start: number; end: number }> }>('source-get', { sourceId })).blocks.filter((b) => b.kind === 'turn');
    const hope = await value<{ id: number }>('code-create', { frameId: 1, name: 'Hope' });
    const waiting = await value<{ id: number }>('code-create', { frameId: 1, name: 'Waiting' });
    const access = await value<{ id: number }>('code-create', { frameId: 1, name: 'Access' });
    await value('coding-apply-blocks', { codeId: hope.id, blockIds: [turns[0]!.id] });
    await value('coding-apply-blocks', { codeId: waiting.id, blockIds: [turns[1]!.id] });
    await value('coding-apply-blocks', { codeId: access.id, blockIds: [turns[1]!.id] });

    const one = await value<QuoteFromSelection>('quote-from-selection', { sourceId, start: turns[0]!.start, end: turns[0]!.end });
    expect(one).toMatchObject({ codeId: hope.id, codePath: 'Hope', candidates: [] });

    const two = await value<QuoteFromSelection>('quote-from-selection', { sourceId, start: turns[1]!.start, end: turns[1]!.end });
    expect(two.quoteId).toBeNull();
    expect(two.candidates.map((c) => c.codePath)).toEqual(['Access', 'Waiting']);
    const chosen = await value<QuoteFromSelection>('quote-from-selection', { sourceId, start: turns[1]!.start, end: turns[1]!.end, codeId: waiting.id });
    expect(chosen).toMatchObject({ codeId: waiting.id, codePath: 'Waiting' });

    const [q] = await value<CheckedQuote[]>('quotes-list', { quoteIds: [chosen.quoteId] });
    expect(q!.coveringCodes.map((c) => c.codePath)).toEqual(['Access', 'Waiting']);
    expect((await value<CheckedQuote>('quote-update', { id: chosen.quoteId, codeId: access.id })).codePath).toBe('Access');
    expect((await value<CheckedQuote>('quote-update', { id: chosen.quoteId, codeId: null })).codePath).toBeNull();
    expect(await post('quote-from-selection', { sourceId, start: 0, end: 4, codeId: 'Hope' })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });
});
