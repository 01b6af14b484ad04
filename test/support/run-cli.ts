/**
 * Runs the real `focal` CLI in a child process, as a user would: the bundle the core project's
 * global setup builds from the current source (test/support/cli-bundle.ts), or the source itself
 * through tsx when a test runs without that setup.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The node arguments that start `focal` (before the CLI's own arguments). */
export function focalArgv(): string[] {
  const bundle = process.env.FOCAL_TEST_CLI;
  if (bundle && existsSync(bundle)) return ['--enable-source-maps', bundle];
  return ['--import', 'tsx', join(process.cwd(), 'electron/cli/focal.ts')];
}

export function runFocal(args: string[], env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, [...focalArgv(), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
