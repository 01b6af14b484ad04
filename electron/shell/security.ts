/**
 * Locks the renderer down: a strict CSP, no navigation away from our page, no new windows, no
 * <webview>, no permissions. Transcripts are untrusted text; if markup in one ever reached the
 * DOM, these rules keep it from running code, loading anything remote or leaving the app.
 */
import { app, type Session, shell, type WebContents } from 'electron';

/**
 * The renderer's Content Security Policy. The renderer sets the same string in a <meta> tag:
 * file:// responses carry no headers, so the header below alone would not cover the app's page.
 * No 'unsafe-eval' and no remote origins. Inline styles are allowed because React style props
 * and the charting library set element styles at run time.
 */
export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' focal-media:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'";

/** Adds the CSP header to every response and refuses every permission (camera, notifications, ...). */
export function hardenSession(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Applies the navigation rules to every web contents the app ever creates. */
export function hardenAllWebContents(isAppPage: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, isAppPage));
}

function hardenWebContents(contents: WebContents, isAppPage: (url: string) => boolean): void {
  // Dropping a file on the window, a link click or a script changing location would all replace
  // our page (and its preload bridge) with something else: only our own page may be loaded.
  contents.on('will-navigate', (details) => {
    if (!isAppPage(details.url)) details.preventDefault();
  });
  contents.on('will-redirect', (details) => {
    if (!isAppPage(details.url)) details.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Web links (help pages, a reference in a memo) open in the user's browser, never in the app.
    if (isWebLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

function isWebLink(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
