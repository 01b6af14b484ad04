/**
 * Writing an export: to a temporary file beside the target, then renamed, so a reader never sees
 * half a file. `withAuditedFile` (audit/audited-file.ts) wraps these steps with the audit row.
 */
import { createHash, randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { FocalError } from '../errors';

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A hidden, unique name beside the target (same folder, so the rename stays on one file system). */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

export type CrashPoint = 'pending' | 'temp' | 'rename';

/**
 * For crash tests only: `FOCAL_TEST_CRASH_AFTER=pending|temp|rename` kills the process (SIGKILL,
 * no cleanup, like a power cut to the process) right after that step of an audited file write.
 * In-process tests replace `crashHook.at` with a function that throws.
 */
export const crashHook: { at: (point: CrashPoint) => void } = {
  at(point) {
    if (process.env.FOCAL_TEST_CRASH_AFTER === point) process.kill(process.pid, 'SIGKILL');
  },
};

/** Writes `data` to `tmp` (which must not exist), then renames it onto `path`; removes `tmp` on failure. */
export function writeThenRename(tmp: string, path: string, data: Buffer, afterTemp: () => void = () => {}): void {
  try {
    writeFileSync(tmp, data, { flag: 'wx' });
    afterTemp();
    renameSync(tmp, path);
  } catch (e) {
    if (e instanceof SimulatedCrash) throw e;
    rmSync(tmp, { force: true });
    throw new FocalError('internal', `Could not write ${path}: ${(e as Error).message}. Choose another folder.`);
  }
}

/** Thrown by an in-process test's crash hook: passes every cleanup untouched, as a real crash would. */
export class SimulatedCrash extends Error {}

/** A file write with no audit row of its own (prefer withAuditedFile for anything holding project data). */
export function writeAtomically(path: string, data: Buffer): string {
  writeThenRename(tempPathFor(path), path, data);
  return sha256(data);
}
