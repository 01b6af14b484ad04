/**
 * What the harness hands its caller as `harness.core`: the relay to the core threads, with the
 * conveniences tests and scripts use on this side: the app state file (changes are re-read by
 * every core before its next call), events sent to the page as if a core had sent them, and
 * a connection of this thread's own to the open project (for checks and test set-up).
 */
import type { Envelope } from '../../shared/api/errors';
import type { EventName, FocalEvents } from '../../shared/api/events';
import { AppState } from '../core/app/app-state';
import type { Preferences } from '../../shared/domain/project';
import { ProjectSession } from '../core/project/project-session';
import type { CoreRelay } from '../core/relay/relay-client';
import { FocalError } from '../core/errors';

/** The app state file, read fresh before every use and announced to the cores after every change. */
class SharedAppState extends AppState {
  constructor(
    dataDir: string,
    private readonly changed: () => void,
  ) {
    super(dataDir);
  }

  override get prefs(): Preferences {
    this.reload();
    return super.prefs;
  }

  override setPrefs(patch: Partial<Preferences>): Preferences {
    this.reload();
    const prefs = super.setPrefs(patch);
    this.changed();
    return prefs;
  }

  override recent() {
    this.reload();
    return super.recent();
  }

  override touchRecent(path: string, name: string, now: string): void {
    this.reload();
    super.touchRecent(path, name, now);
    this.changed();
  }

  override forgetRecent(path: string): void {
    this.reload();
    super.forgetRecent(path);
    this.changed();
  }
}

export class HarnessCore {
  readonly state: AppState;
  private side: ProjectSession | null = null;

  constructor(
    readonly relay: CoreRelay,
    dataDir: string,
    private readonly logger: (level: 'info' | 'warn' | 'error', message: string, error?: unknown) => void,
  ) {
    this.state = new SharedAppState(dataDir, () => relay.reloadState());
  }

  call(name: string, input: unknown): Promise<Envelope<unknown>> {
    return this.relay.call(name, input);
  }

  on<E extends EventName>(event: E, listener: (payload: FocalEvents[E]) => void): () => void {
    return this.relay.on(event, listener);
  }

  emit<E extends EventName>(event: E, payload: FocalEvents[E]): void {
    this.relay.emit(event, payload);
  }

  get actor(): string {
    return this.state.prefs.userName;
  }

  now(): string {
    return new Date().toISOString();
  }

  log(level: 'info' | 'warn' | 'error', message: string, error?: unknown): void {
    this.logger(level, message, error);
  }

  /** This thread's own connection to the project the writer has open (opened on first use). */
  requireProject(): ProjectSession {
    const path = this.relay.session.projectPath;
    if (!path) throw new FocalError('no-project', 'No project is open: create or open a project first.');
    if (this.side?.path !== path || !this.side.db.open) {
      this.side?.close();
      this.side = ProjectSession.open(path);
    }
    return this.side;
  }

  dispose(): void {
    this.side?.close();
    this.side = null;
  }
}
