/**
 * The Content-Security-Policy the renderer runs under, in Electron and in the browser harness alike.
 * renderer/index.html carries the same policy in a <meta> tag (a test checks they match), so a
 * renderer change that needs a looser policy fails in the browser tests before it ships.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  // Linked recordings: /api/media/… here, focal-media:// in Electron (core/media/serve.ts).
  "media-src 'self' focal-media:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Headers every harness response carries, static or API. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
