/**
 * The harness's cores in worker threads: a long read on a reader never holds up a light call or a
 * write on the writer, and many calls at once are all answered. Over real HTTP, on a synthetic
 * project big enough that a scan takes a while.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../electron/web/harness-server';
import { syntheticTranscript } from '../support/synthetic';
import { tempDir } from '../support/temp';
import { post, timed, value } from './harness-post';

let h: Harness;
let codeId: number;
let sourceIds: number[];

const FILES = 30;
const WORDS = 10_000;

beforeAll(async () => {
  const dir = tempDir('focal-workers-');
  const workDir = join(dir, 'projects');
  const staticDir = join(dir, 'static');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>stub</title>');
  h = await startHarness({ workDir, staticDir, logger: () => {}, readers: 1 });
  await value(h, 'project-new', { name: 'Big' });
  const inbox = join(workDir, 'inbox');
  mkdirSync(inbox, { recursive: true });
  const files = Array.from({ length: FILES }, (_, i) => {
    const path = join(inbox, `group-${i}.txt`);
    writeFileSync(path, syntheticTranscript(WORDS, 100 + i));
    return { name: `group-${i}.txt`, path };
  });
  const imported = await value<Array<{ sourceId: number }>>(h, 'import-files', { files, onDuplicate: 'import' });
  sourceIds = imported.map((r) => r.sourceId);
  const [frame] = await value<Array<{ id: number }>>(h, 'frames-list', {});
  codeId = (await value<{ id: number }>(h, 'code-create', { frameId: frame!.id, name: 'Hope' })).id;
  await h.core.relay.allReady();
}, 120_000);
afterAll(() => h?.close());

describe('the core off the UI path', () => {
  it('answers codes-list, and a coding, while a long pseudo-scan runs on a reader', async () => {
    const t0 = performance.now();
    const scan = timed(h, 'pseudo-scan', {}, t0);
    // Let the scan reach its reader and start.
    await new Promise((r) => setTimeout(r, 50));
    const codes = await timed(h, 'codes-list', {}, t0);
    const coding = await timed(h, 'coding-apply', { codeId, sourceId: sourceIds[0], start: 0, end: 40 }, t0);
    const scanned = await scan;
    expect(scanned.env.ok).toBe(true);
    expect(codes.env.ok).toBe(true);
    expect(coding.env.ok).toBe(true);
    // Both were answered while the scan was still running.
    expect(codes.at).toBeLessThan(scanned.at);
    expect(coding.at).toBeLessThan(scanned.at);
    console.log(`pseudo-scan of ${(FILES * WORDS).toLocaleString()} words: ${scanned.took.toFixed(0)} ms; codes-list meanwhile: ${codes.took.toFixed(1)} ms; coding-apply: ${coding.took.toFixed(1)} ms`);
  }, 120_000);

  it('a search on a reader right after a coding sees it (the write was committed before it was answered)', async () => {
    const before = await value<Array<{ codeId: number }>>(h, 'segments-list', { codeId });
    await value(h, 'coding-apply', { codeId, sourceId: sourceIds[1], start: 0, end: 30 });
    const after = await value<Array<unknown>>(h, 'segments-list', { codeId });
    expect(after.length).toBe(before.length + 1);
    // And the search index a reader keeps open sees a new transcript at once.
    const q = { query: 'kōrero' };
    const inbox = join(h.core.relay.session.projectPath!, '..', 'inbox');
    const [added] = await value<Array<{ sourceId: number }>>(h, 'import-files', { files: [{ name: 'group-0.txt', path: join(inbox, 'group-0.txt') }], onDuplicate: 'import' });
    const same = (await value<{ total: number }>(h, 'search-run', { ...q, sourceIds: [sourceIds[0]] })).total;
    expect(same).toBeGreaterThan(0);
    // The same text, so the same hits, found in the transcript the writer has just stored.
    expect((await value<{ total: number }>(h, 'search-run', { ...q, sourceIds: [added!.sourceId] })).total).toBe(same);
  });

  it('answers 50 concurrent mixed calls, every one of them', async () => {
    const mix: Array<[string, unknown]> = [
      ['codes-list', {}],
      ['sources-list', {}],
      ['project-info', {}],
      ['search-run', { query: 'whānau' }],
      ['project-check', {}],
      ['coding-apply', { codeId, sourceId: sourceIds[2], start: 0, end: 20 }],
      ['codings-list', { sourceId: sourceIds[3] }],
      ['memos-list', {}],
      ['matrix-run', { cols: 'mode' }],
      ['jobs-list', {}],
    ];
    const t0 = performance.now();
    const calls = Array.from({ length: 50 }, (_, i) => {
      const [name, input] = mix[i % mix.length]!;
      return timed(h, name, input, t0).then((r) => ({ name, ...r }));
    });
    const answered = await Promise.all(calls);
    expect(answered).toHaveLength(50);
    for (const a of answered) expect(a.env, a.name).toMatchObject({ ok: true });
    const light = answered.filter((a) => ['codes-list', 'sources-list', 'project-info', 'memos-list', 'jobs-list'].includes(a.name));
    const slowest = (name: string) => Math.max(...answered.filter((a) => a.name === name).map((a) => a.took)).toFixed(0);
    console.log(`50 concurrent calls: all answered in ${Math.max(...answered.map((a) => a.at)).toFixed(0)} ms; light ones at most ${Math.max(...light.map((a) => a.took)).toFixed(0)} ms (${mix.map(([n]) => `${n} ${slowest(n)}`).join(', ')})`);
  }, 120_000);

  it('keeps the writer answering when a reader is busy with a read that fails', async () => {
    const [bad, codes] = await Promise.all([post(h, 'search-run', { query: '' }), post(h, 'codes-list', {})]);
    expect(bad.ok).toBe(false);
    expect(codes.ok).toBe(true);
  });
});
