/**
 * Entry point of a core utilityProcess (dist/electron/core-process.cjs): a writer or reader
 * FocalCore served over the process's parent port (electron/core/relay). Runs Electron's Node, but
 * needs nothing from the `electron` module: the port is process.parentPort.
 */
import type { RelayMessage } from '../core/relay/protocol';
import { serveDefaultCore } from '../core/relay/serve';

const port = process.parentPort;
void serveDefaultCore({
  post: (m) => port.postMessage(m),
  listen: (handler) => port.on('message', (e) => handler(e.data as RelayMessage)),
}).then(() => process.exit(0));
