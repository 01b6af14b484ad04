// Builds better-sqlite3 for Electron into .electron-native/, for `npm start` in development.
//
// node_modules/better-sqlite3 stays built for Node: the tests, the CLI and the browser harness
// load it there, and Electron's ABI differs. So this builds a separate copy and the shell points
// the core at .electron-native/better_sqlite3.node (electron/shell/native-binding.ts). Packaged
// apps do not use this: electron-builder rebuilds the module itself (npmRebuild).
//
// Skips all work when the stamp says the binary was built for the installed Electron,
// better-sqlite3, platform and arch. Run with --force to rebuild anyway.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, copyFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, '.electron-native');
const srcDir = join(outDir, 'src');
const target = join(outDir, 'better_sqlite3.node');
const stampFile = join(outDir, 'stamp.json');
const moduleDir = join(root, 'node_modules', 'better-sqlite3');

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const electronVersion = readJson(join(root, 'node_modules', 'electron', 'package.json')).version;
const sqliteVersion = readJson(join(moduleDir, 'package.json')).version;
const stamp = { electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch };

function upToDate() {
  if (!existsSync(target) || !existsSync(stampFile)) return false;
  try {
    const old = readJson(stampFile);
    return Object.entries(stamp).every(([key, value]) => old[key] === value);
  } catch {
    return false;
  }
}

/** A fresh copy of the package sources, without its Node build (so nothing stale can be picked up). */
function copySources() {
  rmSync(srcDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  cpSync(moduleDir, srcDir, {
    recursive: true,
    filter: (path) => {
      const top = relative(moduleDir, path).split(sep)[0];
      return top !== 'build' && top !== 'node_modules' && top !== 'prebuilds';
    },
  });
}

/**
 * npm passes its config to scripts as npm_config_* variables, and node-gyp reads them: a
 * `nodedir` (set on some machines to the system Node headers) would silently build against
 * Node's headers instead of Electron's. Only Electron's own settings may apply here.
 */
function clearNpmGypConfig() {
  for (const key of Object.keys(process.env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|build_from_source)$/i.test(key)) delete process.env[key];
  }
}

async function buildWithElectronRebuild() {
  const { rebuild } = await import('@electron/rebuild');
  // projectRootPath = the copy itself, so the rebuild never walks up into the project's
  // node_modules (it would rebuild the Node copy there in place).
  await rebuild({
    buildPath: srcDir,
    projectRootPath: srcDir,
    electronVersion,
    arch: process.arch,
    onlyModules: ['better-sqlite3'],
    force: true,
    mode: 'sequential',
  });
}

/** Fallback when @electron/rebuild (a dependency of electron-builder) is not installed: node-gyp directly. */
function buildWithNodeGyp() {
  const candidates = [
    () => createRequire(join(root, 'package.json')).resolve('node-gyp/bin/node-gyp.js'),
    // The node-gyp that ships inside npm itself.
    () => join(dirname(process.env.npm_execpath ?? ''), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    () => join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  const attempt = (find) => {
    try {
      return find();
    } catch {
      return '';
    }
  };
  const gyp = candidates.map(attempt).find((p) => p && existsSync(p));
  if (!gyp) throw new Error('neither @electron/rebuild nor node-gyp is installed (run npm install)');
  const args = [gyp, 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron', `--arch=${process.arch}`];
  const run = spawnSync(process.execPath, args, { cwd: srcDir, stdio: 'inherit' });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`node-gyp exited with code ${run.status}`);
}

async function hasElectronRebuild() {
  try {
    await import('@electron/rebuild');
    return true;
  } catch {
    return false;
  }
}

async function main() {
  if (!process.argv.includes('--force') && upToDate()) {
    console.log(`better-sqlite3 for Electron ${electronVersion} is up to date (.electron-native).`);
    return;
  }
  console.log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} into .electron-native (first start only)...`);
  rmSync(target, { force: true });
  rmSync(stampFile, { force: true });
  copySources();
  clearNpmGypConfig();
  if (await hasElectronRebuild()) await buildWithElectronRebuild();
  else buildWithNodeGyp();
  const built = join(srcDir, 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(built)) throw new Error(`the build finished but produced no ${relative(root, built)}`);
  copyFileSync(built, target);
  writeFileSync(stampFile, `${JSON.stringify({ ...stamp, builtAt: new Date().toISOString() }, null, 2)}\n`);
  console.log(`Built ${relative(root, target)}.`);
}

main().catch((error) => {
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  console.error(`could not build better-sqlite3 for Electron ${electronVersion}: ${reason}; check your network or build tools (python3, make and a C++ compiler; on Windows, Visual Studio Build Tools).`);
  process.exitCode = 1;
});
