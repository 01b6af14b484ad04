/**
 * Serves linked recordings to the renderer as focal-media://<streamKey>/<sourceId>, with range
 * requests, through `protocol.handle` (privileged: standard, secure, stream). The URL's rules are
 * in media-url.ts and what to answer in core/media/serve.ts (both tested without Electron): only
 * the file linked to that transcript in that window's open project, checked by path and hash.
 * Never file://, never the network.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { Session } from 'electron';
import type { MediaSource } from '../core/media/serve';
import { MEDIA_SCHEME, parseMediaUrl } from './media-url';

export const MEDIA_SCHEME_PRIVILEGES = { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true } };

/** `cores()`: the cores of the open windows; a request is answered by the one whose stream key it names (each core checks the key is its own). */
export function serveMedia(session: Session, cores: () => Iterable<MediaSource>): void {
  session.protocol.handle(MEDIA_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const parsed = parseMediaUrl(request.url);
    if (!parsed.ok) return new Response(null, { status: parsed.status });
    let r: Awaited<ReturnType<MediaSource['media']>> | null = null;
    for (const core of cores()) {
      r = await core.media(parsed.sourceId, parsed.frameId, request.headers.get('range') ?? undefined, parsed.key);
      if (r.ok || r.status !== 404 || r.message !== 'No such recording.') break;
    }
    if (!r) return new Response(null, { status: 404 });
    if (!r.ok) return new Response(r.message, { status: r.status, headers: { ...r.headers, 'Content-Type': 'text/plain; charset=utf-8' } });
    const body = request.method === 'HEAD' ? null : (Readable.toWeb(createReadStream(r.path, { start: r.start, end: r.end })) as ReadableStream<Uint8Array>);
    return new Response(body, { status: r.status, headers: r.headers });
  });
}
