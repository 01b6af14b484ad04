/** Writing an export: to a temporary file beside the target, then renamed, so a reader never sees half a file. */
import { createHash, randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { FocalError } from '../errors';

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function writeAtomically(path: string, data: Buffer): string {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, data, { flag: 'wx' });
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new FocalError('internal', `Could not write ${path}: ${(e as Error).message}. Choose another folder.`);
  }
  return sha256(data);
}
