/**
 * Files a recording may be, their SHA-256, and the per-core cache that keeps a verified file
 * trusted while its size and modification time stay the same (so a range request never rehashes).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { MediaKind } from '../../../shared/domain/media';
import type { FocalCore } from '../app/focal-core';

export const MEDIA_TYPES: Record<string, { kind: MediaKind; mime: string }> = {
  '.mp3': { kind: 'audio', mime: 'audio/mpeg' },
  '.m4a': { kind: 'audio', mime: 'audio/mp4' },
  '.wav': { kind: 'audio', mime: 'audio/wav' },
  '.ogg': { kind: 'audio', mime: 'audio/ogg' },
  '.opus': { kind: 'audio', mime: 'audio/ogg' },
  '.mp4': { kind: 'video', mime: 'video/mp4' },
  '.webm': { kind: 'video', mime: 'video/webm' },
  '.mov': { kind: 'video', mime: 'video/quicktime' },
};

export const MEDIA_EXTENSIONS = Object.keys(MEDIA_TYPES).map((e) => e.slice(1));

export function mediaTypeOf(fileName: string): { kind: MediaKind; mime: string } | null {
  return MEDIA_TYPES[extname(fileName).toLowerCase()] ?? null;
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

interface Verified {
  size: number;
  mtimeMs: number;
  sha256: string;
}

interface MediaState {
  key: string;
  verified: Map<string, Verified>;
}

const states = new WeakMap<FocalCore, MediaState>();

export function mediaState(core: FocalCore): MediaState {
  let s = states.get(core);
  if (!s) {
    s = { key: randomBytes(16).toString('hex'), verified: new Map() };
    states.set(core, s);
  }
  return s;
}

/** Notes that `path` (now, at its current size and mtime) hashed to `sha256`. */
export function rememberHash(core: FocalCore, path: string, sha256: string): void {
  const st = statSync(path);
  mediaState(core).verified.set(path, { size: st.size, mtimeMs: st.mtimeMs, sha256 });
}

/**
 * The SHA-256 of `path`: from the cache while its size and mtime are what they were when hashed,
 * else hashed again (and cached). Null when the file is not there or not a regular file.
 */
export async function currentHash(core: FocalCore, path: string): Promise<string | null> {
  let st;
  try {
    st = statSync(path);
  } catch {
    return null;
  }
  if (!st.isFile()) return null;
  const hit = mediaState(core).verified.get(path);
  if (hit && hit.size === st.size && hit.mtimeMs === st.mtimeMs) return hit.sha256;
  const sha = await sha256File(path);
  mediaState(core).verified.set(path, { size: st.size, mtimeMs: st.mtimeMs, sha256: sha });
  return sha;
}
