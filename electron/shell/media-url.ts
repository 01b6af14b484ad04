/**
 * The focal-media:// scheme's pure rules (no `electron` import, tested in Node): which core and
 * which transcript a URL names. focal-media://<streamKey>/<sourceId>[?frameId=<id>]; the stream key
 * is a random per-core value (media-get gives it), so a URL names one window's open project and
 * nothing else. No part of the URL is ever a file path: the core looks the file up from the link.
 */
export const MEDIA_SCHEME = 'focal-media';

export type MediaRequest = { ok: true; key: string; sourceId: number; frameId: number | undefined } | { ok: false; status: 400 | 403 | 404 };

export function parseMediaUrl(url: string): MediaRequest {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { ok: false, status: 400 };
  }
  if (u.protocol !== `${MEDIA_SCHEME}:`) return { ok: false, status: 403 };
  if (!/^[0-9a-f]{32}$/.test(u.hostname)) return { ok: false, status: 404 };
  const m = /^\/([1-9]\d{0,15})$/.exec(u.pathname);
  if (!m) return { ok: false, status: 404 };
  const f = u.searchParams.get('frameId');
  let frameId: number | undefined;
  if (f !== null) {
    frameId = Number(f);
    if (!/^[1-9]\d{0,15}$/.test(f)) return { ok: false, status: 400 };
  }
  if ([...u.searchParams.keys()].some((k) => k !== 'frameId')) return { ok: false, status: 400 };
  return { ok: true, key: u.hostname, sourceId: Number(m[1]), frameId };
}

export function mediaUrl(key: string, sourceId: number, frameId?: number): string {
  return `${MEDIA_SCHEME}://${key}/${sourceId}${frameId !== undefined ? `?frameId=${frameId}` : ''}`;
}
