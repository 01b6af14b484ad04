// Bundles the Node-side entry points (Electron main + preload, CLI, browser harness) with esbuild.
// Dependencies stay external and are loaded from node_modules at run time (better-sqlite3 is native).
// Runs on `npm install` (prepare) so the `focal` bin exists; takes well under a second.
import { build } from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const common = {
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

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs', external: ['electron'] }),
  // The preload runs sandboxed: it may require only 'electron', so everything else is bundled in.
  build({ ...common, packages: undefined, minify: true, external: ['electron'], entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', platform: 'node' }),
  build({ ...common, entryPoints: ['electron/cli/focal.ts'], outfile: 'dist/cli/focal.cjs', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: ['electron/web/harness.ts'], outfile: 'dist/web/harness.cjs' }),
  build({ ...common, entryPoints: ['electron/web/core-worker.ts'], outfile: 'dist/web/core-worker.cjs' }),
  build({ ...common, entryPoints: ['electron/shell/core-process.ts'], outfile: 'dist/electron/core-process.cjs', external: ['electron'] }),
]);
chmodSync(join(root, 'dist/cli/focal.cjs'), 0o755);
