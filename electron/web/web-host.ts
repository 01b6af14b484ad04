/**
 * HostServices for the browser harness. A web page cannot show native file dialogs, so the
 * answers come from the harness's working folder: new projects are saved there under a file
 * name made from the project name, exports go to its exports/ folder (never over an existing
 * file: a taken name becomes "name (2).docx"), and "open" is left to
 * the recent-projects list (null = nothing chosen). Files someone sent this person (a review pack,
 * a kaitiaki's decisions, a REFI-QDA project or codebook) are put in its received/ folder; "open" takes the newest file of that kind there.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { dataFileExtensions, type DataFileKind, type HostServices } from '../core/host';

export interface WebHost extends HostServices {
  platform: 'web';
  /** The last text "copied": the browser harness has no system clipboard; tests read it here. */
  readonly clipboardText: string | null;
  chooseDataFile: NonNullable<HostServices['chooseDataFile']>;
}

// Characters no file name may hold on any platform we ship to, plus the C0/C1 control ranges.
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f-\u009f]/g;

/** A file-name-safe form of a name, keeping letters with macrons as they are (Hui ā-rohe → hui-ā-rohe). */
export function fileSlug(name: string, fallback = 'project'): string {
  const slug = name
    .normalize('NFC')
    .replace(UNSAFE, ' ')
    .trim()
    .toLocaleLowerCase('en-NZ')
    .replace(/\s+/g, '-')
    .replace(/-{2,}/g, '-')
    // Leading dots would hide the file; trailing dots and dashes look like mistakes.
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 80);
  return slug || fallback;
}

/** A file name safe to join onto a folder: no separators, no control characters, never "." or "..". */
function safeFileName(name: string, fallback: string): string {
  const cleaned = name.normalize('NFC').replace(UNSAFE, '-').trim().replace(/^\.+/, '');
  return cleaned || fallback;
}

export function createWebHost(workDir: string): WebHost {
  let clipboardText: string | null = null;
  return {
    platform: 'web',
    get clipboardText() {
      return clipboardText;
    },
    async chooseNewProjectPath(suggestedName) {
      mkdirSync(workDir, { recursive: true });
      const slug = fileSlug(suggestedName);
      // Never overwrite: the second "Hui study" becomes hui-study-2.focal.
      for (let n = 1; ; n++) {
        const candidate = join(workDir, `${n === 1 ? slug : `${slug}-${n}`}.focal`);
        if (!existsSync(candidate)) return candidate;
      }
    },
    async chooseProjectToOpen() {
      return null;
    },
    async chooseImportFiles() {
      return null;
    },
    async chooseExportPath(suggestedName, extensions) {
      return freshExportPath(workDir, suggestedName, extensions, 'export');
    },
    async writeClipboard(text) {
      clipboardText = text;
    },
    // Kaitiaki key files live in the working folder's keys/ folder, named after the group; a new
    // key never overwrites one, and "open" picks the newest file of that name.
    async chooseKeyFile(purpose, suggestedName) {
      const dir = join(workDir, 'keys');
      mkdirSync(dir, { recursive: true });
      const slug = fileSlug(suggestedName, 'kaitiaki-key');
      const at = (n: number) => join(dir, `${n === 1 ? slug : `${slug}-${n}`}.focalkey`);
      let n = 1;
      while (existsSync(at(n))) n++;
      if (purpose === 'save') return at(n);
      return n === 1 ? null : at(n - 1);
    },
    async chooseDataFile(purpose: 'save' | 'open', kind: DataFileKind, suggestedName: string) {
      // Always the kind's own extension: a name like "a.b" must not pass for one with its own extension.
      const ext = dataFileExtensions[kind];
      const dotExt = `.${ext}`;
      if (purpose === 'save') return freshExportPath(workDir, suggestedName.toLowerCase().endsWith(dotExt) ? suggestedName : `${suggestedName}${dotExt}`, [ext], kind);
      const dir = join(workDir, 'received');
      if (!existsSync(dir)) return null;
      const newest = readdirSync(dir)
        .filter((f) => f.toLowerCase().endsWith(dotExt) && !f.startsWith('.'))
        .map((f) => ({ path: join(dir, f), at: statSync(join(dir, f)).mtimeMs }))
        .sort((a, b) => b.at - a.at)[0];
      return newest?.path ?? null;
    },
  };
}

/** A new file in the working folder's exports/: no save dialog asks "replace it?" here, so an existing name is never reused (name (2).docx). */
function freshExportPath(workDir: string, suggestedName: string, extensions: string[], fallback: string): string {
  const dir = join(workDir, 'exports');
  mkdirSync(dir, { recursive: true });
  const safe = safeFileName(suggestedName, fallback);
  const ext = extensions[0];
  const file = extname(safe) || !ext ? safe : `${safe}.${ext.replace(/^\./, '')}`;
  const dot = extname(file);
  const stem = file.slice(0, file.length - dot.length);
  for (let n = 1; ; n++) {
    const candidate = join(dir, n === 1 ? file : `${stem} (${n})${dot}`);
    if (!existsSync(candidate)) return candidate;
  }
}
