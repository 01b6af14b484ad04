/**
 * Stopping an import at any moment leaves the project whole: over the harness's real transport,
 * an import of many files is cancelled 50 times at random moments (job-cancel reaching the busy
 * writer between files), and after each the database passes integrity_check and every source is
 * either there in full (all its turns, its audit line) or not there at all.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../electron/web/harness-server';
import { seededRandom, syntheticTranscript } from '../support/synthetic';
import { tempDir } from '../support/temp';
import { post, value } from './harness-post';

let h: Harness;
const FILES = 12;
let files: Array<{ name: string; path: string }>;
/** Turns each file has when imported whole. */
const turnsOf = new Map<string, number>();

beforeAll(async () => {
  const dir = tempDir('focal-cancel-');
  const workDir = join(dir, 'projects');
  const staticDir = join(dir, 'static');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>stub</title>');
  h = await startHarness({ workDir, staticDir, logger: () => {}, readers: 1 });
  const inbox = join(workDir, 'inbox');
  mkdirSync(inbox, { recursive: true });
  files = Array.from({ length: FILES }, (_, i) => {
    const path = join(inbox, `batch-${i}.txt`);
    writeFileSync(path, syntheticTranscript(3_000 + 500 * i, 7 + i));
    return { name: `batch-${i}.txt`, path };
  });
  // Reference: each file imported whole, once, in a project of its own.
  await value(h, 'project-new', { name: 'Reference' });
  await value(h, 'import-files', { files, onDuplicate: 'import' });
  const db = h.core.requireProject().db;
  for (const r of db.prepare("SELECT s.file_name AS f, (SELECT count(*) FROM blocks b WHERE b.source_id = s.id AND b.kind = 'turn') AS n FROM sources s").all() as Array<{ f: string; n: number }>) turnsOf.set(r.f, r.n);
  expect(turnsOf.size).toBe(FILES);
  await value(h, 'project-new', { name: 'Cancelled imports' });
}, 120_000);
afterAll(() => h?.close());

function assertIntact(round: number): number {
  // A fresh connection each time, as a copy of the file or the next start would read it. (FTS5's
  // integrity check on a connection kept open while another one writes reports its own stale
  // cache as "corruption"; a fresh connection to the same file finds it sound.)
  const db = new Database(h.core.relay.session.projectPath!, { readonly: true, fileMustExist: true });
  try {
    return checkWhole(db, round);
  } finally {
    db.close();
  }
}

function checkWhole(db: Database.Database, round: number): number {
  expect(db.pragma('integrity_check', { simple: true }), `round ${round}`).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
  const sources = db.prepare("SELECT id, file_name AS f, (SELECT count(*) FROM blocks b WHERE b.source_id = s.id AND b.kind = 'turn') AS n FROM sources s").all() as Array<{ id: number; f: string; n: number }>;
  const audited = new Set((db.prepare("SELECT json_extract(detail, '$.sourceId') FROM audit_log WHERE action = 'source-imported'").pluck().all() as number[]));
  for (const s of sources) {
    expect(s.n, `round ${round}: ${s.f} has all its turns`).toBe(turnsOf.get(s.f));
    expect(audited.has(s.id), `round ${round}: ${s.f} has its audit line`).toBe(true);
  }
  // And no audit line for a source that is not there.
  const ids = new Set(sources.map((s) => s.id));
  for (const id of audited) expect(ids.has(id), `round ${round}: audit line for source ${id}`).toBe(true);
  return sources.length;
}

describe('cancelling an import', () => {
  it('at 50 random moments leaves the project intact each time', async () => {
    const rnd = seededRandom(20261204);
    // How long a whole import takes here, so the moments spread over all of it.
    const t = performance.now();
    await value(h, 'import-files', { files, onDuplicate: 'import' });
    const whole = performance.now() - t;
    let before = assertIntact(0);
    let stopped = 0;
    for (let round = 1; round <= 50; round++) {
      const jobIds: string[] = [];
      const off = h.core.on('progress', (p) => {
        if (p.task === 'import' && p.jobId && !jobIds.includes(p.jobId)) jobIds.push(p.jobId);
      });
      const importing = post(h, 'import-files', { files, onDuplicate: 'import' });
      const delay = rnd() * whole * 1.1;
      await new Promise((r) => setTimeout(r, delay));
      // The id from the job's own progress events (as the Stop button has it), else from jobs-list.
      const jobId = jobIds[0] ?? (await value<Array<{ id: string; task: string }>>(h, 'jobs-list')).find((j) => j.task === 'import')?.id;
      const cancel = jobId ? await value<{ cancelled: boolean }>(h, 'job-cancel', { jobId }) : { cancelled: false };
      const result = await importing;
      off();
      if (cancel.cancelled) {
        stopped++;
        expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
      } else expect(result.ok).toBe(true);
      const after = assertIntact(round);
      expect(after - before).toBeLessThanOrEqual(FILES);
      if (!cancel.cancelled) expect(after - before).toBe(FILES);
      before = after;
    }
    // The moments were spread so that most imports were really stopped part-way.
    expect(stopped).toBeGreaterThan(10);
    console.log(`import of ${FILES} files (${whole.toFixed(0)} ms whole): stopped ${stopped} of 50 times, project intact every time`);
  }, 300_000);
});
