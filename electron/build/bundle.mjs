// Bundles the Node-side entry points (Electron main + preload, CLI, browser harness) with esbuild.
// Dependencies stay external and are loaded from node_modules at run time (better-sqlite3 is native).
// Runs on `npm install` (prepare) so the `focal` bin exists; takes well under a second.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { cliOptions, common, root } from './esbuild-common.mjs';

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs', external: ['electron'] }),
  // The preload runs sandboxed: it may require only 'electron', so everything else is bundled in.
  build({ ...common, packages: undefined, minify: true, external: ['electron'], entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', platform: 'node' }),
  build(cliOptions('dist/cli/focal.cjs')),
  build({ ...common, entryPoints: ['electron/web/harness.ts'], outfile: 'dist/web/harness.cjs' }),
  build({ ...common, entryPoints: ['electron/web/core-worker.ts'], outfile: 'dist/web/core-worker.cjs' }),
  build({ ...common, entryPoints: ['electron/shell/core-process.ts'], outfile: 'dist/electron/core-process.cjs', external: ['electron'] }),
]);
chmodSync(join(root, 'dist/cli/focal.cjs'), 0o755);
