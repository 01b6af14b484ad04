/**
 * An open project: its database and the few things every handler needs from it.
 * Handlers are written synchronously against better-sqlite3; each user action is one transaction,
 * committed before the call returns, so nothing is lost if the app is killed a moment later.
 */
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { ProjectCounts, ProjectInfo } from '../../../shared/domain/project';
import { settlePendingExports, type SettledExport } from '../audit/audited-file';
import { createProject, openProject, type OpenOptions, type ProjectDb } from '../db/open-project';
import { currentVersion } from '../db/migrate';
import { installChangeCapture } from '../history/change-capture';

export class ProjectSession {
  private constructor(
    readonly db: ProjectDb,
    readonly path: string,
    /** A reader's connection (the worker pool's): never writes, never checkpoints. */
    readonly readOnly = false,
  ) {
    if (!readOnly) installChangeCapture(db);
  }

  /**
   * A read-only connection to a project another connection has open for writing (a reader in the
   * worker pool). WAL lets it read everything committed, while the writer goes on writing. The
   * writer opened (inspected, migrated) the file first; this only reads it.
   */
  static openReadOnly(path: string, opts: OpenOptions = {}): ProjectSession {
    const db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding: opts.nativeBinding });
    db.pragma('busy_timeout = 5000');
    return new ProjectSession(db, path, true);
  }

  static create(path: string, name: string, opts: OpenOptions = {}): ProjectSession {
    const db = createProject(path, name, opts);
    const session = new ProjectSession(db, path);
    session.seedDefaults(opts.now?.() ?? new Date().toISOString());
    return session;
  }

  /** What opening settled of the exports a crash left pending (audit/audited-file.ts). */
  settledExports: SettledExport[] = [];

  static open(path: string, opts: OpenOptions = {}): ProjectSession {
    const session = new ProjectSession(openProject(path, opts), path);
    session.settledExports = settlePendingExports(session.db, opts.now?.() ?? new Date().toISOString());
    return session;
  }

  /** A new project starts with one mainstream frame; the kaupapa Māori frame is offered, never imposed. */
  private seedDefaults(now: string): void {
    this.db.prepare("INSERT INTO code_frames (name, kind, created_at) VALUES ('Codes', 'mainstream', ?)").run(now);
  }

  counts(): ProjectCounts {
    const row = this.db
      .prepare(
        `SELECT (SELECT count(*) FROM sources) AS sources,
                (SELECT count(*) FROM participants) AS participants,
                (SELECT count(*) FROM codes) AS codes,
                (SELECT count(*) FROM codings) AS codings,
                (SELECT count(*) FROM memos) AS memos`,
      )
      .get() as ProjectCounts;
    return row;
  }

  info(): ProjectInfo {
    const p = this.db.prepare('SELECT name, created_at AS createdAt FROM project WHERE id = 1').get() as
      | { name: string; createdAt: string }
      | undefined;
    return {
      path: this.path,
      name: p?.name ?? basename(this.path, '.focal'),
      createdAt: p?.createdAt ?? '',
      schemaVersion: currentVersion(this.db),
      counts: this.counts(),
    };
  }

  audit(actor: string, action: string, detail: unknown, now: string): void {
    this.db.prepare('INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)').run(now, actor, action, JSON.stringify(detail));
  }

  /** Changes committed since the connection opened (SQLite's total_changes()). */
  changes(): number {
    return this.db.prepare('SELECT total_changes()').pluck().get() as number;
  }

  /**
   * Moves everything committed into the .focal file itself and empties the -wal file, so a copy of
   * the .focal file alone (a USB stick, a shared drive) holds the latest work. With `wait: false`
   * it does not wait for readers: while a reader (the worker pool's) is in the middle of a read of
   * an older snapshot it returns false at once instead of holding up the writer; try again later.
   */
  checkpoint(opts: { wait?: boolean } = {}): boolean {
    if (!this.db.open || this.readOnly) return true;
    if (opts.wait !== false) {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      return true;
    }
    const timeout = this.db.pragma('busy_timeout', { simple: true }) as number;
    this.db.pragma('busy_timeout = 0');
    try {
      const [row] = this.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
      return row?.busy === 0;
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_BUSY') return false;
      throw e;
    } finally {
      this.db.pragma(`busy_timeout = ${timeout}`);
    }
  }

  /**
   * A complete copy of the project at this moment (SQLite's online backup: consistent while the
   * project stays open and in use), written beside the target and then renamed into place.
   */
  async backup(target: string): Promise<void> {
    const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await this.db.backup(tmp);
      // The copy is one self-contained file: its log folded in, no -wal beside it.
      const copy = new Database(tmp);
      try {
        copy.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        copy.close();
      }
      renameSync(tmp, target);
    } catch (e) {
      rmSync(tmp, { force: true });
      rmSync(`${tmp}-wal`, { force: true });
      rmSync(`${tmp}-shm`, { force: true });
      throw e;
    }
  }

  close(): void {
    if (this.db.open) {
      this.checkpoint();
      this.db.close();
    }
  }
}
