/**
 * Scan, check and auto-code run as jobs: progress per transcript with the job's id, and `job-cancel`
 * stops them between transcripts. Stopped at random moments, auto-code writes nothing (one
 * transaction, one undo step); the file stays intact. Finished, the job answers what the same
 * call answered before it was a job.
 */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FocalEvents } from '../../../shared/api/events';
import { scan } from '../../../electron/core/pseudonyms/scan';
import { projectCheck } from '../../../electron/core/consent/project-check';
import { previewAutoCode } from '../../../electron/core/codings/auto-code';
import { testCore } from '../../support/core';
import { seededRandom, syntheticTranscript } from '../../support/synthetic';

const { core, api, path } = testCore();

async function setup(): Promise<number> {
  await api['project-new']({ name: 'Jobs', path: path('jobs.focal') });
  const files = Array.from({ length: 12 }, (_, i) => {
    const p = path(`fg-${i + 1}.txt`);
    // A name in the talk, so the scan and the check have identifiers to find.
    writeFileSync(p, syntheticTranscript(3_000, i + 1).replace(/ hope /g, ' hope Wiremu Tane '));
    return { name: `fg-${i + 1}.txt`, path: p };
  });
  await api['import-files']({ files });
  const frameId = (await api['frames-list']({}))[0]!.id;
  return (await api['code-create']({ frameId, name: 'Hope' })).id;
}

/** Runs a call and, after n turns of the event loop, cancels its job by the id `jobs-list` gives. */
async function cancelAt(name: string, input: unknown, task: string, n: number) {
  const call = core.call(name, input);
  let cancelled = false;
  for (let k = 0; k < n && !cancelled; k++) {
    await new Promise((r) => setImmediate(r));
    const job = (await api['jobs-list']({})).find((j) => j.task === task);
    if (k === n - 1 && job) cancelled = (await api['job-cancel']({ jobId: job.id })).cancelled;
  }
  return { env: await call, cancelled };
}

const count = (sql: string) => core.requireProject().db.prepare(sql).pluck().get() as number;

describe('long jobs: scan, check, auto-code', () => {
  it('finish with progress to the end and the same answer as before; stop at random moments leaving nothing half-written', async () => {
    const codeId = await setup();
    const db = core.requireProject().db;

    const events: FocalEvents['progress'][] = [];
    const off = core.on('progress', (p: FocalEvents['progress']) => events.push(p));
    const scanned = await api['pseudo-scan']({ limit: 20, facets: true });
    const checked = await api['project-check']({});
    const previewed = await api['autocode-preview']({ codeId, pattern: 'hope' });
    off();
    expect(scanned).toEqual(scan(db, { limit: 20, facets: true }));
    expect(scanned.total).toBeGreaterThan(0);
    expect(checked).toEqual(projectCheck(db));
    expect(checked.some((p) => p.kind === 'identifiers-pending')).toBe(true);
    const { ranges: _r, ...summary } = previewed;
    const { ranges: _s, ...direct } = previewAutoCode(db, { codeId, pattern: 'hope' });
    expect(summary).toEqual(direct);
    expect(previewed.count).toBeGreaterThan(100);
    for (const task of ['scan', 'check', 'auto-code-preview']) {
      const mine = events.filter((e) => e.task === task);
      expect(mine.length, task).toBeGreaterThan(0);
      expect(new Set(mine.map((e) => e.jobId)).size, task).toBe(1);
      expect(mine.at(-1)!.done, task).toBe(mine.at(-1)!.total);
    }

    const rnd = seededRandom(3);
    const before = { codings: count('SELECT count(*) FROM codings'), history: count('SELECT count(*) FROM history') };
    let stopped = 0;
    for (let i = 0; i < 50; i++) {
      const [name, input, task] = (
        [
          ['autocode-apply', { codeId, pattern: 'hope' }, 'auto-code'],
          ['pseudo-scan', { limit: 5 }, 'scan'],
          ['project-check', {}, 'check'],
        ] as const
      )[i % 3]!;
      const { env, cancelled } = await cancelAt(name, input, task, 1 + Math.floor(rnd() * 11));
      expect(cancelled).toBe(true);
      expect(env.ok).toBe(false);
      if (!env.ok) expect(env.error.code).toBe('cancelled');
      stopped++;
      expect(count('SELECT count(*) FROM codings')).toBe(before.codings);
      expect(count('SELECT count(*) FROM history')).toBe(before.history);
    }
    expect(stopped).toBe(50);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(await api['jobs-list']({})).toEqual([]);

    // Code all results runs as a job too (found, then coded in one step).
    const seen: FocalEvents['progress'][] = [];
    const off2 = core.on('progress', (p: FocalEvents['progress']) => seen.push(p));
    const all = await api['search-code-apply']({ query: 'Wiremu', codeId, scope: 'hits' });
    off2();
    expect(all.coded).toBeGreaterThan(0);
    expect(seen.filter((e) => e.task === 'code-all').at(-1)).toMatchObject({ done: 2, total: 2 });
    await api['history-undo']({});

    // Run to the end, auto-code writes every hit in one undo step.
    const applied = await api['autocode-apply']({ codeId, pattern: 'hope' });
    expect(applied.coded).toBe(previewed.count);
    expect(count('SELECT count(*) FROM codings')).toBe(before.codings + previewed.count);
    expect(count('SELECT count(*) FROM history')).toBe(before.history + 1);
    await api['history-undo']({});
    expect(count('SELECT count(*) FROM codings')).toBe(before.codings);
  }, 120_000);
});
