/**
 * Focal's own scheme for the renderer (app://focal/…), served by `protocol.handle` in
 * app-protocol.ts instead of file://: the page gets a real origin, the CSP arrives as a header, and
 * file:// needs no extra privileges (its fuse is off). This file is the handler's logic as pure
 * functions (no `electron` import), so the tests can check every path rule in Node.
 */
import { extname, join, relative, sep, isAbsolute } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'focal';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** The types the built renderer holds; anything else is not served. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export type AppRequest = { ok: true; path: string; mime: string } | { ok: false; status: 400 | 403 | 404 };

/** Which file under `root` (the built renderer) a request for `url` may read, or why not. */
export function resolveAppRequest(url: string, root: string): AppRequest {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400 };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { ok: false, status: 403 };
  const raw = parsed.pathname;
  // Encoded separators, backslashes, NUL or an empty segment are never part of a real asset path.
  if (/%2f|%5c|%00|\\|\/\//i.test(raw)) return { ok: false, status: 404 };
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return { ok: false, status: 400 };
  }
  if (path.includes('\0')) return { ok: false, status: 404 };
  const segments = path.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return { ok: false, status: 404 };
  const file = join(root, ...(segments.length ? segments : ['index.html']));
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return { ok: false, status: 404 };
  const mime = TYPES[extname(file).toLowerCase()];
  if (!mime) return { ok: false, status: 404 };
  return { ok: true, path: file, mime };
}

/** True only for our own page (index.html on app://focal, any route in its hash or query). */
export function isAppPageUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && (parsed.pathname === '/index.html' || parsed.pathname === '/');
}
