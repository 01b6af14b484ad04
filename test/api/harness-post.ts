/** Calls over the harness's real HTTP transport, timed, for the worker and job tests. */
import type { Envelope } from '../../shared/api/errors';
import type { Harness } from '../../electron/web/harness-server';

export async function post(h: Harness, name: string, body: unknown = {}): Promise<Envelope<unknown>> {
  const res = await fetch(`${h.url}/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'x-focal-token': h.token },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Envelope<unknown>;
}

export async function value<T>(h: Harness, name: string, body: unknown = {}): Promise<T> {
  const env = await post(h, name, body);
  if (!env.ok) throw new Error(`${name}: ${env.error.code}: ${env.error.message}`);
  return env.value as T;
}

/** A call and when it was answered (ms since `t0`). */
export async function timed(h: Harness, name: string, body: unknown, t0: number): Promise<{ env: Envelope<unknown>; at: number; took: number }> {
  const start = performance.now();
  const env = await post(h, name, body);
  const end = performance.now();
  return { env, at: end - t0, took: end - start };
}
