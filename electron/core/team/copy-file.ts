/**
 * Opening a coder's copy for a merge: read-only, after the same checks as opening any project
 * (a Focal file, not from a newer Focal, schema untouched: db/open-project.ts), and only when it
 * is of this format version and shares identity (GUIDs) with the open project.
 */
import { basename } from 'node:path';
import Database from 'better-sqlite3';
import type { ProjectDb } from '../db/open-project';
import { inspectProjectFile } from '../db/open-project';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index';
import { FocalError } from '../errors';

const GUID_TABLES = ['sources', 'code_frames', 'codes', 'participants', 'codings', 'memos'] as const;

export function openCopy(path: string, lead: ProjectDb, leadPath: string, nativeBinding?: string): Database.Database {
  const label = basename(path);
  if (path === leadPath) throw new FocalError('bad-input', `${label} is the open project itself; merge a coder's copy into it.`);
  let version: number;
  try {
    ({ schemaVersion: version } = inspectProjectFile(path, nativeBinding ? { nativeBinding } : {}));
  } catch (e) {
    if (e instanceof FocalError) throw new FocalError(e.code, `Cannot merge ${label}: ${e.message.replace(/It was left unchanged\.?/, '').trim()} Nothing was merged.`);
    throw e;
  }
  if (version < LATEST_SCHEMA_VERSION) {
    throw new FocalError('bad-input', `Cannot merge ${label}: it is in an older project format (${version}; this Focal writes ${LATEST_SCHEMA_VERSION}). Open it once in this version of Focal, then merge it. Nothing was merged.`);
  }
  const copy = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    let shared = 0;
    let any = 0;
    for (const t of GUID_TABLES) {
      const guids = copy.prepare(`SELECT guid FROM ${t}`).pluck().all() as string[];
      any += guids.length;
      const has = lead.prepare(`SELECT 1 FROM ${t} WHERE guid = ?`).pluck();
      for (const g of guids) {
        if (has.get(g)) {
          shared++;
          break;
        }
      }
      if (shared) break;
    }
    if (any && !shared) throw new FocalError('bad-input', `Cannot merge ${label}: it is a different project (no code, source, participant or memo in common with this one). Merge only copies saved from this project. Nothing was merged.`);
    return copy;
  } catch (e) {
    copy.close();
    throw e;
  }
}
