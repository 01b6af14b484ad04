/**
 * What every CLI command shares: a FocalCore over the same dispatcher the app uses (so input is
 * validated the same way), output as text or --json, and errors as one line on stderr with a
 * non-zero exit code.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CallInput, CallName, CallResult } from '../../shared/api/contract';
import { FOCAL_VERSION } from '../../shared/version';
import { FocalCore } from '../core/app/focal-core';
import { headlessHost } from '../core/host';
import { holdKey } from '../core/kaitiaki/authority';
import { unlockKeyFile } from '../core/kaitiaki/key-crypto';
import { readKeyFile } from '../core/kaitiaki/keys';

/** A failure to report: one line, then exit with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export interface Output {
  json: boolean;
  out: (text: string) => void;
}

export function makeCore(): FocalCore {
  // The CLI keeps its own app state (recent list, name) apart from the desktop app's.
  const dataDir = process.env.FOCAL_DATA_DIR ?? join(tmpdir(), 'focal-cli');
  mkdirSync(dataDir, { recursive: true });
  const core = new FocalCore({ dataDir, host: headlessHost('cli'), version: FOCAL_VERSION, logger: () => {} });
  const user = process.env.FOCAL_USER;
  if (user) core.state.setPrefs({ userName: user });
  return core;
}

/** Calls the API through the dispatcher and turns an error envelope into a CliError. */
export async function call<K extends CallName>(core: FocalCore, name: K, input: CallInput<K>): Promise<CallResult<K>> {
  const env = await core.call(name, input);
  if (!env.ok) throw new CliError(env.error.message);
  return env.value as CallResult<K>;
}

/** Opens a project file for one command and always closes it, whatever happens. */
export async function withProject<T>(file: string, fn: (core: FocalCore) => Promise<T>): Promise<T> {
  const core = makeCore();
  try {
    await call(core, 'project-open', { path: resolve(file) });
    unlockKaitiakiKeyFromEnv(core);
    return await fn(core);
  } finally {
    core.dispose();
  }
}

export function print(o: Output, value: unknown, text: () => string): void {
  o.out(o.json ? JSON.stringify(value, null, 2) : text());
}

/**
 * The command line's "Unlock key…": FOCAL_KAITIAKI_KEY_FILE (with FOCAL_KAITIAKI_PASSPHRASE) unlocks
 * a kaitiaki key for this one command, held in memory only; it counts for the group whose current
 * key it is. Without it, a command has no kaitiaki's authority, whatever FOCAL_USER says.
 */
function unlockKaitiakiKeyFromEnv(core: FocalCore): void {
  const path = process.env.FOCAL_KAITIAKI_KEY_FILE;
  if (!path) return;
  const passphrase = process.env.FOCAL_KAITIAKI_PASSPHRASE;
  if (!passphrase) throw new CliError(`${path}: set FOCAL_KAITIAKI_PASSPHRASE to unlock this kaitiaki key`, 2);
  try {
    holdKey(core, unlockKeyFile(readKeyFile(resolve(path)), passphrase));
  } catch (e) {
    throw new CliError(`${path}: ${(e as Error).message}`);
  }
}
