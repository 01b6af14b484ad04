/**
 * The main process's rules as pure functions: no `electron` import, so the tests can run them in
 * Node (the Electron runtime cannot load there). Not for the preload: it uses Node built-ins.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Extensions the import dialog offers; the core decides what it can actually read. */
export const importExtensions = ['txt', 'md', 'docx', 'vtt', 'srt', 'tsv', 'csv'];
export const projectExtension = 'focal';

/**
 * True only for our own renderer page: a file: URL naming exactly the bundled index.html.
 * Query and hash are ignored (the renderer may route with them); anything else (a remote page,
 * another local file, a destroyed frame with no URL) may not call the core.
 */
export function isTrustedRendererUrl(url: string | undefined | null, indexFile: string, platform: NodeJS.Platform = process.platform): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'file:' || (parsed.host !== '' && parsed.host !== 'localhost')) return false;
  parsed.search = '';
  parsed.hash = '';
  let path: string;
  try {
    path = fileURLToPath(parsed, { windows: platform === 'win32' });
  } catch {
    return false;
  }
  // Windows paths are case-insensitive and Chromium may change the drive letter's case.
  return platform === 'win32' ? path.toLowerCase() === indexFile.toLowerCase() : path === indexFile;
}

/** Adds the expected extension when a save dialog returns a name without it (GTK does not add it). */
export function withExtension(path: string, extensions: string[]): string {
  const ext = extname(path).slice(1).toLowerCase();
  if (extensions.length === 0 || extensions.map((e) => e.toLowerCase()).includes(ext)) return path;
  return `${path}.${extensions[0]}`;
}

/** Strips characters that Windows, macOS or Linux refuse in a file name from a suggested name. */
export function safeFileName(name: string, fallback = 'Untitled'): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/[<>:"/\\|?*\u0000-\u001f]/g, ' ').replace(/\s+/g, ' ').trim().replace(/[. ]+$/, '');
  return cleaned.slice(0, 120) || fallback;
}

/** A .focal path passed on the command line (file association on Windows and Linux), if any. */
export function projectPathFromArgv(argv: readonly string[]): string | undefined {
  // argv[0] is the executable; in development argv[1] is the app folder, never a .focal file.
  return argv.slice(1).find((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith(`.${projectExtension}`));
}
