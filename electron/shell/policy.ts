/**
 * The main process's rules as pure functions: no `electron` import, so the tests can run them in
 * Node (the Electron runtime cannot load there). Not for the preload: it uses Node built-ins.
 */
import { extname } from 'node:path';

/** Extensions the import dialog offers; the core decides what it can actually read. */
export const importExtensions = ['txt', 'md', 'docx', 'vtt', 'srt', 'tsv', 'csv'];
export const projectExtension = 'focal';

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
