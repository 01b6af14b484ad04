import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { isMenuCommand, menuCommands } from '../../../electron/shell/channels';
import { resolveNativeBinding } from '../../../electron/shell/native-binding';
import { projectPathFromArgv, safeFileName, withExtension } from '../../../electron/shell/policy';

describe('file names from dialogs', () => {
  it('adds the expected extension only when it is missing', () => {
    expect(withExtension('/p/Hui', ['focal'])).toBe('/p/Hui.focal');
    expect(withExtension('/p/Hui.FOCAL', ['focal'])).toBe('/p/Hui.FOCAL');
    expect(withExtension('/p/notes.v2', ['docx', 'md'])).toBe('/p/notes.v2.docx');
    expect(withExtension('/p/notes.md', ['docx', 'md'])).toBe('/p/notes.md');
  });

  it('makes a suggested name safe on every platform', () => {
    expect(safeFileName('Hui: Te Tai Tokerau / 2025?')).toBe('Hui Te Tai Tokerau 2025');
    expect(safeFileName('Whānau kōrero.')).toBe('Whānau kōrero');
    expect(safeFileName('  ///  ', 'Project')).toBe('Project');
  });

  it('finds a .focal file passed on the command line (file association)', () => {
    expect(projectPathFromArgv(['/usr/bin/focal', '--no-sandbox', '/home/me/Hui.focal'])).toBe('/home/me/Hui.focal');
    expect(projectPathFromArgv(['C:\\Focal\\Focal.exe', 'C:\\Users\\me\\Hui.FOCAL'])).toBe('C:\\Users\\me\\Hui.FOCAL');
    expect(projectPathFromArgv(['/usr/bin/electron', '.'])).toBeUndefined();
    expect(projectPathFromArgv(['/home/me/x.focal'])).toBeUndefined();
  });
});

describe('resolveNativeBinding', () => {
  it('uses the default (rebuilt by electron-builder) when packaged', () => {
    expect(resolveNativeBinding({ isPackaged: true, appRoot: '/app', exists: () => true })).toBeUndefined();
  });

  it('uses the Electron build in .electron-native in development', () => {
    expect(resolveNativeBinding({ isPackaged: false, appRoot: '/repo', exists: () => true })).toBe(join('/repo', '.electron-native', 'better_sqlite3.node'));
  });

  it('warns with the fix when the Electron build is missing', () => {
    const warn = vi.fn();
    expect(resolveNativeBinding({ isPackaged: false, appRoot: '/repo', exists: () => false, warn })).toBeUndefined();
    expect(warn.mock.calls[0]![0]).toMatch(/electron-native\.mjs/);
  });
});

describe('menu commands', () => {
  it('are exactly the commands the renderer handles', () => {
    expect([...menuCommands].sort()).toEqual(['agreement', 'close-project', 'code-selection', 'export-refi-project', 'find', 'import', 'import-refi-project', 'keyboard-shortcuts', 'merge-coder-copies', 'new-project', 'open-project', 'open-review-pack', 'preferences', 'redo', 'save-coder-copy', 'save-copy', 'undo']);
    expect(isMenuCommand('undo')).toBe(true);
    expect(isMenuCommand('quit')).toBe(false);
    expect(isMenuCommand(42)).toBe(false);
  });
});
