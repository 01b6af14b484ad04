// The esbuild options every Node-side bundle shares (bundle.mjs and the tests' CLI build).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

export const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  packages: 'external',
  logLevel: 'warning',
  absWorkingDir: root,
  define: { __FOCAL_VERSION__: JSON.stringify(pkg.version) },
};

/** The `focal` CLI as one file (`outfile` relative to the checkout), with its shebang. */
export const cliOptions = (outfile) => ({ ...common, entryPoints: ['electron/cli/focal.ts'], outfile, banner: { js: '#!/usr/bin/env node' } });
