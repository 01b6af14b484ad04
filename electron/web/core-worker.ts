/**
 * Entry point of a core worker thread in the browser harness (dist/web/core-worker.cjs): a writer
 * or reader FocalCore served over the thread's parent port (electron/core/relay).
 */
import { parentPort } from 'node:worker_threads';
import { serveDefaultCore } from '../core/relay/serve';
import type { RelayMessage } from '../core/relay/protocol';

const port = parentPort;
if (!port) throw new Error('core-worker.cjs runs as a worker thread of the Focal harness.');
void serveDefaultCore({
  post: (m) => port.postMessage(m),
  listen: (handler) => port.on('message', (m: RelayMessage) => handler(m)),
}).then(() => port.close());
