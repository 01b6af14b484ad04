/**
 * withAuditedFile: an export is recorded pending before its file exists, complete once it is in
 * place; a crash at any step is settled when the project is opened again. In-process: the crash
 * hook throws where the CLI test (test/cli/export-crash.test.ts) kills the process.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listExports } from '../../../electron/core/audit/export-audit';
import { withAuditedFile } from '../../../electron/core/audit/audited-file';
import { crashHook, SimulatedCrash, type CrashPoint } from '../../../electron/core/export/write-file';
import { testCore } from '../../support/core';
import { acceptAllCandidates, codeEveryTurn, importAndMap, recordRopu } from './fixture-project';

const realHook = crashHook.at;
const crashAt = (point: CrashPoint) => {
  crashHook.at = (p) => {
    if (p === point) throw new SimulatedCrash(`crash after ${p}`);
  };
};
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

describe('withAuditedFile', () => {
  const { api, core, dir } = testCore();
  const project = join(dir, 'a.focal');
  const record = { format: 'md', profile: 'report', quotes: [], action: 'quotes-exported' };
  const status = (id: number) => core.requireProject().db.prepare('SELECT status FROM exports WHERE id = ?').pluck().get(id);
  const reopen = () => {
    core.closeProject();
    return core.openProject(project);
  };
  afterEach(() => {
    crashHook.at = realHook;
  });

  beforeAll(async () => {
    await api['project-new']({ name: 'A', path: project });
  });

  it('records the export pending before anything is written, complete once the file is in place', () => {
    const out = join(dir, 'ok.md');
    const seen: Array<[CrashPoint, unknown, boolean]> = [];
    crashHook.at = (p) => {
      const row = core.requireProject().db.prepare("SELECT status FROM exports WHERE destination = ?").pluck().get(out);
      seen.push([p, row, existsSync(out)]);
    };
    const r = withAuditedFile(core, record, out, Buffer.from('kia ora\n'));
    expect(seen).toEqual([
      ['pending', 'pending', false],
      ['temp', 'pending', false],
      ['rename', 'pending', true],
    ]);
    expect(status(r.exportId)).toBe('complete');
    expect(r.sha256).toBe(sha(out));
    expect(listExports(core.requireProject().db, 1)[0]).toMatchObject({ id: r.exportId, status: 'complete', destination: out, sha256: r.sha256 });
  });

  it('a crash after the rename: the file has its row, and the reopen completes it', () => {
    const out = join(dir, 'renamed.md');
    crashAt('rename');
    expect(() => withAuditedFile(core, record, out, Buffer.from('tēnā koe\n'))).toThrow(SimulatedCrash);
    const id = core.requireProject().db.prepare('SELECT id FROM exports WHERE destination = ?').pluck().get(out) as number;
    expect(status(id)).toBe('pending');
    const s = reopen();
    expect(s.settledExports).toEqual([expect.objectContaining({ exportId: id, status: 'complete' })]);
    expect(status(id)).toBe('complete');
  });

  it('a crash after the pending row: no file, and the reopen marks it failed', () => {
    const out = join(dir, 'pending.md');
    crashAt('pending');
    expect(() => withAuditedFile(core, record, out, Buffer.from('x'))).toThrow(SimulatedCrash);
    const id = core.requireProject().db.prepare('SELECT id FROM exports WHERE destination = ?').pluck().get(out) as number;
    reopen();
    expect(status(id)).toBe('failed');
    expect(existsSync(out)).toBe(false);
  });

  it('a write that fails is marked failed at once, audited, and reported as an error', () => {
    const out = join(dir, 'no such folder', 'x.md');
    expect(() => withAuditedFile(core, record, out, Buffer.from('x'))).toThrow(/Could not write .*Choose another folder/);
    const row = core.requireProject().db.prepare('SELECT id, status FROM exports WHERE destination = ?').get(out) as { id: number; status: string };
    expect(row.status).toBe('failed');
    const log = core.requireProject().db.prepare("SELECT detail FROM audit_log WHERE action = 'export-failed' ORDER BY id DESC LIMIT 1").pluck().get() as string;
    expect(JSON.parse(log)).toMatchObject({ exportId: row.id, destination: out });
  });

  it('refuses to run inside a transaction, where the row would commit only after the file exists', () => {
    const db = core.requireProject().db;
    const out = join(dir, 'in-tx.md');
    expect(() => db.transaction(() => withAuditedFile(core, record, out, Buffer.from('x')))()).toThrow(/outside a transaction/);
    expect(existsSync(out)).toBe(false);
  });

  it('leaves an export another live process is writing alone (its writer is running)', () => {
    const db = core.requireProject().db;
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      const id = Number(
        db.prepare("INSERT INTO exports (format, profile, destination, sha256, gate_version, actor, created_at, status, writer) VALUES ('md', 'report', ?, NULL, 1, 'x', 'now', 'pending', ?)").run(join(dir, 'busy.md'), `${hostname()}:${child.pid}`).lastInsertRowid,
      );
      reopen();
      expect(status(id)).toBe('pending');
    } finally {
      child.kill('SIGKILL');
    }
  });
});

describe('the return document through withAuditedFile', () => {
  const { api, core, dir } = testCore();
  const project = join(dir, 'study.focal');
  let groupId = 0;

  beforeAll(async () => {
    await api['project-new']({ name: 'Study', path: project });
    await importAndMap(api);
    await codeEveryTurn(api);
    acceptAllCandidates(core);
    groupId = (await recordRopu(api, core)).groupId;
    const hui = (await api['sources-list']({})).find((s) => s.mode === 'tikanga')!;
    await api['source-update']({ sourceId: hui.id, groupId });
  }, 60_000);
  afterEach(() => {
    crashHook.at = realHook;
  });

  it('a crash after the rename leaves the document with its row, its turns and its audit line, completed on reopen', async () => {
    const out = join(dir, 'returned.md');
    core.host.chooseExportPath = async () => out;
    crashAt('rename');
    await expect(api['export-return']({ groupId, format: 'md' })).rejects.toThrow();
    expect(existsSync(out)).toBe(true);
    const db = () => core.requireProject().db;
    const row = db().prepare('SELECT id, status, sha256 FROM exports WHERE destination = ?').get(out) as { id: number; status: string; sha256: string };
    expect(row).toMatchObject({ status: 'pending', sha256: sha(out) });
    expect(db().prepare('SELECT count(*) FROM export_items WHERE export_id = ? AND quote_id IS NULL').pluck().get(row.id)).toBeGreaterThan(0);
    expect(db().prepare("SELECT count(*) FROM audit_log WHERE action IN ('return-exported', 'return-document') AND json_extract(detail, '$.exportId') = ?").pluck().get(row.id)).toBe(2);
    core.closeProject();
    core.openProject(project);
    expect(db().prepare('SELECT status FROM exports WHERE id = ?').pluck().get(row.id)).toBe('complete');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
