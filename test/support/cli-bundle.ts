/**
 * Vitest global setup for the core project: bundles the `focal` CLI from the current source into
 * dist/test-cli/ once per run, so CLI tests spawn plain `node focal.cjs` (about 0.4 s a run) instead of
 * compiling TypeScript through tsx in every child (about 2 s). The bundle is what `npm run build`
 * ships as the `focal` bin, built by the same esbuild options (electron/build/esbuild-common.mjs).
 */
import { build } from 'esbuild';
import { join } from 'node:path';
// @ts-expect-error: a plain .mjs build script without types
import { cliOptions } from '../../electron/build/esbuild-common.mjs';

export const TEST_CLI = join(process.cwd(), 'dist', 'test-cli', 'focal.cjs');

export default async function setup(): Promise<void> {
  await build({ ...cliOptions(TEST_CLI), sourcemap: 'inline' });
  process.env.FOCAL_TEST_CLI = TEST_CLI;
}
