/**
 * An export file never exists without its audit row, even when the process dies mid-export
 * (issue 11). The CLI is killed for real (SIGKILL) at each step of the write, then the project is
 * reopened and the exports table is read.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { focalArgv, runFocal } from '../support/run-cli';
import { testCore } from '../support/core';
import { acceptAllCandidates, codeEveryTurn, importAndMap } from '../core/export/fixture-project';

interface Row {
  id: number;
  destination: string;
  sha256: string | null;
  status: string;
}

describe('focal export killed mid-write', () => {
  const { api, core, dir } = testCore();
  const env = { FOCAL_DATA_DIR: join(dir, 'cli-state'), FOCAL_USER: 'Mere (CLI)' };
  const study = join(dir, 'study.focal');
  let n = 0;
  const copy = () => {
    const p = join(dir, `copy-${++n}.focal`);
    copyFileSync(study, p);
    return p;
  };
  const rows = (project: string, out: string): Row[] => {
    const db = new Database(project, { readonly: true });
    try {
      const cols = (db.prepare('PRAGMA table_info(exports)').all() as Array<{ name: string }>).map((c) => c.name);
      const status = cols.includes('status') ? 'status' : "'(no status column)' AS status";
      return db.prepare(`SELECT id, destination, sha256, ${status} FROM exports WHERE destination = ?`).all(out) as Row[];
    } finally {
      db.close();
    }
  };
  /** What opening the project in the app does (the on-open recovery), then the rows again. */
  const reopen = (project: string) => {
    const r = runFocal(['info', project, '--json'], env);
    expect(r.stderr).toBe('');
  };
  const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

  beforeAll(async () => {
    await api['project-new']({ name: 'Study', path: study });
    await importAndMap(api);
    await codeEveryTurn(api);
    acceptAllCandidates(core);
    core.closeProject();
  }, 60_000);

  it('a file that appears is already recorded: the CLI killed the moment the file exists leaves its row', async () => {
    const project = copy();
    const out = join(dir, 'killed.md');
    // Hold the project's write lock, so an export that records after writing is caught between the two.
    const lock = new Database(project);
    lock.exec('BEGIN IMMEDIATE');
    const child = spawn(process.execPath, [...focalArgv(), 'export', 'quotes', project, '--format', 'md', '--out', out], {
      env: { ...process.env, ...env },
      stdio: 'ignore',
    });
    let exited = false;
    const done = new Promise<void>((resolve) => child.on('exit', () => ((exited = true), resolve())));
    for (;;) {
      if (existsSync(out)) {
        child.kill('SIGKILL');
        break;
      }
      if (exited) break;
      await new Promise((r) => setTimeout(r, 2));
    }
    await done;
    lock.exec('ROLLBACK');
    lock.close();
    if (existsSync(out)) expect(rows(project, out)).toHaveLength(1);
    // Nothing of the quotes lies about in the folder unrecorded either (no temporary file).
    expect(readdirSync(dir).filter((f) => f.startsWith('.killed.md'))).toEqual([]);
  }, 60_000);

  it('killed after the rename, before the export is marked complete: the file has its row, completed on open', () => {
    const project = copy();
    const out = join(dir, 'after-rename.md');
    const r = runFocal(['export', 'quotes', project, '--format', 'md', '--out', out], { ...env, FOCAL_TEST_CRASH_AFTER: 'rename' });
    expect(r.code).toBe(-1); // killed by SIGKILL, no exit status
    expect(existsSync(out)).toBe(true);
    expect(rows(project, out)).toMatchObject([{ status: 'pending', sha256: sha(out) }]);
    reopen(project);
    expect(rows(project, out)).toMatchObject([{ status: 'complete', sha256: sha(out) }]);
  });

  it('killed after the pending row, before any file is written: the row is failed on open, no file', () => {
    const project = copy();
    const out = join(dir, 'after-pending.md');
    const r = runFocal(['export', 'quotes', project, '--format', 'md', '--out', out], { ...env, FOCAL_TEST_CRASH_AFTER: 'pending' });
    expect(r.code).toBe(-1);
    expect(existsSync(out)).toBe(false);
    expect(rows(project, out)).toMatchObject([{ status: 'pending' }]);
    reopen(project);
    expect(rows(project, out)).toMatchObject([{ status: 'failed' }]);
    expect(existsSync(out)).toBe(false);
  });

  it('killed after the temporary file, before the rename: the row is failed and the temporary file removed on open', () => {
    const project = copy();
    const out = join(dir, 'after-temp.md');
    const r = runFocal(['export', 'quotes', project, '--format', 'md', '--out', out], { ...env, FOCAL_TEST_CRASH_AFTER: 'temp' });
    expect(r.code).toBe(-1);
    expect(readdirSync(dir).filter((f) => f.startsWith('.after-temp.md'))).toHaveLength(1);
    reopen(project);
    expect(rows(project, out)).toMatchObject([{ status: 'failed' }]);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('.after-temp.md'))).toEqual([]);
  });

  it('a pending export whose file was changed before the reopen is failed and reported, and the file left alone', () => {
    const project = copy();
    const out = join(dir, 'changed.md');
    expect(runFocal(['export', 'quotes', project, '--format', 'md', '--out', out], { ...env, FOCAL_TEST_CRASH_AFTER: 'rename' }).code).toBe(-1);
    writeFileSync(out, 'someone else wrote here');
    reopen(project);
    expect(rows(project, out)).toMatchObject([{ status: 'failed' }]);
    expect(readFileSync(out, 'utf8')).toBe('someone else wrote here');
    const db = new Database(project, { readonly: true });
    const log = db.prepare("SELECT detail FROM audit_log WHERE action = 'export-failed'").pluck().all() as string[];
    db.close();
    expect(log.map((d) => JSON.parse(d))).toEqual([expect.objectContaining({ destination: out, reason: expect.stringMatching(/differs/) })]);
  });

  it('an export that is not interrupted is complete at once', () => {
    const project = copy();
    const out = join(dir, 'whole.md');
    expect(runFocal(['export', 'quotes', project, '--format', 'md', '--out', out], env).code).toBe(0);
    expect(rows(project, out)).toMatchObject([{ status: 'complete', sha256: sha(out) }]);
  });
});
