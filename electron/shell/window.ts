/**
 * One Focal window = one BrowserWindow + its cores: a writer and a pool of readers in utility
 * processes (core-processes.ts), reached through a CoreRelay. The cores live exactly as long as
 * the window: closing the window closes its project (checkpointing the database) and ends them.
 */
import { app, BrowserWindow, dialog } from 'electron';
import type { CoreRelay } from '../core/relay/relay-client';
import { startCoreProcesses } from './core-processes';
import { electronHost } from './host';
import { APP_URL } from './app-url';
import { forwardEvents } from './ipc';

export interface ShellPaths {
  /** dist/renderer/index.html: the only page the window may show. */
  index: string;
  /** dist/electron/preload.cjs */
  preload: string;
  /** Window icon for Linux (Windows and macOS take it from the packaged app). */
  icon: string;
  /** dist/electron/core-process.cjs: the cores' utility process. */
  coreProcess: string;
}

export interface FocalWindow {
  win: BrowserWindow;
  /** The window's cores, behind the relay: call() and on() as a core has them. */
  core: CoreRelay;
  /** webContents id, kept because webContents cannot be read after the window closes. */
  id: number;
}

export interface WindowOptions {
  paths: ShellPaths;
  nativeBinding: string | undefined;
  /** The recent-projects list may have changed (a project was opened or created). */
  onProjectChanged(): void;
  onClosed(window: FocalWindow): void;
}

export function openWindow(opts: WindowOptions): FocalWindow {
  const win = new BrowserWindow({
    title: 'Focal',
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    // Hidden until the first paint, on the renderer's background colour, so there is no white flash.
    show: false,
    backgroundColor: '#f6f7f6',
    ...(process.platform === 'linux' ? { icon: opts.paths.icon } : {}),
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: opts.paths.preload,
      spellcheck: false,
    },
  });

  const cores = startCoreProcesses({
    script: opts.paths.coreProcess,
    dataDir: app.getPath('userData'),
    host: electronHost(() => (win.isDestroyed() ? null : win)),
    version: app.getVersion(),
    nativeBinding: opts.nativeBinding,
  });
  const core = cores.relay;
  const self: FocalWindow = { win, core, id: win.webContents.id };

  const stopEvents = forwardEvents(core, win.webContents);
  const stopWatching = core.on('changed', ({ kinds }) => {
    if (kinds.includes('project')) opts.onProjectChanged();
  });

  win.once('ready-to-show', () => win.show());
  win.webContents.on('render-process-gone', (_event, details) => {
    console.error(`[focal] renderer exited (${details.reason}); the open project stays safe in its core process.`);
  });
  win.on('closed', () => {
    stopEvents();
    stopWatching();
    void cores.close();
    opts.onClosed(self);
  });

  win.loadURL(APP_URL).catch((error: unknown) => {
    // Usually a missing renderer build; show the window anyway so the user sees the app started.
    if (win.isDestroyed()) return;
    win.show();
    dialog.showErrorBox('Focal could not start', `The app's page could not be loaded (${String(error)}). ${app.isPackaged ? 'Reinstalling Focal should fix this.' : 'Run "npm run build" and start Focal again.'}`);
  });
  return self;
}
