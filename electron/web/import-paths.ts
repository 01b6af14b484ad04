/**
 * In browser mode a page must not make the core read any file on the machine: `import-files` over
 * HTTP takes a file by `path` only when it lies (after resolving links) inside the folder the
 * harness serves (`--dir`); anything else must come as the bytes of a file the person dropped or
 * uploaded. The Electron shell and the CLI pass paths the person chose in a dialog or typed.
 */
import { realpathSync } from 'node:fs';
import { relative, resolve, isAbsolute, sep } from 'node:path';

/** The first path in an import-files input that is outside `root`, or null when all are inside. */
export function pathOutside(input: unknown, root: string): string | null {
  const files = (input as { files?: unknown } | null)?.files;
  if (!Array.isArray(files)) return null;
  let base: string;
  try {
    base = realpathSync(root);
  } catch {
    base = resolve(root);
  }
  for (const f of files) {
    const p = (f as { path?: unknown } | null)?.path;
    if (typeof p !== 'string') continue;
    let real: string;
    try {
      real = realpathSync(resolve(p));
    } catch {
      // A path that does not exist is outside as far as the page is concerned: never probe the disk for it.
      return p;
    }
    const rel = relative(base, real);
    if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return p;
  }
  return null;
}
