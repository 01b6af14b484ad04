import { describe, expect, it, vi } from 'vitest';
import { openWindow } from '../../../electron/shell/window';
import { fake, FakeBrowserWindow } from './fake-electron';

vi.hoisted(() => void (process.env.ELECTRON_OVERRIDE_DIST_PATH = '/nonexistent-electron'));
vi.mock('electron', async () => (await import('./fake-electron')).electron);

// Stand-in core processes: records how they were started and whether they were closed; the relay
// is what the window holds as its core.
const cores = vi.hoisted(() => [] as Array<{ opts: Record<string, unknown>; disposed: boolean; listeners: Map<string, (p: unknown) => void>; relay: unknown }>);
vi.mock('../../../electron/shell/core-processes', () => ({
  startCoreProcesses(opts: Record<string, unknown>) {
    const listeners = new Map<string, (p: unknown) => void>();
    const relay = {
      on(name: string, fn: (p: unknown) => void) {
        listeners.set(`${name}:${listeners.size}`, fn);
        return () => {};
      },
    };
    const record = { opts, disposed: false, listeners, relay };
    cores.push(record);
    return {
      relay,
      close: async () => void (record.disposed = true),
    };
  },
}));

const paths = { index: '/app/dist/renderer/index.html', preload: '/app/dist/electron/preload.cjs', icon: '/app/resources/icon.png', coreProcess: '/app/dist/electron/core-process.cjs' };

function open(nativeBinding?: string) {
  const onProjectChanged = vi.fn();
  const onClosed = vi.fn();
  const w = openWindow({ paths, nativeBinding, onProjectChanged, onClosed });
  const win = FakeBrowserWindow.created.at(-1)!;
  return { w, win, core: cores.at(-1)!, onProjectChanged, onClosed };
}

describe('openWindow', () => {
  it('creates a sandboxed, isolated window with our preload and no Node in the page', () => {
    const { win } = open();
    expect(win.options.webPreferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: paths.preload,
      spellcheck: false,
    });
    expect(win.options).toMatchObject({ title: 'Focal', show: false, minWidth: expect.any(Number), minHeight: expect.any(Number) });
    expect(typeof win.options.backgroundColor).toBe('string');
  });

  it('loads only the bundled renderer page and shows the window when it is ready', () => {
    const { win } = open();
    expect(win.loaded).toBe('app://focal/index.html');
    expect(win.shown).toBe(false);
    win.fire('ready-to-show');
    expect(win.shown).toBe(true);
  });

  it('gives the window its own cores (utility processes) in the app data folder, with the Electron build of SQLite', () => {
    const { core, w } = open('/app/.electron-native/better_sqlite3.node');
    expect(w.core).toBe(core.relay);
    expect(core.opts).toMatchObject({ script: paths.coreProcess, dataDir: fake.userData, version: '9.9.9', nativeBinding: '/app/.electron-native/better_sqlite3.node' });
    expect((core.opts.host as { platform: string }).platform).toBe('electron');
    expect(open(undefined).core.opts.nativeBinding).toBeUndefined();
  });

  it('closes the cores when the window closes', () => {
    const { win, core, onClosed, w } = open();
    win.fire('closed');
    expect(core.disposed).toBe(true);
    expect(onClosed).toHaveBeenCalledWith(w);
  });

  it('reports project changes (the recent list) but not other changes', () => {
    const { core, onProjectChanged } = open();
    const changed = [...core.listeners].filter(([k]) => k.startsWith('changed:')).map(([, fn]) => fn);
    for (const fn of changed) fn({ kinds: ['codes'] });
    expect(onProjectChanged).not.toHaveBeenCalled();
    for (const fn of changed) fn({ kinds: ['project'] });
    expect(onProjectChanged).toHaveBeenCalled();
  });
});
