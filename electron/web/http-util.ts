/** Small helpers for the harness's node:http handlers: JSON envelopes, bounded bodies, checks. */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Envelope } from '../../shared/api/errors';
import { SECURITY_HEADERS } from './csp';

export const MAX_BODY_BYTES = 64 * 1024 * 1024;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function sendJson(res: ServerResponse, status: number, body: Envelope<unknown>): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json),
    'Cache-Control': 'no-store',
  });
  res.end(json);
}

export function sendError(res: ServerResponse, e: HttpError): void {
  // The client may still be sending a body we refused; close rather than read it all.
  if (e.status === 413) res.setHeader('Connection', 'close');
  sendJson(res, e.status, { ok: false, error: { code: e.code, message: e.message } });
}

/** Reads the whole body, refusing (413) as soon as it passes the limit rather than buffering it. */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const tooLarge = () => new HttpError(413, 'too-large', `The request is larger than ${Math.round(limit / 1024 / 1024)} MB.`);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Parses a JSON request body; an empty body means "no input" ({}), as for calls without fields. */
export function parseJson(body: Buffer): unknown {
  const text = body.toString('utf8');
  if (!text.trim()) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'bad-input', 'The request body is not valid JSON.');
  }
}

/** Constant-time comparison, so the token cannot be guessed a character at a time. */
export function tokenMatches(given: string | undefined | null, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * DNS-rebinding guard: a page on evil.example that re-points its name at 127.0.0.1 still sends
 * `Host: evil.example`, so only our own loopback names are served.
 */
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** Browsers send Origin on cross-site POSTs; when present it must be us. */
export function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}
