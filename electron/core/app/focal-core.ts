/**
 * The core of the app: holds the open project, the app's own state and the host services, and
 * answers contract calls through dispatch(). One instance per window (Electron), per harness
 * run (browser mode), per command (CLI). It never imports `electron`.
 */
import { EventEmitter } from 'node:events';
import type { EventName, FocalEvents } from '../../../shared/api/events';
import type { Envelope } from '../../../shared/api/errors';
import { dispatch } from '../api/dispatch';
import type { OpenOptions } from '../db/open-project';
import { FocalError } from '../errors';
import type { HostServices } from '../host';
import { ProjectSession } from '../project/project-session';
import { AppState } from './app-state';
import { Jobs } from '../jobs/jobs';

/** How long the core waits after the last call before folding the WAL into the project file. */
const IDLE_CHECKPOINT_MS = 1_000;

export interface CoreOptions {
  /** Where app-level state (preferences, recent projects) is kept. */
  dataDir: string;
  host: HostServices;
  version?: string;
  nativeBinding?: string;
  now?: () => string;
  logger?: (level: 'info' | 'warn' | 'error', message: string, error?: unknown) => void;
}

export class FocalCore {
  readonly state: AppState;
  readonly host: HostServices;
  readonly version: string;
  project: ProjectSession | null = null;
  private readonly events = new EventEmitter();
  /** Long jobs: progress events with a job id, and `job-cancel` (electron/core/jobs). */
  readonly jobs = new Jobs((p) => this.emit('progress', p));
  private readonly openOpts: OpenOptions;
  private readonly clock: () => string;

  constructor(private readonly opts: CoreOptions) {
    this.state = new AppState(opts.dataDir);
    this.host = opts.host;
    this.version = opts.version ?? '0.1.0';
    this.clock = opts.now ?? (() => new Date().toISOString());
    this.openOpts = { now: this.clock, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) };
  }

  now(): string {
    return this.clock();
  }

  /** How this core opens project files (its native binding, its clock): a reader opens the same way. */
  get openOptions(): OpenOptions {
    return this.openOpts;
  }

  /** How this core creates and opens project files (the native binding, the clock): for a project built aside, e.g. a REFI-QDA import. */
  get projectOptions(): OpenOptions {
    return { ...this.openOpts };
  }

  /** The name recorded as coder/actor on everything this user does. */
  get actor(): string {
    return this.state.prefs.userName;
  }

  async call(name: string, input: unknown): Promise<Envelope<unknown>> {
    const result = await dispatch(this, name, input);
    this.checkpointWhenIdle();
    return result;
  }

  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private checkpointedAt = -1;

  /**
   * Once no call has come for a moment after a write, the WAL is folded into the .focal file, so the
   * file alone is the whole project (a copy taken then misses nothing). Also done on close.
   */
  private checkpointWhenIdle(): void {
    const project = this.project;
    if (!project || !project.db.open) return;
    if (project.changes() === this.checkpointedAt) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.project !== project || !project.db.open) return;
      try {
        // Never wait for a reader in the middle of a long read (a scan in the worker pool): the
        // writer must stay free for the next call. Busy: try again after another idle moment.
        if (project.checkpoint({ wait: false })) this.checkpointedAt = project.changes();
        else this.checkpointWhenIdle();
      } catch (e) {
        this.log('warn', 'checkpoint failed; will try after the next write', e);
      }
    }, IDLE_CHECKPOINT_MS);
    this.idleTimer.unref?.();
  }

  requireProject(): ProjectSession {
    if (!this.project) throw new FocalError('no-project', 'No project is open: create or open a project first.');
    return this.project;
  }

  createProject(path: string, name: string): ProjectSession {
    const session = ProjectSession.create(path, name, this.openOpts);
    session.audit(this.actor, 'project-created', { name }, this.now());
    this.replaceProject(session);
    return session;
  }

  openProject(path: string): ProjectSession {
    const session = ProjectSession.open(path, this.openOpts);
    this.replaceProject(session);
    return session;
  }

  private replaceProject(session: ProjectSession): void {
    this.project?.close();
    this.checkpointedAt = -1;
    this.project = session;
    this.state.touchRecent(session.path, session.info().name, this.now());
    this.emit('changed', { kinds: ['project'] });
  }

  closeProject(): void {
    this.project?.close();
    this.project = null;
    this.emit('changed', { kinds: ['project'] });
  }

  emit<E extends EventName>(event: E, payload: FocalEvents[E]): void {
    this.events.emit(event, payload);
  }

  on<E extends EventName>(event: E, listener: (payload: FocalEvents[E]) => void): () => void {
    this.events.on(event, listener);
    return () => this.events.off(event, listener);
  }

  log(level: 'info' | 'warn' | 'error', message: string, error?: unknown): void {
    if (this.opts.logger) this.opts.logger(level, message, error);
    else if (level === 'error') console.error(`[focal] ${message}`, error);
  }

  dispose(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.project?.close();
    this.project = null;
    this.events.removeAllListeners();
  }
}
