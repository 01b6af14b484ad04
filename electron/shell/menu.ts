/**
 * The application menu. Items that are app actions (new/open/import/close, undo/redo, find) are
 * sent to the renderer as MenuCommands: it owns the undo history and the dialogs' follow-up, so
 * the menu and the in-app buttons and shortcuts do exactly the same thing. Clipboard and zoom
 * items use Electron's roles, which act on the focused page directly.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/api/bridge';
import type { RecentProject } from '../../shared/domain/project';

export interface MenuActions {
  /** Development build: adds Reload and the developer tools. */
  isDev: boolean;
  platform: NodeJS.Platform;
  recent(): RecentProject[];
  /** Sends a command to the focused window's page. */
  send(command: MenuCommand): void;
  openRecent(path: string): void;
  about(): void;
}

/** Builds and installs the menu; call again when the recent list changes. */
export function installMenu(actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions)));
}

export function menuTemplate(a: MenuActions): MenuItemConstructorOptions[] {
  const command = (label: string, id: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => a.send(id),
  });
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const isMac = a.platform === 'darwin';
  // Each platform's own redo shortcut.
  const redoKey = isMac ? 'Cmd+Shift+Z' : a.platform === 'win32' ? 'Ctrl+Y' : 'Ctrl+Shift+Z';

  const recent = a.recent();
  const recentItems: MenuItemConstructorOptions[] = recent.length
    ? recent.map((r) => ({ label: r.name, sublabel: r.path, enabled: r.exists, click: () => a.openRecent(r.path) }))
    : [{ label: 'No recent projects', enabled: false }];

  const about: MenuItemConstructorOptions = { label: 'About Focal', click: () => a.about() };

  const template: MenuItemConstructorOptions[] = [
    {
      label: '&File',
      submenu: [
        command('New Project…', 'new-project', 'CmdOrCtrl+N'),
        command('Open Project…', 'open-project', 'CmdOrCtrl+O'),
        { label: 'Open Recent', submenu: recentItems },
        sep,
        command('Import Transcripts…', 'import', 'CmdOrCtrl+I'),
        sep,
        // REFI-QDA: whole projects from and to NVivo, ATLAS.ti, MAXQDA, QualCoder.
        command('Import Project (REFI-QDA)…', 'import-refi-project'),
        command('Export Project (REFI-QDA)…', 'export-refi-project'),
        // Team coding: the lead hands out copies and merges them back (electron/core/team).
        // A complete copy at any moment (SQLite online backup): the .focal file is the whole project.
        command('Save a Copy…', 'save-copy', 'CmdOrCtrl+Shift+S'),
        command('Save a Copy for a Coder…', 'save-coder-copy'),
        command('Merge Coder Copies…', 'merge-coder-copies'),
        command('Agreement', 'agreement'),
        sep,
        // For a kaitiaki deciding elsewhere: needs no project.
        command('Open Review Pack…', 'open-review-pack'),
        sep,
        command('Close Project', 'close-project'),
        // On macOS Quit lives in the app menu.
        ...(isMac ? [] : [sep, { role: 'quit' } as MenuItemConstructorOptions]),
      ],
    },
    {
      label: '&Edit',
      submenu: [
        command('Undo', 'undo', 'CmdOrCtrl+Z'),
        command('Redo', 'redo', redoKey),
        sep,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        sep,
        command('Find…', 'find', 'CmdOrCtrl+F'),
        command('Code Selection…', 'code-selection', 'CmdOrCtrl+K'),
        sep,
        command('Preferences…', 'preferences'),
      ],
    },
    {
      label: '&View',
      submenu: [
        ...(a.isDev ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, sep] as MenuItemConstructorOptions[] : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        sep,
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    { label: '&Help', role: 'help', submenu: [command('Keyboard Shortcuts', 'keyboard-shortcuts'), sep, about] },
  ];

  if (isMac) {
    template.unshift({
      label: 'Focal',
      submenu: [about, sep, { role: 'services' }, sep, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, sep, { role: 'quit' }],
    });
  }
  return template;
}
