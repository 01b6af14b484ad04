import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { type MenuActions, menuTemplate } from '../../../electron/shell/menu';

vi.hoisted(() => void (process.env.ELECTRON_OVERRIDE_DIST_PATH = '/nonexistent-electron'));
vi.mock('electron', async () => (await import('./fake-electron')).electron);

function actions(patch: Partial<MenuActions> = {}): MenuActions {
  return { isDev: false, platform: 'linux', recent: () => [], send: vi.fn(), openRecent: vi.fn(), about: vi.fn(), ...patch };
}

const submenu = (t: MenuItemConstructorOptions[], label: string) => t.find((m) => m.label?.replace('&', '') === label)?.submenu as MenuItemConstructorOptions[];
const item = (items: MenuItemConstructorOptions[], label: string) => items.find((i) => i.label === label)!;
const click = (i: MenuItemConstructorOptions) => (i.click as () => void)();

describe('the application menu', () => {
  it('sends File and Edit commands to the renderer, with the usual shortcuts', () => {
    const a = actions();
    const t = menuTemplate(a);
    const expected: Array<[string, string, string, string | undefined]> = [
      ['File', 'New Project…', 'new-project', 'CmdOrCtrl+N'],
      ['File', 'Open Project…', 'open-project', 'CmdOrCtrl+O'],
      ['File', 'Import Transcripts…', 'import', 'CmdOrCtrl+I'],
      ['File', 'Import Project (REFI-QDA)…', 'import-refi-project', undefined],
      ['File', 'Export Project (REFI-QDA)…', 'export-refi-project', undefined],
      ['File', 'Save a Copy…', 'save-copy', 'CmdOrCtrl+Shift+S'],
      ['File', 'Save a Copy for a Coder…', 'save-coder-copy', undefined],
      ['File', 'Merge Coder Copies…', 'merge-coder-copies', undefined],
      ['File', 'Agreement', 'agreement', undefined],
      ['File', 'Open Review Pack…', 'open-review-pack', undefined],
      ['File', 'Close Project', 'close-project', undefined],
      ['Edit', 'Undo', 'undo', 'CmdOrCtrl+Z'],
      ['Edit', 'Redo', 'redo', 'Ctrl+Shift+Z'],
      ['Edit', 'Find…', 'find', 'CmdOrCtrl+F'],
    ];
    for (const [menu, label, command, accelerator] of expected) {
      const i = item(submenu(t, menu), label);
      expect(i.accelerator, label).toBe(accelerator);
      click(i);
      expect(a.send).toHaveBeenLastCalledWith(command);
    }
    expect(submenu(t, 'Edit').map((i) => i.role).filter(Boolean)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  it('lists recent projects, disabling moved ones, and opens the one clicked', () => {
    const recent = [
      { path: '/p/hui.focal', name: 'Hui', openedAt: '2025-01-02', exists: true },
      { path: '/p/gone.focal', name: 'Gone', openedAt: '2025-01-01', exists: false },
    ];
    const a = actions({ recent: () => recent });
    const items = item(submenu(menuTemplate(a), 'File'), 'Open Recent').submenu as MenuItemConstructorOptions[];
    expect(items.map((i) => [i.label, i.enabled])).toEqual([['Hui', true], ['Gone', false]]);
    click(items[0]!);
    expect(a.openRecent).toHaveBeenCalledWith('/p/hui.focal');
    const none = item(submenu(menuTemplate(actions()), 'File'), 'Open Recent').submenu as MenuItemConstructorOptions[];
    expect(none).toEqual([{ label: 'No recent projects', enabled: false }]);
  });

  it('offers reload and developer tools in development only', () => {
    const roles = (isDev: boolean) => submenu(menuTemplate(actions({ isDev })), 'View').map((i) => i.role);
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools', 'zoomIn', 'zoomOut', 'resetZoom']));
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom']));
  });

  it('puts Quit in File on Windows and Linux, and in the app menu on macOS', () => {
    expect(submenu(menuTemplate(actions({ platform: 'win32' })), 'File').some((i) => i.role === 'quit')).toBe(true);
    const mac = menuTemplate(actions({ platform: 'darwin' }));
    expect(mac[0]!.label).toBe('Focal');
    expect((mac[0]!.submenu as MenuItemConstructorOptions[]).some((i) => i.role === 'quit')).toBe(true);
    expect(submenu(mac, 'File').some((i) => i.role === 'quit')).toBe(false);
    expect(item(submenu(mac, 'Edit'), 'Redo').accelerator).toBe('Cmd+Shift+Z');
  });

  it('has Help → Keyboard Shortcuts and Edit → Preferences, sent to the renderer', () => {
    const a = actions();
    const t = menuTemplate(a);
    click(item(submenu(t, 'Help'), 'Keyboard Shortcuts'));
    expect(a.send).toHaveBeenLastCalledWith('keyboard-shortcuts');
    click(item(submenu(t, 'Edit'), 'Preferences…'));
    expect(a.send).toHaveBeenLastCalledWith('preferences');
  });

  it('has Help → About', () => {
    const a = actions();
    click(item(submenu(menuTemplate(a), 'Help'), 'About Focal'));
    expect(a.about).toHaveBeenCalled();
  });
});
