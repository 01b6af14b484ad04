/** Auto-coding and memos over the browser harness's HTTP API: validation, results, `changed` events. */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/api/errors';
import type { AutoCodePreview } from '../../shared/domain/coding';
import type { Memo } from '../../shared/domain/memos';
import type { Code, CodeFrame } from '../../shared/domain/project';
import { startHarness, type Harness } from '../../electron/web/harness-server';
import { tempDir } from '../support/temp';
import { nextEvent } from './harness-client';

let h: Harness;
let codeId: number;

async function post(name: string, body: unknown): Promise<Envelope<unknown>> {
  const res = await fetch(`${h.url}/api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-focal-token': h.token }, body: JSON.stringify(body) });
  return (await res.json()) as Envelope<unknown>;
}

async function value<T>(name: string, body: unknown = {}): Promise<T> {
  const env = await post(name, body);
  if (!env.ok) throw new Error(`${name}: ${env.error.message}`);
  return env.value as T;
}

beforeAll(async () => {
  const dir = tempDir('focal-coding-api-');
  const staticDir = join(dir, 'static');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>stub</title>');
  h = await startHarness({ workDir: join(dir, 'projects'), staticDir, logger: () => {} });
  await value('project-new', { name: 'API coding', path: join(dir, 'projects', 'api.focal') });
  // In browser mode only files in the harness's folder (or dropped/uploaded bytes) can be imported.
  const fixture = join(dir, 'projects', 'hui.txt');
  copyFileSync(join(process.cwd(), 'test/fixtures/hui-tupu-group-interview.txt'), fixture);
  await value('import-files', { files: [{ name: 'hui.txt', path: fixture }] });
  const [frame] = await value<CodeFrame[]>('frames-list');
  codeId = (await value<Code>('code-create', { frameId: frame!.id, name: 'Tuakana–teina' })).id;
  // The hui is tikanga-based (no kaitiaki named here): opened to the mainstream frame on purpose.
  const [src] = await value<Array<{ id: number }>>('sources-list');
  await value('source-frames-set', { sourceId: src!.id, frameIds: [frame!.id] });
});
afterAll(() => h?.close());

describe('auto-code over HTTP', () => {
  it('refuses an input naming both a pattern and a speaker', async () => {
    const env = await post('autocode-preview', { codeId, pattern: 'tuakana', speaker: 'Koro Hemi' });
    expect(env.ok).toBe(false);
    if (!env.ok) expect(env.error).toMatchObject({ code: 'bad-input', message: expect.stringMatching(/exactly one of speaker, participantId or pattern/) });
  });

  it('previews dash-folded matches, then applies and announces the change', async () => {
    const p = await value<AutoCodePreview>('autocode-preview', { codeId, pattern: 'tuakana-teina' });
    expect(p.count).toBe(1);
    expect(p.ranges[0]!.text).toBe('tuakana-teina');
    const event = nextEvent(h.port, h.token, 'changed', () => void post('autocode-apply', { codeId, pattern: 'tuakana—teina' }));
    expect(await event).toMatchObject({ kinds: expect.arrayContaining(['codings', 'history']) });
    const [code] = await value<Code[]>('codes-list', {});
    expect(code!.counts.segments).toBe(1);
  });
});

describe('memos over HTTP', () => {
  it('saves a memo and finds it again without macrons', async () => {
    const m = await value<Memo>('memo-save', { target: { kind: 'code', id: codeId }, body: '{"root":{"children":[]}}', bodyText: 'Kaumātua lead the tuakana–teina way' });
    expect(m.targetLabel).toBe('Code: Tuakana–teina');
    const found = await value<Memo[]>('memos-list', { query: 'kaumatua' });
    expect(found.map((x) => x.id)).toEqual([m.id]);
    const env = await post('memo-save', { target: { kind: 'banana', id: 1 }, body: '', bodyText: '' });
    expect(env.ok).toBe(false);
  });
});
