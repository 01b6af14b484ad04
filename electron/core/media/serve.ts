/**
 * Serving a linked recording to the player, the same for the browser harness (a token-checked
 * HTTP endpoint) and Electron (the focal-media:// scheme): only the file linked to that source in
 * the open project, only where its hash (checked at link/relink, then trusted while its size and
 * mtime hold) says it is the linked recording, in byte ranges so the player can seek.
 *
 * Tikanga: a viewer who may not hear the recording at all (a wholly restricted transcript, or a
 * restricted passage with no time) is refused here too; for restricted passages the player skips
 * their time ranges (media-get gives them). Byte ranges of compressed media do not map to times,
 * so the bytes of a skipped stretch are not withheld by this endpoint; see README (Recordings).
 */
import { mediaState } from './media-files';
import type { FocalCore } from '../app/focal-core';
import { FocalError } from '../errors';
import { locateMedia } from './links';
import { mayHear } from './media-info';

export type ByteRange = { start: number; end: number };

/**
 * One `Range: bytes=…` header against a file of `size` bytes: null for no (or an unsupported
 * multi-range/other-unit) header, meaning the whole file; 'unsatisfiable' for a range past the end.
 */
export function parseRange(header: string | null | undefined, size: number): ByteRange | null | 'unsatisfiable' {
  if (!header) return null;
  const m = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!m) return null;
  const [, a, b] = m;
  if (a === '' && b === '') return null;
  if (a === '') {
    const n = Number(b);
    if (n === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(a);
  const end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  if (!Number.isSafeInteger(start) || start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

export type MediaResponse =
  | { ok: true; status: 200 | 206; path: string; start: number; end: number; headers: Record<string, string> }
  | { ok: false; status: 400 | 403 | 404 | 409 | 416; message: string; headers: Record<string, string> };

const fail = (status: 400 | 403 | 404 | 409 | 416, message: string, headers: Record<string, string> = {}): MediaResponse => ({ ok: false, status, message, headers });

/** What to answer for a request for source `sourceId`'s recording with this Range header. Never throws for a bad request. */
export async function mediaResponse(core: FocalCore, sourceId: number, frameId: number | undefined, range: string | null | undefined): Promise<MediaResponse> {
  if (!core.project) return fail(404, 'No project is open.');
  let timing;
  try {
    timing = mayHear(core, sourceId, frameId);
  } catch (e) {
    if (e instanceof FocalError) return fail(404, e.message);
    throw e;
  }
  if (!timing.mayPlay) return fail(403, timing.refusal ?? 'This recording is restricted.');
  const where = await locateMedia(core, sourceId);
  if (where.status === 'none') return fail(404, `"${timing.title}" has no recording linked.`);
  if (where.status !== 'ok' || !where.path || !where.row) {
    return fail(409, `${where.row?.file_name ?? 'The recording'}: ${where.status === 'changed' ? 'its content is not the recording that was linked' : 'not found where it was linked, nor by name and hash in the project folder'}; link it again in Details ▸ Recording.`);
  }
  const size = where.row.size;
  const r = parseRange(range, size);
  const base = { 'Content-Type': where.row.mime, 'Accept-Ranges': 'bytes', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
  if (r === 'unsatisfiable') return fail(416, 'The requested range is outside the recording.', { 'Content-Range': `bytes */${size}` });
  if (r === null) return { ok: true, status: 200, path: where.path, start: 0, end: size - 1, headers: { ...base, 'Content-Length': String(size) } };
  return { ok: true, status: 206, path: where.path, start: r.start, end: r.end, headers: { ...base, 'Content-Length': String(r.end - r.start + 1), 'Content-Range': `bytes ${r.start}-${r.end}/${size}` } };
}

/** Whatever can answer a media request: an in-process core (below), or the relay to the writer core. */
export interface MediaSource {
  media(sourceId: number, frameId: number | undefined, range: string | undefined, key?: string): Promise<MediaResponse>;
}

/** An in-process core as a MediaSource; `key` (Electron's stream key) must be this core's own. */
export function coreMediaSource(core: FocalCore): MediaSource {
  return {
    media: (sourceId, frameId, range, key) => (key !== undefined && mediaState(core).key !== key ? Promise.resolve(fail(404, 'No such recording.')) : mediaResponse(core, sourceId, frameId, range)),
  };
}
