/**
 * Creating and opening project files (.focal: one SQLite database per project).
 *
 * Opening is two-phase so that a file that is not ours is never modified: first the raw header
 * is read, then the file is opened read-only and inspected; only a file that proves to be a
 * Focal project of a version we understand is reopened read-write (WAL, foreign keys) and migrated.
 */
import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import Database from 'better-sqlite3';
import { FocalError } from '../errors';
import { currentVersion, migrate, verifyAppliedMigrations } from './migrate';
import { LATEST_SCHEMA_VERSION } from './migrations/index';
import { assertSchemaIntact } from './schema-guard';
import { FOCAL_APPLICATION_ID, readSqliteHeader } from './sqlite-header';

export interface OpenOptions {
  /** Path to a better-sqlite3 native addon built for this runtime (the Electron shell passes one). */
  nativeBinding?: string;
  now?: () => string;
}

export type ProjectDb = Database.Database;

function configure(db: ProjectDb): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Durable enough for "nothing lost on a crash" with WAL: a committed transaction survives a
  // process crash; NORMAL only risks the last transactions on power loss, at a large speed gain.
  db.pragma('synchronous = NORMAL');
}

export function createProject(path: string, name: string, opts: OpenOptions = {}): ProjectDb {
  const now = opts.now ?? (() => new Date().toISOString());
  if (existsSync(path)) {
    throw new FocalError('project-exists', `${path} already exists; choose another name or open it instead.`);
  }
  const db = new Database(path, { nativeBinding: opts.nativeBinding });
  try {
    db.pragma(`application_id = ${FOCAL_APPLICATION_ID}`);
    configure(db);
    migrate(db, now);
    const t = now();
    db.prepare('INSERT INTO project (id, name, created_at, updated_at) VALUES (1, ?, ?, ?)').run(name, t, t);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Inspects a file read-only and throws a clear FocalError if it is not a Focal project we can open. */
export function inspectProjectFile(path: string, opts: OpenOptions = {}): { schemaVersion: number } {
  const label = basename(path);
  if (!existsSync(path)) throw new FocalError('not-found', `${path} does not exist.`);
  if (!statSync(path).isFile()) throw new FocalError('not-a-project', `${label} is a folder, not a Focal project file.`);
  const header = readSqliteHeader(path);
  if (header.kind === 'not-sqlite') {
    throw new FocalError('not-a-project', `${label} is not a Focal project: ${header.reason}. It was left unchanged.`);
  }
  if (header.kind === 'truncated') {
    throw new FocalError(
      'corrupt-project',
      `${label} is damaged: ${header.reason}. It was left unchanged; open a backup copy instead.`,
    );
  }
  let ro: ProjectDb;
  try {
    ro = new Database(path, { readonly: true, fileMustExist: true, nativeBinding: opts.nativeBinding });
  } catch (e) {
    throw new FocalError('corrupt-project', `${label} could not be read as a database (${(e as Error).message}). It was left unchanged.`);
  }
  try {
    const appId = ro.pragma('application_id', { simple: true }) as number;
    if (appId !== FOCAL_APPLICATION_ID) {
      throw new FocalError(
        'foreign-database',
        `${label} is an SQLite database made by another program, not a Focal project. It was left unchanged.`,
      );
    }
    const version = currentVersion(ro);
    if (version > LATEST_SCHEMA_VERSION) {
      throw new FocalError(
        'newer-version',
        `${label} was saved by a newer version of Focal (project format ${version}; this version reads up to ${LATEST_SCHEMA_VERSION}). Update Focal to open it.`,
      );
    }
    if (version > 0) verifyAppliedMigrations(ro, label);
    assertSchemaIntact(ro, version, label, opts.nativeBinding);
    const hasProject = ro.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'project'").get();
    if (version > 0 && !hasProject) {
      throw new FocalError('corrupt-project', `${label} is missing its project table. It was left unchanged.`);
    }
    return { schemaVersion: version };
  } catch (e) {
    if (e instanceof FocalError) throw e;
    throw new FocalError('corrupt-project', `${label} is damaged (${(e as Error).message}). It was left unchanged.`);
  } finally {
    ro.close();
  }
}

export function openProject(path: string, opts: OpenOptions = {}): ProjectDb {
  const now = opts.now ?? (() => new Date().toISOString());
  inspectProjectFile(path, opts);
  const db = new Database(path, { fileMustExist: true, nativeBinding: opts.nativeBinding });
  try {
    configure(db);
    migrate(db, now);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
