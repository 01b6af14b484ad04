/**
 * The browser harness: the same FocalCore the Electron shell runs, served over loopback HTTP so
 * the renderer can be used (and tested with Playwright) in an ordinary browser. The cores run in
 * worker threads (a writer and a pool of readers, core-workers.ts); this thread only serves HTTP
 * and relays calls, events and the cores' host-service questions.
 *
 * Security model: binds 127.0.0.1 only; every API request carries a random per-run token (header
 * for calls, query string for the event stream); requests for any Host other than our own
 * loopback names are refused (DNS rebinding); static files are read-only and confined to staticDir.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';
import { FOCAL_VERSION } from '../../shared/version';
import { startCoreWorkers } from './core-workers';
import { HarnessCore } from './harness-core';
import { EventStreams } from './event-stream';
import { HttpError, hostAllowed, originAllowed, parseJson, readBody, sendError, sendJson, tokenMatches } from './http-util';
import { pathOutside } from './import-paths';
import { serveStatic } from './static-files';
import { createWebHost, type WebHost } from './web-host';

export interface HarnessOptions {
  /** Where projects are saved (and the app's own state, under .focal-app). */
  workDir: string;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** 0 or absent: a free port chosen by the OS. */
  port?: number;
  host?: '127.0.0.1';
  /** Where the core reports unexpected errors; stderr by default. */
  logger?: (level: 'info' | 'warn' | 'error', message: string, error?: unknown) => void;
  /** Reader threads for the heavy reads (default: 1–2 by CPU count). */
  readers?: number;
}

export interface Harness {
  /** The server's origin, e.g. http://127.0.0.1:41234 (no token). */
  url: string;
  /** The URL to open in a browser: origin plus `#token=…` (the fragment never reaches the server or its logs). */
  appUrl: string;
  token: string;
  port: number;
  /** The relay to the core threads, plus this side's conveniences (harness-core.ts). */
  core: HarnessCore;
  host: WebHost;
  close(): Promise<void>;
}

const CALL_NAME = /^[a-z][a-z0-9-]{0,63}$/;

export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  mkdirSync(opts.workDir, { recursive: true });
  const token = randomBytes(32).toString('hex');
  const host = createWebHost(opts.workDir);
  const dataDir = join(opts.workDir, '.focal-app');
  const logger = opts.logger ?? defaultLogger;
  const workers = await startCoreWorkers({ dataDir, host, version: FOCAL_VERSION, log: logger, ...(opts.readers !== undefined ? { readers: opts.readers } : {}) });
  const core = new HarnessCore(workers.relay, dataDir, logger);
  const streams = new EventStreams(core);
  let port = 0;

  async function handleApi(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<void> {
    if (path === '/api/events') {
      if (req.method !== 'GET') throw new HttpError(405, 'bad-input', 'The event stream is read with GET.');
      if (!tokenMatches(query.get('token'), token)) throw unauthorised();
      streams.attach(res);
      return;
    }
    if (req.method !== 'POST') throw new HttpError(405, 'bad-input', 'API calls are made with POST.');
    if (!originAllowed(req, port)) throw new HttpError(403, 'forbidden', 'Requests from other websites are refused.');
    const header = req.headers['x-focal-token'];
    if (!tokenMatches(Array.isArray(header) ? header[0] : header, token)) throw unauthorised();
    const name = path.slice('/api/'.length);
    // Anything that is not a plausible call name is still answered by the dispatcher's unknown-call.
    const input = parseJson(await readBody(req));
    if (name === 'import-files') {
      const outside = pathOutside(input, opts.workDir);
      if (outside !== null) throw new HttpError(403, 'forbidden', `${basename(outside)}: in the browser Focal imports only files you drop or upload, or files in its folder (${opts.workDir}). Drop the file onto the window instead.`);
    }
    const envelope = await core.call(CALL_NAME.test(name) ? name : `(invalid name)`, input);
    sendJson(res, 200, envelope);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req, port)) throw new HttpError(403, 'forbidden', 'This server only answers to 127.0.0.1 and localhost.');
    // Parse the raw target ourselves: URL() would quietly resolve "/../" and hide a traversal attempt.
    const raw = req.url ?? '/';
    const q = raw.indexOf('?');
    const path = q === -1 ? raw : raw.slice(0, q);
    const query = new URLSearchParams(q === -1 ? '' : raw.slice(q + 1));
    if (path === '/api' || path.startsWith('/api/')) await handleApi(req, res, path, query);
    else await serveStatic(req, res, opts.staticDir, path);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (e instanceof HttpError) sendError(res, e);
      else {
        core.log('error', `harness request ${req.method} ${req.url?.split('?')[0]} failed`, e);
        sendError(res, new HttpError(500, 'internal', 'The Focal server hit an unexpected problem; see its terminal.'));
      }
    });
  });

  // An idle keep-alive socket is closed by the client (browsers, undici: a few seconds), not by
  // us: when both close at once, the request the client was just sending on it gets ECONNRESET.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  await new Promise<void>((resolvePromise, reject) => {
    const failed = (e: Error) => {
      void workers.close();
      reject(e);
    };
    server.once('error', failed);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      server.off('error', failed);
      resolvePromise();
    });
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= new Promise<void>((resolveClose) => {
      streams.closeAll();
      server.close(() => {
        core.dispose();
        workers.close().then(resolveClose, resolveClose);
      });
      // Keep-alive sockets would hold close() open for seconds.
      server.closeAllConnections();
    });
    return closing;
  };

  return { url, appUrl: `${url}/#token=${token}`, token, port, core, host, close };
}

function defaultLogger(level: 'info' | 'warn' | 'error', message: string, error?: unknown): void {
  if (level === 'error') console.error(`[focal] ${message}`, error ?? '');
}

function unauthorised(): HttpError {
  return new HttpError(401, 'forbidden', 'Missing or wrong access token: open Focal with the link printed when the server started.');
}
