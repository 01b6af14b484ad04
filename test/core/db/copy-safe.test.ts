/**
 * copy-while-open-holds-latest-work: a .focal file copied while the app has it open (to a USB stick,
 * a shared drive: the .focal file alone, without its -wal) holds every action made before the app
 * went idle; `project-backup` (File ▸ Save a copy…, `focal backup`) makes a complete copy at any time.
 */
import { copyFileSync, existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openProject } from '../../../electron/core/db/open-project';
import { testCore } from '../../support/core';

describe('a project file is safe to copy while open', () => {
  const { api, core, path } = testCore();
  let n = 0;

  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  const codeNamesIn = (file: string) => {
    const db = openProject(file);
    try {
      return db.prepare('SELECT name FROM codes ORDER BY id').pluck().all() as string[];
    } finally {
      db.close();
    }
  };

  it('a plain copy of the .focal file, taken once the app is idle, holds the latest action', async () => {
    await api['project-new']({ name: 'Copy me', path: path('live.focal') });
    const [frame] = await api['frames-list']({});
    await api['code-create']({ frameId: frame!.id, name: 'Withdrawn today' });
    vi.advanceTimersByTime(5_000);
    const copy = path(`copy-${++n}.focal`);
    copyFileSync(path('live.focal'), copy);
    expect(existsSync(`${copy}-wal`)).toBe(false);
    expect(codeNamesIn(copy)).toContain('Withdrawn today');
  });

  it('Save a copy makes a complete file at any moment, even mid-burst, and records it', async () => {
    const [frame] = await api['frames-list']({});
    await api['code-create']({ frameId: frame!.id, name: 'Just now' });
    const target = path('backup.focal');
    core.host.chooseExportPath = async () => target;
    const r = await api['project-backup']({});
    expect(r).toMatchObject({ path: target });
    expect(codeNamesIn(target)).toEqual(expect.arrayContaining(['Withdrawn today', 'Just now']));
    const log = core.requireProject().db.prepare("SELECT detail FROM audit_log WHERE action = 'project-backup'").pluck().all() as string[];
    expect(log).toHaveLength(1);
  });

  it('refuses to write a copy over the open project itself', async () => {
    core.host.chooseExportPath = async () => path('live.focal');
    await expect(api['project-backup']({})).rejects.toThrow(/open project/);
  });
});

describe('the idle checkpoint and readers', () => {
  const { api, core, path } = testCore();

  it('never waits for a reader holding an old snapshot (the writer stays free); it folds the log in once the reader is done', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await api['project-new']({ name: 'Readers', path: path('readers.focal') });
      const [frame] = await api['frames-list']({});
      // A reader in the middle of a long read: its snapshot predates the next write.
      const reader = new Database(path('readers.focal'), { readonly: true });
      reader.exec('BEGIN');
      reader.prepare('SELECT count(*) FROM codes').get();
      await api['code-create']({ frameId: frame!.id, name: 'While reading' });
      const project = core.requireProject();
      // With the default busy timeout a blocking checkpoint would sit here for seconds.
      expect(project.checkpoint({ wait: false })).toBe(false);
      expect(project.db.pragma('busy_timeout', { simple: true })).toBe(5000);
      vi.advanceTimersByTime(5_000);
      expect(statSync(path('readers.focal-wal')).size).toBeGreaterThan(0);
      reader.exec('COMMIT');
      reader.close();
      // The idle timer tries again, and now the log is folded in.
      vi.advanceTimersByTime(5_000);
      expect(statSync(path('readers.focal-wal')).size).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
