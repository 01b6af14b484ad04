/**
 * GET /api/media/<sourceId>?token=…[&frameId=…]: the recording linked to a transcript in the open
 * project, in byte ranges, for the player in browser mode. The token is in the query because an
 * <audio>/<video> element cannot send a header; the page's origin is the only one that has it.
 * Which file, and whether this viewer may hear it, is decided by the core (core/media/serve.ts):
 * nothing in the request names a path.
 */
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MediaSource } from '../core/media/serve';
import { SECURITY_HEADERS } from './csp';
import { HttpError } from './http-util';

const MEDIA_PATH = /^\/api\/media\/([1-9]\d{0,15})$/;

export function isMediaPath(path: string): boolean {
  return path.startsWith('/api/media/');
}

export async function serveMedia(core: MediaSource, req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'bad-input', 'A recording is read with GET.');
  const m = MEDIA_PATH.exec(path);
  if (!m) throw new HttpError(404, 'not-found', 'No such recording: the address names a transcript by its id.');
  const frameRaw = query.get('frameId');
  const frameId = frameRaw === null ? undefined : Number(frameRaw);
  if (frameId !== undefined && !(Number.isInteger(frameId) && frameId > 0)) throw new HttpError(400, 'bad-input', 'frameId is a code frame id (a whole number).');
  const range = req.headers.range;
  const r = await core.media(Number(m[1]), frameId, typeof range === 'string' ? range : undefined);
  if (!r.ok) {
    for (const [k, v] of Object.entries(r.headers)) res.setHeader(k, v);
    throw new HttpError(r.status, r.status === 403 ? 'forbidden' : r.status === 409 ? 'conflict' : r.status === 400 ? 'bad-input' : 'not-found', r.message);
  }
  res.writeHead(r.status, { ...SECURITY_HEADERS, ...r.headers });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(r.path, { start: r.start, end: r.end });
  stream.on('error', () => res.destroy());
  res.on('close', () => stream.destroy());
  stream.pipe(res);
}
