/**
 * The core off the UI's path, through the browser harness (real HTTP, the cores in worker
 * threads): how long a light call (`codes-list`) waits while a full pseudonym scan runs on a
 * reader, and 50 concurrent mixed calls (the light ones' slowest answer). For comparison, the same
 * light call against one in-process core (the layout before: one thread answers everything).
 * Project: FOCAL_BENCH_WORKERS_FILES synthetic focus groups of 10,000 words (default 30).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FocalCore } from '../../electron/core/app/focal-core';
import { headlessHost } from '../../electron/core/host';
import { startHarness, type Harness } from '../../electron/web/harness-server';
import { syntheticTranscript } from '../support/synthetic';
import { type Bench, type BenchRow, fmt, stats } from './bench-kit';

const FILES = Number(process.env.FOCAL_BENCH_WORKERS_FILES ?? 30);
const WORDS = 10_000;

async function post(h: Harness, name: string, body: unknown): Promise<{ ok: boolean; ms: number; value: unknown }> {
  const t0 = performance.now();
  const res = await fetch(`${h.url}/api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-focal-token': h.token }, body: JSON.stringify(body) });
  const env = (await res.json()) as { ok: boolean; value?: unknown };
  return { ok: env.ok, ms: performance.now() - t0, value: env.value };
}

/** Polls `light` every 20 ms while `heavy` runs; the light call's latencies and the heavy call's time. */
async function whileRunning(heavy: () => Promise<unknown>, light: () => Promise<number>): Promise<{ heavyMs: number; samples: number[] }> {
  const t0 = performance.now();
  let done = false;
  const running = heavy().then(() => (done = true));
  const samples: number[] = [];
  await new Promise((r) => setTimeout(r, 30));
  while (!done) {
    samples.push(await light());
    await new Promise((r) => setTimeout(r, 20));
  }
  await running;
  return { heavyMs: performance.now() - t0, samples };
}

export const workersBench: Bench = {
  name: 'workers',
  async run(dir) {
    const workDir = join(dir, 'projects');
    const staticDir = join(dir, 'static');
    mkdirSync(staticDir, { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
    const inbox = join(workDir, 'inbox');
    mkdirSync(inbox, { recursive: true });
    const files = Array.from({ length: FILES }, (_, i) => {
      const path = join(inbox, `g-${i}.txt`);
      writeFileSync(path, syntheticTranscript(WORDS, 900 + i));
      return { name: `g-${i}.txt`, path };
    });
    const words = `${((FILES * WORDS) / 1e6).toFixed(1)}M words`;
    const rows: BenchRow[] = [];

    const h = await startHarness({ workDir, staticDir, logger: () => {} });
    try {
      const created = await post(h, 'project-new', { name: 'Bench' });
      const projectPath = (created.value as { path: string }).path;
      await post(h, 'import-files', { files, onDuplicate: 'import' });
      const frames = (await post(h, 'frames-list', {})).value as Array<{ id: number }>;
      const code = (await post(h, 'code-create', { frameId: frames[0]!.id, name: 'Bench code' })).value as { id: number };
      const sources = (await post(h, 'sources-list', {})).value as Array<{ id: number }>;
      await h.core.relay.allReady();

      const scan = await whileRunning(() => post(h, 'pseudo-scan', {}), async () => (await post(h, 'codes-list', {})).ms);
      const s = stats(scan.samples);
      rows.push({ benchmark: `workers: codes-list while a scan of ${words} runs (${scan.samples.length} calls)`, figure: `median ${fmt(s.median)}, p95 ${fmt(s.p95)}, max ${fmt(Math.max(...scan.samples))}`, target: '< 20 ms', note: `scan ${fmt(scan.heavyMs)} on a reader` });

      let n = 0;
      const coding = await whileRunning(() => post(h, 'project-check', {}), async () => (await post(h, 'coding-apply', { codeId: code.id, sourceId: sources[n++ % sources.length]!.id, start: 0, end: 30 })).ms);
      const c = stats(coding.samples);
      rows.push({ benchmark: `workers: coding-apply while project-check of ${words} runs`, figure: `median ${fmt(c.median)}, max ${fmt(Math.max(...coding.samples))}`, note: `check ${fmt(coding.heavyMs)}` });

      const mix: Array<[string, unknown, boolean]> = [
        ['codes-list', {}, true],
        ['sources-list', {}, true],
        ['project-info', {}, true],
        ['memos-list', {}, true],
        ['search-run', { query: 'whānau' }, false],
        ['project-check', {}, false],
        ['coding-apply', { codeId: code.id, sourceId: sources[0]!.id, start: 40, end: 80 }, false],
        ['codings-list', { sourceId: sources[1]!.id }, true],
        ['matrix-run', { cols: 'mode' }, false],
        ['frames-list', {}, true],
      ];
      const t0 = performance.now();
      const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => post(h, mix[i % mix.length]![0], mix[i % mix.length]![1]).then((r) => ({ ...r, light: mix[i % mix.length]![2] }))));
      const all = performance.now() - t0;
      const light = answers.filter((a) => a.light).map((a) => a.ms);
      rows.push({ benchmark: '50 concurrent mixed calls (harness, worker threads)', figure: `light ones max ${fmt(Math.max(...light))}, median ${fmt(stats(light).median)}`, target: '< 50 ms each', note: `${answers.filter((a) => a.ok).length}/50 answered ok, all in ${fmt(all)}` });
      await post(h, 'project-close', {});

      // Before: one core on one thread answers everything, so the light call waits for the scan.
      const core = new FocalCore({ dataDir: join(dir, 'inproc'), host: headlessHost('cli'), logger: () => {} });
      try {
        core.openProject(projectPath);
        const t1 = performance.now();
        const scanning = core.call('pseudo-scan', {});
        const light1 = core.call('codes-list', {}).then(() => performance.now() - t1);
        await scanning;
        rows.push({ benchmark: `in-process core (one thread): codes-list issued during a scan of ${words}`, figure: fmt(await light1), note: 'the layout before: it waits for the scan' });
      } finally {
        core.dispose();
      }
    } finally {
      await h.close();
    }
    return rows;
  },
};
