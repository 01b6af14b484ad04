/**
 * Static checks on the shell's source text: main.ts cannot be run outside Electron, so what it
 * must do (and what no shell file may ever do) is asserted on the code itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(path, 'utf8');
const shellFiles = ['electron/main.ts', 'electron/preload.ts', ...readdirSync('electron/shell').map((f) => join('electron/shell', f))];
const main = read('electron/main.ts');

describe('the Electron shell sources', () => {
  it('never weaken the renderer sandbox', () => {
    for (const file of shellFiles) {
      const code = read(file);
      expect(code, file).not.toMatch(/nodeIntegration\w*\s*:\s*true/);
      expect(code, file).not.toMatch(/contextIsolation\s*:\s*false/);
      expect(code, file).not.toMatch(/sandbox\s*:\s*false/);
      expect(code, file).not.toMatch(/webSecurity\s*:\s*false/);
      expect(code, file).not.toMatch(/allowRunningInsecureContent|experimentalFeatures|enableBlinkFeatures|webviewTag\s*:\s*true/);
      expect(code, file).not.toMatch(/\bremote\b.*require|@electron\/remote/);
    }
  });

  it('create the window with the security flags set explicitly', () => {
    const window = read('electron/shell/window.ts');
    const prefs = /webPreferences:\s*\{([^}]*)\}/.exec(window)?.[1] ?? '';
    expect(prefs).toMatch(/contextIsolation:\s*true/);
    expect(prefs).toMatch(/sandbox:\s*true/);
    expect(prefs).toMatch(/nodeIntegration:\s*false/);
    expect(prefs).toMatch(/webSecurity:\s*true/);
    expect(prefs).toMatch(/preload:/);
    expect(window).toMatch(/show:\s*false/);
    // Our own privileged scheme, never file:// (and never a remote URL).
    expect(window).toMatch(/loadURL\(APP_URL\)/);
    expect(window).not.toMatch(/loadFile\(/);
  });

  it('handle navigation, redirects, new windows and webviews', () => {
    const security = read('electron/shell/security.ts');
    for (const hook of ["'will-navigate'", "'will-redirect'", "'will-attach-webview'", 'setWindowOpenHandler', "action: 'deny'", 'onHeadersReceived', 'setPermissionRequestHandler']) {
      expect(security, hook).toContain(hook);
    }
  });

  it('main.ts wires the pieces: sandbox everywhere, one instance, hardening, IPC, quitting', () => {
    expect(main).toContain('app.enableSandbox()');
    expect(main).toContain('requestSingleInstanceLock()');
    expect(main).toMatch(/hardenAllWebContents\(/);
    expect(main).toMatch(/hardenSession\(session\.defaultSession\)/);
    expect(main).toMatch(/registerCalls\(/);
    expect(main).toMatch(/'window-all-closed'[\s\S]{0,80}process\.platform !== 'darwin'[\s\S]{0,20}app\.quit\(\)/);
    expect(main).toMatch(/dist', 'renderer', 'index\.html'/);
    expect(main).toMatch(/dist', 'electron', 'preload\.cjs'/);
  });

  it('register IPC by looping over the contract, never by hand-written channel names', () => {
    const ipc = read('electron/shell/ipc.ts');
    expect(ipc).toMatch(/for \(const name of callNames\)/);
    for (const file of shellFiles) expect(read(file), file).not.toMatch(/ipcMain\.(on|handle)\(\s*['"`]/);
  });

  it('keep each file small', () => {
    for (const file of shellFiles) expect(read(file).split('\n').length, file).toBeLessThan(200);
  });
});
