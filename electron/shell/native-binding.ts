/**
 * Which better-sqlite3 native addon the Electron main process loads.
 *
 * node_modules/better-sqlite3 is built for Node (tests, CLI, browser harness) and Electron has a
 * different ABI, so in development `npm start` builds a separate copy for Electron into
 * .electron-native/ (electron/build/electron-native.mjs) and the core is pointed at it. A packaged
 * app needs nothing: electron-builder rebuilt the module for Electron, so the default lookup works.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ELECTRON_NATIVE_DIR = '.electron-native';
export const ELECTRON_NATIVE_FILE = 'better_sqlite3.node';

export interface NativeBindingContext {
  isPackaged: boolean;
  /** The app folder (where package.json is): app.getAppPath(). */
  appRoot: string;
  exists?: (path: string) => boolean;
  warn?: (message: string) => void;
}

export function resolveNativeBinding(ctx: NativeBindingContext): string | undefined {
  if (ctx.isPackaged) return undefined;
  const path = join(ctx.appRoot, ELECTRON_NATIVE_DIR, ELECTRON_NATIVE_FILE);
  if ((ctx.exists ?? existsSync)(path)) return path;
  // Without it, opening a project fails with an ABI mismatch; say how to fix it up front.
  ctx.warn?.(`${path} is missing: run "node electron/build/electron-native.mjs" (npm start does) to build better-sqlite3 for Electron.`);
  return undefined;
}
