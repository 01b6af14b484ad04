/**
 * The Electron main process: a thin shell. It opens the window, starts each window's cores in
 * utility processes (a writer and a pool of readers, shell/core-processes.ts), and only relays:
 * contract calls, push events and menu commands across IPC, the cores' dialog and clipboard
 * questions to the native ones. Everything the app actually does lives in electron/core (which
 * never imports electron) and the renderer.
 */
import { dirname, join } from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import type { MenuCommand } from '../shared/api/bridge';
import { AppState } from './core/app/app-state';
import { MENU_CHANNEL } from './shell/channels';
import { registerCalls } from './shell/ipc';
import { installMenu } from './shell/menu';
import { resolveNativeBinding } from './shell/native-binding';
import { registerAppScheme, serveApp } from './shell/app-protocol';
import { isAppPageUrl } from './shell/app-url';
import { projectPathFromArgv } from './shell/policy';
import { hardenAllWebContents, hardenSession } from './shell/security';
import { type FocalWindow, openWindow, type ShellPaths } from './shell/window';

const appRoot = app.getAppPath();
const paths: ShellPaths = {
  index: join(appRoot, 'dist', 'renderer', 'index.html'),
  preload: join(appRoot, 'dist', 'electron', 'preload.cjs'),
  icon: join(appRoot, 'resources', 'icon.png'),
  coreProcess: join(appRoot, 'dist', 'electron', 'core-process.cjs'),
};
// The renderer is served from app://focal/ (app-protocol.ts), never from file://.
const isAppPage = (url: string) => isAppPageUrl(url);
registerAppScheme();
const nativeBinding = resolveNativeBinding({ isPackaged: app.isPackaged, appRoot, warn: (m) => console.warn(`[focal] ${m}`) });

/** Open windows by webContents id, which is what an IPC event tells us about its sender. */
const windows = new Map<number, FocalWindow>();
let lastFocused: FocalWindow | undefined;

// Every renderer sandboxed, whatever a BrowserWindow's own options say.
app.enableSandbox();

// A second launch (double-clicking a .focal file) hands its arguments to the running app instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let pendingProject = projectPathFromArgv(process.argv);

  // macOS delivers file-association opens as an event, possibly before the app is ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (app.isReady()) openProject(currentWindow(), path);
    else pendingProject = path;
  });
  app.on('second-instance', (_event, argv) => {
    const target = currentWindow();
    if (target.win.isMinimized()) target.win.restore();
    target.win.focus();
    const path = projectPathFromArgv(argv);
    if (path) openProject(target, path);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // macOS: clicking the dock icon with no window open.
  app.on('activate', () => {
    if (app.isReady() && windows.size === 0) createWindow();
  });
  hardenAllWebContents(isAppPage);

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    serveApp(session.defaultSession, dirname(paths.index));
    registerCalls({ coreFor: (contents) => windows.get(contents.id)?.core, isAppPage });
    const first = createWindow();
    // After the first window: the recent list is read from its core.
    refreshMenu();
    if (pendingProject) openProject(first, pendingProject);
  });
}

function createWindow(): FocalWindow {
  const created = openWindow({
    paths,
    nativeBinding,
    onProjectChanged: refreshMenu,
    onClosed: (closed) => {
      windows.delete(closed.id);
      if (lastFocused === closed) lastFocused = undefined;
    },
  });
  windows.set(created.id, created);
  lastFocused = created;
  created.win.on('focus', () => (lastFocused = created));
  return created;
}

/** The window menu commands and file opens go to: the focused one, else the last used, else a new one. */
function currentWindow(): FocalWindow {
  const focused = BrowserWindow.getFocusedWindow();
  const byFocus = focused ? [...windows.values()].find((w) => w.win === focused) : undefined;
  return byFocus ?? lastFocused ?? windows.values().next().value ?? createWindow();
}

function sendMenuCommand(command: MenuCommand): void {
  const target = currentWindow();
  if (!target.win.webContents.isDestroyed()) target.win.webContents.send(MENU_CHANNEL, command);
}

/** Opens a project chosen outside the page (recent menu, file association); the page hears of it through 'changed'. */
function openProject(target: FocalWindow, path: string): void {
  void target.core.call('project-open', { path }).then((result) => {
    if (!result.ok) void dialog.showMessageBox(target.win, { type: 'error', message: 'Focal could not open this project', detail: result.error.message });
  });
}

function refreshMenu(): void {
  installMenu({
    isDev: !app.isPackaged,
    platform: process.platform,
    // The app state file the cores keep, read fresh (they run in their own processes).
    recent: () => new AppState(app.getPath('userData')).recent(),
    send: sendMenuCommand,
    openRecent: (path) => openProject(currentWindow(), path),
    about: () => {
      const detail = `Qualitative analysis of focus groups, hui and group interviews.\n\nElectron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`;
      void dialog.showMessageBox({ type: 'info', title: 'About Focal', message: `Focal ${app.getVersion()}`, detail });
    },
  });
}
