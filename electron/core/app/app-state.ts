/**
 * State that belongs to the app rather than a project: preferences and recently opened projects.
 * Kept as one small JSON file in the app's data folder, written atomically (temp file + rename).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import type { Preferences, RecentProject } from '../../../shared/domain/project';

interface StoredState {
  prefs: Preferences;
  recent: Array<Omit<RecentProject, 'exists'>>;
}

const MAX_RECENT = 12;

function defaultUserName(): string {
  try {
    return userInfo().username || 'Researcher';
  } catch {
    return 'Researcher';
  }
}

export class AppState {
  private readonly file: string;
  private state: StoredState;

  constructor(private readonly dataDir: string) {
    this.file = join(dataDir, 'focal-app.json');
    this.state = this.load();
  }

  /** Re-reads the file: another process or thread (the harness, a worker) changed it. */
  reload(): void {
    this.state = this.load();
  }

  private load(): StoredState {
    const fallback: StoredState = { prefs: { userName: defaultUserName(), dateFormat: 'nz', theme: 'system' }, recent: [] };
    if (!existsSync(this.file)) return fallback;
    try {
      const raw = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<StoredState>;
      const prefs = { ...fallback.prefs, ...(raw.prefs ?? {}) };
      // A hand-edited or older file may carry a theme the app does not know: follow the system then.
      if (!['system', 'light', 'dark'].includes(prefs.theme)) prefs.theme = 'system';
      return {
        prefs,
        recent: Array.isArray(raw.recent) ? raw.recent.filter((r) => typeof r?.path === 'string') : [],
      };
    } catch {
      // A damaged preferences file must never stop the app from starting.
      return fallback;
    }
  }

  private save(): void {
    mkdirSync(this.dataDir, { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.state, null, 2));
    renameSync(tmp, this.file);
  }

  get prefs(): Preferences {
    return { ...this.state.prefs };
  }

  setPrefs(patch: Partial<Preferences>): Preferences {
    this.state.prefs = { ...this.state.prefs, ...patch };
    this.save();
    return this.prefs;
  }

  recent(): RecentProject[] {
    return this.state.recent.map((r) => ({ ...r, exists: existsSync(r.path) }));
  }

  touchRecent(path: string, name: string, now: string): void {
    this.state.recent = [{ path, name, openedAt: now }, ...this.state.recent.filter((r) => r.path !== path)].slice(0, MAX_RECENT);
    this.save();
  }

  forgetRecent(path: string): void {
    this.state.recent = this.state.recent.filter((r) => r.path !== path);
    this.save();
  }
}
