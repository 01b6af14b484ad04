/**
 * Finds files shipped in `resources/` (frame templates, the starter glossary, ...), wherever the
 * core runs: from source (tests, tsx), from dist/ bundles (CLI, harness), or packaged (Electron:
 * resources/ is copied beside the app as extraResources and also inside the asar). The files stay
 * plain JSON/CSV that people can read and edit; FOCAL_RESOURCES overrides the folder.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FocalError } from './errors';

function candidates(): string[] {
  const dirs: string[] = [];
  if (process.env.FOCAL_RESOURCES) dirs.push(process.env.FOCAL_RESOURCES);
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged) dirs.push(join(packaged, 'resources'));
  let dir = typeof __dirname === 'string' ? __dirname : process.cwd();
  for (let i = 0; i < 6; i++) {
    dirs.push(join(dir, 'resources'));
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  dirs.push(join(process.cwd(), 'resources'));
  return dirs;
}

/** The absolute path of resources/<parts...>, or a clear error when it is not found. */
export function resourcePath(...parts: string[]): string {
  for (const dir of candidates()) {
    const p = join(dir, ...parts);
    if (existsSync(p)) return p;
  }
  throw new FocalError('not-found', `Focal's resource file resources/${parts.join('/')} is missing from this installation; reinstall Focal or set FOCAL_RESOURCES.`);
}
