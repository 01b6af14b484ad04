/**
 * Serves the renderer from app://focal/ with `protocol.handle` (Electron's API for custom schemes):
 * files are read only from the built renderer folder, by the pure rules in app-url.ts, and every
 * response carries the CSP as a header and `nosniff`. The scheme is registered as standard and
 * secure before the app is ready, so the page has a real origin and file:// needs no privileges.
 */
import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { APP_SCHEME, resolveAppRequest } from './app-url';
import { MEDIA_SCHEME_PRIVILEGES } from './media-protocol';
import { CSP } from './security';

/** Must run before `app.whenReady()`. */
export function registerAppScheme(): void {
  // One call for every custom scheme: Electron takes the list once. focal-media:// serves linked recordings (media-protocol.ts).
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }, MEDIA_SCHEME_PRIVILEGES]);
}

/** Answers app://focal/… from `rendererRoot` (dist/renderer) for this session. */
export function serveApp(session: Session, rendererRoot: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET') return new Response(null, { status: 405 });
    const r = resolveAppRequest(request.url, rendererRoot);
    if (!r.ok) return new Response(null, { status: r.status });
    try {
      const body = await readFile(r.path);
      return new Response(body, { status: 200, headers: { 'Content-Type': r.mime, 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff' } });
    } catch {
      return new Response(null, { status: 404 });
    }
  });
}
