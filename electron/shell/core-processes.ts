/**
 * A window's cores as Electron utility processes: one writer and a small pool of readers
 * (core-process.ts), joined by a CoreRelay. The main process only relays: IPC from the page to the
 * cores' ports and back, their events to the page, and their dialog and clipboard questions to
 * electronHost. A long scan in a reader never holds up the writer, and neither holds up the window.
 */
import { availableParallelism } from 'node:os';
import { utilityProcess, type UtilityProcess } from 'electron';
import type { HostServices } from '../core/host';
import type { RelayMessage, RelayPort } from '../core/relay/protocol';
import { CoreRelay } from '../core/relay/relay-client';

export interface CoreProcessesOptions {
  /** dist/electron/core-process.cjs */
  script: string;
  dataDir: string;
  version: string;
  nativeBinding: string | undefined;
  host: HostServices;
  /** Reader processes; default one per spare CPU, 1 to 2. */
  readers?: number;
}

export interface CoreProcesses {
  relay: CoreRelay;
  /** Each core closes its project (checkpointing it), then the processes end. */
  close(): Promise<void>;
}

export function startCoreProcesses(opts: CoreProcessesOptions): CoreProcesses {
  const count = opts.readers ?? Math.min(2, Math.max(1, availableParallelism() - 1));
  const children = Array.from({ length: 1 + count }, (_, i) => utilityProcess.fork(opts.script, [], { serviceName: i === 0 ? 'Focal core' : `Focal reader ${i}`, stdio: 'inherit' }));
  const ports = children.map(portOf);
  const relay = new CoreRelay({
    writer: ports[0]!,
    readers: ports.slice(1),
    host: opts.host,
    init: { dataDir: opts.dataDir, version: opts.version, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) },
    log: (level, message, error) => (level === 'info' ? undefined : console.error(`[focal] ${message}`, error ?? '')),
  });
  children.forEach((child, i) => child.on('exit', (code) => relay.coreDown(ports[i]!, `exit code ${code}`)));
  return {
    relay,
    async close() {
      // A core that does not answer in time is ended anyway; its last transaction is already committed.
      await Promise.race([relay.stop(), new Promise((resolve) => setTimeout(resolve, 5_000))]);
      for (const child of children) child.kill();
    },
  };
}

function portOf(child: UtilityProcess): RelayPort {
  return {
    post: (m) => child.postMessage(m),
    listen: (handler) => child.on('message', (m: RelayMessage) => handler(m)),
  };
}
