/**
 * Files on their way in. In Electron a file is sent by path (the core reads it); in a browser tab
 * pages cannot see paths, so the bytes go as base64, in batches that fit one request.
 */
import type { CallInput } from '../../../shared/api/contract';
import type { FocalBridge } from '../../../shared/api/bridge';

export type FileRef = CallInput<'import-files'>['files'][number];

export interface PendingFile {
  name: string;
  /** Bytes, when known (browser Files); null for a path from the native dialog. */
  size: number | null;
  path?: string;
  file?: File;
}

/** The accept list for the browser's file input: the formats the core imports. */
export const TRANSCRIPT_ACCEPT = '.txt,.md,.docx,.vtt,.srt,.tsv,.csv';

/** A request body may be 64 MB and base64 adds a third, so a tab sends files up to 45 MB. */
export const BROWSER_MAX_BYTES = 45 * 1024 * 1024;
const BATCH_BYTES = 24 * 1024 * 1024;

export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

export function fromPaths(paths: string[]): PendingFile[] {
  return paths.map((path) => ({ name: baseName(path), size: null, path }));
}

/** Dropped or chosen Files: by path where the Electron bridge can tell it, else by content. */
export function fromFiles(files: File[], bridge: FocalBridge | null): PendingFile[] {
  return files.map((file) => {
    let path = '';
    try {
      path = bridge?.pathForFile(file) ?? '';
    } catch {
      path = '';
    }
    return path ? { name: file.name, size: file.size, path } : { name: file.name, size: file.size, file };
  });
}

/** Why a file cannot be sent from this tab, or null when it can. */
export function tooBigForBrowser(p: PendingFile): string | null {
  if (!p.file || p.file.size <= BROWSER_MAX_BYTES) return null;
  const mb = (p.file.size / (1024 * 1024)).toFixed(1);
  return `${p.name}: is ${mb} MB; in a browser tab Focal imports files up to 45 MB. Use the desktop app, or split the file.`;
}

export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error(`${file.name}: could not be read (${reader.error?.message ?? 'unknown error'})`));
    reader.readAsDataURL(file);
  });
}

export async function toFileRef(p: PendingFile): Promise<FileRef> {
  if (p.path) return { name: p.name, path: p.path };
  return { name: p.name, dataBase64: await readBase64(p.file as File) };
}

/** Groups files (by index) so each request stays well under the harness's body limit. */
export function batches(files: PendingFile[]): number[][] {
  const out: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  files.forEach((f, i) => {
    const size = f.path ? 0 : (f.size ?? 0);
    if (current.length > 0 && (bytes + size > BATCH_BYTES || current.length >= 200)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(i);
    bytes += size;
  });
  if (current.length) out.push(current);
  return out;
}

export function hasFiles(dt: DataTransfer | null): boolean {
  return !!dt && Array.from(dt.types).includes('Files');
}
