/**
 * An export file never exists without its audit row. Every file export goes through
 * `withAuditedFile`:
 *   1. the export is recorded `pending` (destination, SHA-256 of the bytes, temporary file, writer)
 *      in the same transaction as the gate's decision (export_items) and its audit_log line;
 *   2. the bytes go to a hidden temporary file beside the destination, which is renamed into place;
 *   3. the export is marked `complete`.
 * A crash between any two steps leaves a pending row; opening the project settles it
 * (`settlePendingExports`): the file in place with the recorded hash → complete; otherwise failed
 * (the temporary file, if any, removed) and a line in audit_log says why.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { crashHook, sha256, SimulatedCrash, tempPathFor, writeThenRename } from '../export/write-file';
import { recordExport, type ExportRecord } from './export-audit';

export interface AuditedFileRecord extends Omit<ExportRecord, 'destination' | 'sha256' | 'pending'> {
  /** More rows for the same export (items, audit lines), written in the pending transaction. */
  alsoRecord?: ((exportId: number) => void) | undefined;
}

export interface AuditedFile {
  exportId: number;
  sha256: string;
}

const WRITER = () => `${hostname()}:${process.pid}`;

/** Records the export (pending), writes `bytes` to `path` by temp file and rename, marks it complete. */
export function withAuditedFile(core: FocalCore, record: AuditedFileRecord, path: string, bytes: Buffer): AuditedFile {
  const project = core.requireProject();
  const db = project.db;
  // The pending row must be committed before the file exists, so never inside a caller's transaction.
  if (db.inTransaction) throw new FocalError('internal', 'An export file must be written outside a transaction, so its record is committed first.');
  const hash = sha256(bytes);
  const tmp = tempPathFor(path);
  const { alsoRecord, ...r } = record;
  const exportId = db.transaction(() => {
    const id = recordExport(core, { ...r, destination: path, sha256: hash, pending: { tempPath: tmp, writer: WRITER() } });
    alsoRecord?.(id);
    return id;
  })();
  crashHook.at('pending');
  try {
    writeThenRename(tmp, path, bytes, () => crashHook.at('temp'));
  } catch (e) {
    if (e instanceof SimulatedCrash) throw e;
    settle(db, exportId, 'failed', core.now());
    project.audit(core.actor, 'export-failed', { exportId, destination: path, reason: (e as Error).message }, core.now());
    throw e;
  }
  crashHook.at('rename');
  settle(db, exportId, 'complete', core.now());
  return { exportId, sha256: hash };
}

function settle(db: ProjectDb, id: number, status: 'complete' | 'failed', now: string): void {
  db.prepare('UPDATE exports SET status = ?, settled_at = ?, temp_path = NULL WHERE id = ?').run(status, now, id);
}

/** True when `writer` names a process on this machine that is still running (it may be mid-write). */
function writerAlive(writer: string | null): boolean {
  if (!writer) return false;
  const at = writer.lastIndexOf(':');
  const host = writer.slice(0, at);
  const pid = Number(writer.slice(at + 1));
  if (host !== hostname() || !Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface SettledExport {
  exportId: number;
  destination: string;
  status: 'complete' | 'failed';
  reason: string;
}

/**
 * On open: each pending export left by a crash is settled. Its file in place with the recorded
 * SHA-256 → complete; missing, or not the bytes that were written → failed (the file, if any, is
 * left alone). A temporary file left beside it is removed. Each is audited; the list is returned.
 */
export function settlePendingExports(db: ProjectDb, now: string, actor = 'Focal (on open)'): SettledExport[] {
  const pending = db.prepare("SELECT id, destination, sha256, temp_path AS tempPath, writer FROM exports WHERE status = 'pending' ORDER BY id").all() as Array<{
    id: number;
    destination: string;
    sha256: string | null;
    tempPath: string | null;
    writer: string | null;
  }>;
  const out: SettledExport[] = [];
  for (const p of pending) {
    if (writerAlive(p.writer)) continue; // another window or command is writing it right now
    if (p.tempPath) rmSync(p.tempPath, { force: true });
    let status: SettledExport['status'] = 'failed';
    let reason: string;
    if (!existsSync(p.destination)) reason = 'the file was never written (Focal stopped before it was in place)';
    else if (p.sha256 !== null && sha256(readFileSync(p.destination)) === p.sha256) {
      status = 'complete';
      reason = 'the file is in place with the recorded SHA-256 (Focal stopped before marking it complete)';
    } else reason = 'a file is at the destination but its SHA-256 differs from what was written: it is not this export (left unchanged)';
    db.transaction(() => {
      settle(db, p.id, status, now);
      db.prepare('INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)').run(now, actor, status === 'complete' ? 'export-completed-on-open' : 'export-failed', JSON.stringify({ exportId: p.id, destination: p.destination, reason }));
    })();
    out.push({ exportId: p.id, destination: p.destination, status, reason });
  }
  return out;
}
