/**
 * A stand-in for the `electron` module, for testing the shell's modules in plain Node. The real
 * module cannot be loaded here: requiring it downloads the Electron binary. Test files use it as
 *   vi.mock('electron', async () => (await import('./fake-electron')).electron)
 * and inspect `fake` to see what the shell registered.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';

type Listener = (...args: any[]) => unknown;

/** Records listeners by event name, like an EventEmitter that the test can fire. */
export class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, fn: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
    return this;
  }
  once(event: string, fn: Listener) {
    return this.on(event, fn);
  }
  fire(event: string, ...args: unknown[]) {
    for (const fn of this.listeners.get(event) ?? []) fn(...args);
  }
}

let nextId = 1;

export class FakeWebContents extends Emitter {
  readonly id = nextId++;
  destroyed = false;
  readonly sent: unknown[][] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  send(...args: unknown[]) {
    this.sent.push(args);
  }
  isDestroyed() {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends Emitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  shown = false;
  destroyed = false;
  loaded: string | undefined;
  constructor(readonly options: Record<string, any>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  loadURL(url: string) {
    this.loaded = url;
    return Promise.resolve();
  }
  show() {
    this.shown = true;
  }
  isDestroyed() {
    return this.destroyed;
  }
  static getFocusedWindow() {
    return null;
  }
}

export const fake = {
  handlers: new Map<string, Listener>(),
  app: new Emitter(),
  menu: undefined as unknown,
  userData: mkdtempSync(join(tmpdir(), 'focal-shell-')),
};

export const electron = {
  app: Object.assign(fake.app, {
    getPath: (name: string) => (name === 'userData' ? fake.userData : join(fake.userData, name)),
    getVersion: () => '9.9.9',
    isPackaged: false,
  }),
  ipcMain: {
    handle: (channel: string, fn: Listener) => {
      if (fake.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      fake.handlers.set(channel, fn);
    },
    removeHandler: (channel: string) => fake.handlers.delete(channel),
  },
  shell: { openExternal: vi.fn(async () => {}) },
  clipboard: { writeText: vi.fn() },
  dialog: {
    showSaveDialog: vi.fn(),
    showOpenDialog: vi.fn(),
    showMessageBox: vi.fn(async () => ({ response: 0 })),
    showErrorBox: vi.fn(),
  },
  Menu: {
    buildFromTemplate: (template: unknown) => template,
    setApplicationMenu: (menu: unknown) => (fake.menu = menu),
  },
  BrowserWindow: FakeBrowserWindow,
};
