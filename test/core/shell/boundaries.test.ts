/**
 * The architecture's import rules, checked on every source file:
 * - only electron/main.ts, electron/preload.ts and electron/shell/** may import 'electron'
 *   (the core, CLI, web harness, shared code and renderer must run without it);
 * - shared/ imports nothing from electron/ or renderer/ (both sides depend on it, not the reverse);
 * - renderer/ imports nothing from electron/ and no Node built-in (it runs in a sandboxed page).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    return statSync(path).isDirectory() ? walk(path) : SOURCE.test(name) ? [path] : [];
  });
}

/** Every module specifier a file imports, exports from, dynamically imports or requires. */
function importsOf(code: string): string[] {
  const stripped = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const patterns = [
    /(?:^|[\s;])(?:import|export)\s[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/g,
    /(?:^|[\s;])import\s*['"]([^'"]+)['"]/g,
    /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((re) => [...stripped.matchAll(re)].map((m) => m[1]!));
}

const posix = (path: string) => path.split(sep).join('/');
/** Where a relative specifier points, relative to the repo root ('' for packages). */
const target = (file: string, spec: string) => (spec.startsWith('.') ? posix(relative(root, resolve(dirname(file), spec))) : '');
const isElectron = (spec: string) => spec === 'electron' || spec.startsWith('electron/');
const nodeBuiltins = new Set(builtinModules);
const isNodeBuiltin = (spec: string) => spec.startsWith('node:') || nodeBuiltins.has(spec.split('/')[0]!);

function violations(dirs: string[], rule: (file: string, spec: string) => string | null): string[] {
  const found: string[] = [];
  for (const file of dirs.flatMap((d) => walk(join(root, d)))) {
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      const problem = rule(file, spec);
      if (problem) found.push(`${posix(relative(root, file))}: ${problem} ('${spec}')`);
    }
  }
  return found;
}

const shellOnly = (file: string) => {
  const rel = posix(relative(root, file));
  return rel === 'electron/main.ts' || rel === 'electron/preload.ts' || rel.startsWith('electron/shell/');
};

describe('import boundaries', () => {
  it('finds imports of every form (so the rules below are not vacuous)', () => {
    const code = `import a from 'electron';\nimport type { B } from "node:fs";\nexport { c } from '../electron/core/x';\nimport 'side-effect';\nconst d = await import('dyn');\nconst e = require('req');\n// import nope from 'commented';\nimport {\n  f,\n  type g,\n} from 'multi-line';`;
    expect(importsOf(code).sort()).toEqual(['../electron/core/x', 'dyn', 'electron', 'multi-line', 'node:fs', 'req', 'side-effect']);
    expect(walk(join(root, 'shared')).length).toBeGreaterThan(3);
  });

  it("keeps 'electron' inside main.ts, preload.ts and electron/shell", () => {
    const found = violations(['electron', 'shared', 'renderer/src'], (file, spec) =>
      isElectron(spec) && !shellOnly(file) ? 'imports electron outside the shell' : null,
    );
    expect(found).toEqual([]);
  });

  it('keeps shared/ free of electron/ and renderer/', () => {
    const found = violations(['shared'], (file, spec) => {
      const to = target(file, spec);
      if (isElectron(spec)) return 'imports electron';
      return to.startsWith('electron/') || to.startsWith('renderer/') ? `imports ${to}` : null;
    });
    expect(found).toEqual([]);
  });

  it('keeps the renderer free of electron/ and of Node built-ins', () => {
    const found = violations(['renderer/src'], (file, spec) => {
      const to = target(file, spec);
      if (isElectron(spec) || to.startsWith('electron/')) return 'imports the Electron side';
      return isNodeBuiltin(spec) ? 'imports a Node built-in' : null;
    });
    expect(found).toEqual([]);
  });
});
