/**
 * Linking a recording to a transcript. The project keeps the path (relative to the project file
 * when the recording sits in its folder or below), the size and the SHA-256; never the media.
 * A recording that has moved is found again by its name and hash under the project's folder.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { MediaLink, MediaStatus } from '../../../shared/domain/media';
import type { FocalCore } from '../app/focal-core';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { requireSourceRow } from '../tikanga/kaitiaki';
import { currentHash, MEDIA_EXTENSIONS, mediaTypeOf, rememberHash, sha256File } from './media-files';

interface LinkRow {
  source_id: number;
  path: string;
  relative: number;
  file_name: string;
  kind: 'audio' | 'video';
  mime: string;
  size: number;
  sha256: string;
  linked_at: string;
  linked_by: string;
}

export function linkRow(db: ProjectDb, sourceId: number): LinkRow | undefined {
  return db.prepare('SELECT * FROM media_links WHERE source_id = ?').get(sourceId) as LinkRow | undefined;
}

export function toLink(r: LinkRow): MediaLink {
  return { fileName: r.file_name, path: r.path, relative: r.relative === 1, kind: r.kind, mime: r.mime, size: r.size, sha256: r.sha256, linkedAt: r.linked_at, linkedBy: r.linked_by };
}

const projectFolder = (core: FocalCore) => dirname(resolve(core.requireProject().path));

/** The stored form of an absolute path: relative ('/' separators) inside the project's folder, else absolute. */
export function storedPath(folder: string, abs: string): { path: string; relative: boolean } {
  const rel = relative(folder, abs);
  if (rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel)) return { path: rel.split(sep).join('/'), relative: true };
  return { path: abs, relative: false };
}

/** The absolute path a stored link names. */
export function absolutePath(core: FocalCore, r: Pick<LinkRow, 'path' | 'relative'>): string {
  return r.relative === 1 ? join(projectFolder(core), ...r.path.split('/')) : r.path;
}

/** Checks a file can be a recording: a media type Focal plays, a regular file, not empty. Returns its absolute path and size. */
function checkMediaFile(file: string): { abs: string; size: number; type: NonNullable<ReturnType<typeof mediaTypeOf>> } {
  const abs = resolve(file);
  const name = basename(abs);
  const type = mediaTypeOf(name);
  if (!type) throw new FocalError('bad-input', `${name}: not a recording Focal plays; link an audio file (mp3, m4a, wav, ogg, opus) or a video (mp4, webm, mov).`);
  let st;
  try {
    st = statSync(abs);
  } catch {
    throw new FocalError('not-found', `${name}: there is no such file at ${abs}.`);
  }
  if (!st.isFile()) throw new FocalError('bad-input', `${name}: is a folder, not a recording.`);
  if (st.size === 0) throw new FocalError('bad-input', `${name}: the file is empty; link the recording itself.`);
  return { abs, size: st.size, type };
}

export async function linkMedia(core: FocalCore, sourceId: number, file: string): Promise<MediaLink> {
  const db = core.requireProject().db;
  const source = requireSourceRow(db, sourceId);
  const { abs, size, type } = checkMediaFile(file);
  const sha256 = await sha256File(abs);
  rememberHash(core, abs, sha256);
  const stored = storedPath(projectFolder(core), abs);
  const now = core.now();
  db.transaction(() => {
    const prev = linkRow(db, sourceId);
    db.prepare('INSERT OR REPLACE INTO media_links (source_id, path, relative, file_name, kind, mime, size, sha256, linked_at, linked_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      sourceId, stored.path, stored.relative ? 1 : 0, basename(abs), type.kind, type.mime, size, sha256, now, core.actor,
    );
    core.requireProject().audit(core.actor, 'media-linked', { sourceId, title: source.title, file: basename(abs), sha256, replaced: prev?.file_name ?? null }, now);
  })();
  core.emit('changed', { kinds: ['sources'] });
  return toLink(linkRow(db, sourceId)!);
}

export function unlinkMedia(core: FocalCore, sourceId: number): null {
  const db = core.requireProject().db;
  const source = requireSourceRow(db, sourceId);
  const prev = linkRow(db, sourceId);
  if (!prev) throw new FocalError('not-found', `"${source.title}" has no recording linked.`);
  db.transaction(() => {
    db.prepare('DELETE FROM media_links WHERE source_id = ?').run(sourceId);
    core.requireProject().audit(core.actor, 'media-unlinked', { sourceId, title: source.title, file: prev.file_name }, core.now());
  })();
  core.emit('changed', { kinds: ['sources'] });
  return null;
}

/** Points an existing link at `file`, which must be the same recording (same SHA-256): a moved file, not a different one. */
export async function relinkMedia(core: FocalCore, sourceId: number, file: string): Promise<MediaLink> {
  const db = core.requireProject().db;
  const source = requireSourceRow(db, sourceId);
  const prev = linkRow(db, sourceId);
  if (!prev) throw new FocalError('not-found', `"${source.title}" has no recording linked; link one first.`);
  const { abs } = checkMediaFile(file);
  const sha = await sha256File(abs);
  if (sha !== prev.sha256) {
    throw new FocalError('conflict', `${basename(abs)}: not the recording linked to "${source.title}" (its content differs from ${prev.file_name}); to use it instead, link it again.`);
  }
  rememberHash(core, abs, sha);
  setPath(core, prev, abs);
  core.emit('changed', { kinds: ['sources'] });
  return toLink(linkRow(db, sourceId)!);
}

function setPath(core: FocalCore, prev: LinkRow, abs: string): void {
  const stored = storedPath(projectFolder(core), abs);
  core.requireProject().db.prepare('UPDATE media_links SET path = ?, relative = ? WHERE source_id = ?').run(stored.path, stored.relative ? 1 : 0, prev.source_id);
  core.requireProject().audit(core.actor, 'media-relinked', { sourceId: prev.source_id, from: prev.path, to: stored.path, sha256: prev.sha256 }, core.now());
}

const SEARCH_DEPTH = 4;
const SEARCH_LIMIT = 20_000;

/** Files named `name` with `size` bytes under `folder` (a few levels deep, hidden folders skipped). */
export function candidatesByName(folder: string, name: string, size: number): string[] {
  const found: string[] = [];
  let seen = 0;
  const walk = (dir: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (++seen > SEARCH_LIMIT) return;
      const p = join(dir, e.name);
      if (e.isDirectory() && depth < SEARCH_DEPTH && !e.name.startsWith('.') && e.name !== 'node_modules') walk(p, depth + 1);
      else if (e.isFile() && e.name === name) {
        try {
          if (statSync(p).size === size) found.push(p);
        } catch {
          /* gone meanwhile */
        }
      }
    }
  };
  walk(folder, 0);
  return found;
}

/**
 * Where the linked recording is now: its stored place if the file there has the linked hash
 * (cached by size and mtime), else a file of the same name and hash under the project's folder
 * (the link is mended to point at it), else missing or changed.
 */
export async function locateMedia(core: FocalCore, sourceId: number): Promise<{ status: MediaStatus; path: string | null; row: LinkRow | null; relinked: boolean }> {
  const db = core.requireProject().db;
  const row = linkRow(db, sourceId);
  if (!row) return { status: 'none', path: null, row: null, relinked: false };
  const abs = absolutePath(core, row);
  const sha = await currentHash(core, abs);
  if (sha === row.sha256) return { status: 'ok', path: abs, row, relinked: false };
  for (const candidate of candidatesByName(projectFolder(core), row.file_name, row.size)) {
    if (candidate === abs) continue;
    if ((await currentHash(core, candidate)) === row.sha256) {
      setPath(core, row, candidate);
      core.emit('changed', { kinds: ['sources'] });
      return { status: 'ok', path: candidate, row: linkRow(db, sourceId)!, relinked: true };
    }
  }
  return { status: sha === null ? 'missing' : 'changed', path: null, row, relinked: false };
}

export { MEDIA_EXTENSIONS };
