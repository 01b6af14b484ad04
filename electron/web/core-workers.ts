/**
 * The browser harness's cores as worker threads: one writer and a small pool of readers, each a
 * FocalCore in its own thread (electron/web/core-worker.ts), joined by a CoreRelay. The harness's
 * HTTP server only relays calls and events; a long call on one thread never holds up the others.
 *
 * The worker script is the bundled dist/web/core-worker.cjs beside the running harness; run from
 * source (tests, benches), the worker is bundled from source with esbuild once per process.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { HostServices } from '../core/host';
import type { RelayMessage, RelayPort } from '../core/relay/protocol';
import { CoreRelay, type RelayOptions } from '../core/relay/relay-client';

export interface CoreWorkersOptions {
  dataDir: string;
  host: HostServices;
  version?: string;
  /** Reader threads; default: one per spare CPU, at least 1, at most 2. */
  readers?: number;
  log?: RelayOptions['log'];
}

export interface CoreWorkers {
  relay: CoreRelay;
  /** Stops every core (each closes its project) and ends the threads. */
  close(): Promise<void>;
}

export async function startCoreWorkers(opts: CoreWorkersOptions): Promise<CoreWorkers> {
  const script = await workerScript();
  const readerCount = opts.readers ?? Math.min(2, Math.max(1, availableParallelism() - 1));
  const threads = Array.from({ length: 1 + readerCount }, () => new Worker(script));
  const ports = threads.map(portOf);
  const relay = new CoreRelay({
    writer: ports[0]!,
    readers: ports.slice(1),
    host: opts.host,
    init: { dataDir: opts.dataDir, ...(opts.version ? { version: opts.version } : {}) },
    ...(opts.log ? { log: opts.log } : {}),
  });
  threads.forEach((t, i) => {
    t.on('error', (e) => relay.coreDown(ports[i]!, e.message));
    t.on('exit', (code) => relay.coreDown(ports[i]!, `exit code ${code}`));
  });
  await relay.ready();
  return {
    relay,
    async close() {
      await relay.stop();
      await Promise.all(threads.map((t) => t.terminate()));
    },
  };
}

function portOf(worker: Worker): RelayPort {
  return {
    post: (m) => worker.postMessage(m),
    listen: (handler) => worker.on('message', (m: RelayMessage) => handler(m)),
  };
}

let bundled: Promise<string> | null = null;

/** dist/web/core-worker.cjs next to the harness bundle, else a fresh bundle of the source. */
function workerScript(): Promise<string> {
  // __dirname: the bundle's folder, or this file's under vitest; run as ES modules (tsx), from the checkout's root.
  const here = typeof __dirname === 'string' ? __dirname : join(process.cwd(), 'electron', 'web');
  const beside = join(here, 'core-worker.cjs');
  if (existsSync(beside)) return Promise.resolve(beside);
  bundled ??= bundleFromSource(resolve(here, 'core-worker.ts'));
  return bundled;
}

async function bundleFromSource(entry: string): Promise<string> {
  // Inside the checkout (dist/.dev), so the bundle's require()s find node_modules.
  const root = resolve(entry, '..', '..', '..');
  const dir = join(root, 'dist', '.dev');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `core-worker-${process.pid}.cjs`);
  process.once('exit', () => rmSync(outfile, { force: true }));
  // esbuild is a build-time tool: loaded only when running from source.
  const { build } = await import('esbuild');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    absWorkingDir: root,
  });
  return outfile;
}
