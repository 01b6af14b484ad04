/**
 * GET /api/events: the core's push events as Server-Sent Events (`event: <name>` + `data: <json>`).
 * EventSource cannot send headers, so the token comes in the query string instead.
 */
import type { ServerResponse } from 'node:http';
import { eventNames } from '../../shared/api/events';
import type { EventName, FocalEvents } from '../../shared/api/events';
import { SECURITY_HEADERS } from './csp';

// Proxies and idle timers drop silent connections; a comment line every so often keeps it open.
const KEEPALIVE_MS = 20_000;

export class EventStreams {
  private readonly open = new Set<ServerResponse>();

  constructor(private readonly core: { on<E extends EventName>(event: E, listener: (payload: FocalEvents[E]) => void): () => void }) {}

  attach(res: ServerResponse): void {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    // retry: how long the browser waits before reconnecting after the harness restarts.
    res.write('retry: 2000\n\n');
    const unsubscribe = eventNames.map((name) =>
      this.core.on(name, (payload) => {
        res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
      }),
    );
    const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
    keepalive.unref();
    this.open.add(res);
    res.on('close', () => {
      clearInterval(keepalive);
      for (const off of unsubscribe) off();
      this.open.delete(res);
    });
  }

  closeAll(): void {
    for (const res of this.open) res.end();
    this.open.clear();
  }
}
