/**
 * The relay protocol (electron/core/relay) without Electron or worker threads' Worker: cores served
 * on one end of worker_threads MessageChannels, the relay on the other, all in this thread.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { headlessHost, type HostServices } from '../../../electron/core/host';
import type { RelayMessage, RelayPort } from '../../../electron/core/relay/protocol';
import { CoreRelay } from '../../../electron/core/relay/relay-client';
import { serveCore, defaultCore } from '../../../electron/core/relay/serve';
import type { Envelope } from '../../../shared/api/errors';
import { tempDir } from '../../support/temp';

const fixture = (f: string) => join(process.cwd(), 'test/fixtures', f);

interface Wire {
  /** The relay's end. */
  near: RelayPort;
  /** Every call name that reached this core. */
  calls: string[];
  close(): void;
}

function portOf(port: MessagePort, seen?: (m: RelayMessage) => void): RelayPort {
  return {
    post: (m) => port.postMessage(m),
    listen: (h) =>
      port.on('message', (m: RelayMessage) => {
        seen?.(m);
        h(m);
      }),
  };
}

/** A real core served on one end of a MessageChannel. */
function servedCore(): Wire {
  const { port1, port2 } = new MessageChannel();
  const calls: string[] = [];
  const far = portOf(port2, (m) => {
    if (m.t === 'call') calls.push(m.name);
  });
  void serveCore(far, (init, host) => defaultCore(init, host, far));
  return { near: portOf(port1), calls, close: () => (port1.close(), port2.close()) };
}

const opened: Array<{ relay: CoreRelay; wires: Wire[] }> = [];
afterEach(async () => {
  for (const o of opened.splice(0)) {
    await o.relay.stop();
    o.wires.forEach((w) => w.close());
  }
});

function relayWith(readers: number, host: HostServices = headlessHost('web')) {
  const dir = tempDir();
  const writer = servedCore();
  const pool = Array.from({ length: readers }, servedCore);
  const logs: string[] = [];
  const relay = new CoreRelay({ writer: writer.near, readers: pool.map((r) => r.near), host, init: { dataDir: join(dir, 'app') }, log: (_l, m) => logs.push(m) });
  opened.push({ relay, wires: [writer, ...pool] });
  return { relay, writer, pool, dir, logs };
}

const value = <T>(e: Envelope<unknown>): T => {
  if (!e.ok) throw new Error(`${e.error.code}: ${e.error.message}`);
  return e.value as T;
};

describe('the core relay', () => {
  it('answers calls through the writer, with validation errors and unknown calls as envelopes', async () => {
    const { relay, writer } = relayWith(0);
    await relay.ready();
    expect(value<{ platform: string }>(await relay.call('app-info', {})).platform).toBe('web');
    expect(await relay.call('no-such-call', {})).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    expect(await relay.call('project-open', { path: 42 })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(writer.calls).toEqual(['app-info', 'no-such-call', 'project-open']);
  });

  it("relays the cores' host questions back to the real host, and its answers (or failures) to the core", async () => {
    const dir = tempDir();
    const clip: string[] = [];
    const host: HostServices = {
      ...headlessHost('web'),
      chooseNewProjectPath: async (name) => join(dir, `${name}.focal`),
      writeClipboard: async (text) => void clip.push(text),
      chooseExportPath: async () => {
        throw new Error('the dialog broke');
      },
    };
    const { relay } = relayWith(0, host);
    const info = value<{ path: string }>(await relay.call('project-new', { name: 'Relayed' }));
    expect(info.path).toBe(join(dir, 'Relayed.focal'));
    expect(relay.session.projectPath).toBe(info.path);
    // A host call that throws comes back as that call's error, not a hang.
    const failed = await relay.call('project-backup', {});
    expect(failed).toMatchObject({ ok: false });
    expect(JSON.stringify(failed)).toContain('the dialog broke');
  });

  it("sends every core's events to the listeners; emit() reaches them too", async () => {
    const { relay, dir } = relayWith(1);
    const changed: unknown[] = [];
    relay.on('changed', (p) => changed.push(p));
    await relay.call('project-new', { name: 'Events', path: join(dir, 'e.focal') });
    relay.emit('changed', { kinds: ['codes'] });
    expect(changed).toContainEqual({ kinds: ['project'] });
    expect(changed).toContainEqual({ kinds: ['codes'] });
  });

  it('sends heavy reads to a reader once it has the project open, sees every write answered before, and follows a project switch', async () => {
    const { relay, writer, pool, dir } = relayWith(2);
    await relay.allReady();
    // No project yet: reads stay on the writer (it gives the "no project" answer).
    expect(await relay.call('search-run', { query: 'x' })).toMatchObject({ ok: false, error: { code: 'no-project' } });
    expect(writer.calls).toContain('search-run');
    await relay.call('project-new', { name: 'A', path: join(dir, 'a.focal') });
    value(await relay.call('import-files', { files: [{ name: 'a.vtt', path: fixture('focus-group-lived-experience.vtt') }] }));
    // The write was answered: the reader's next read sees it.
    const hits = value<{ total: number }>(await relay.call('search-run', { query: 'hope' }));
    expect(hits.total).toBeGreaterThan(0);
    expect(pool.flatMap((r) => r.calls)).toContain('search-run');
    expect(writer.calls.filter((c) => c === 'search-run')).toHaveLength(1);
    // Light calls stay on the writer.
    await relay.call('codes-list', {});
    expect(pool.flatMap((r) => r.calls)).not.toContain('codes-list');
    // Switch projects: the readers read the new one at once.
    await relay.call('project-new', { name: 'B', path: join(dir, 'b.focal') });
    expect(value<{ total: number }>(await relay.call('search-run', { query: 'hope' })).total).toBe(0);
    await relay.call('project-open', { path: join(dir, 'a.focal') });
    expect(value<{ total: number }>(await relay.call('search-run', { query: 'hope' })).total).toBe(hits.total);
    // Closed: reads go back to the writer, which says there is no project.
    await relay.call('project-close', {});
    expect(await relay.call('search-run', { query: 'hope' })).toMatchObject({ ok: false, error: { code: 'no-project' } });
  });

  it('spreads concurrent reads over the pool', async () => {
    const { relay, pool, dir } = relayWith(2);
    await relay.allReady();
    await relay.call('project-new', { name: 'Pool', path: join(dir, 'p.focal') });
    await relay.call('import-files', { files: [{ name: 'a.vtt', path: fixture('focus-group-lived-experience.vtt') }] });
    const all = await Promise.all(Array.from({ length: 6 }, () => relay.call('project-check', {})));
    expect(all.every((a) => a.ok)).toBe(true);
    expect(pool.map((r) => r.calls.filter((c) => c === 'project-check').length)).toEqual([3, 3]);
  });

  it('asks every core about jobs and joins the answers', async () => {
    const { relay, writer, pool } = relayWith(1);
    await relay.allReady();
    expect(value(await relay.call('jobs-list', {}))).toEqual([]);
    expect(value(await relay.call('job-cancel', { jobId: 'import-x-1' }))).toEqual({ cancelled: false });
    expect(writer.calls).toEqual(['jobs-list', 'job-cancel']);
    expect(pool[0]!.calls).toEqual(['jobs-list', 'job-cancel']);
  });

  it('stopping the cores stops a running import at its next file, and answers it', async () => {
    const { relay, dir } = relayWith(0);
    await relay.call('project-new', { name: 'Stop', path: join(dir, 's.focal') });
    const files = Array.from({ length: 40 }, (_, i) => ({ name: `f${i}.vtt`, path: fixture('focus-group-lived-experience.vtt') }));
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    relay.on('progress', (p) => p.done === 1 && started());
    const importing = relay.call('import-files', { files, onDuplicate: 'import' });
    await running;
    await relay.stop();
    expect(await importing).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });

  it('re-reads the app state file in every core when told, and keeps readers on the coder name the writer has', async () => {
    const { relay, dir } = relayWith(1);
    await relay.allReady();
    const { AppState } = await import('../../../electron/core/app/app-state');
    new AppState(join(dir, 'app')).setPrefs({ userName: 'Mere Tawhiri' });
    relay.reloadState();
    expect(value<{ prefs: { userName: string } }>(await relay.call('app-info', {})).prefs.userName).toBe('Mere Tawhiri');
    expect(relay.session.actor).toBe('Mere Tawhiri');
  });
});

describe('relay routing with a fake writer', () => {
  /** A writer that answers every call with the session given, and a reader that answers everything. */
  function fakes(session: { projectPath: string | null; actor: string; keysHeld: boolean }) {
    const got: Record<'writer' | 'reader', string[]> = { writer: [], reader: [] };
    const make = (who: 'writer' | 'reader'): RelayPort => {
      let handler: (m: RelayMessage) => void = () => {};
      const reply = (m: RelayMessage) => queueMicrotask(() => handler(m));
      return {
        post: (m) => {
          if (m.t === 'init') reply({ t: 'ready' });
          if (m.t === 'call') {
            got[who].push(m.name);
            reply({ t: 'result', id: m.id, envelope: { ok: true, value: who }, ...(who === 'writer' ? { session } : {}) });
          }
          if (m.t === 'sync') got[who].push(`sync ${m.projectPath}`);
          if (m.t === 'stop') reply({ t: 'stopped' });
        },
        listen: (h) => (handler = h),
      };
    };
    const writer = make('writer');
    const reader = make('reader');
    const relay = new CoreRelay({ writer, readers: [reader], host: headlessHost('web'), init: { dataDir: '/nowhere' } });
    return { relay, got, writer, reader };
  }

  it('keeps reads on the writer while it holds unlocked kaitiaki keys (masking depends on them)', async () => {
    const { relay, got } = fakes({ projectPath: '/p.focal', actor: 'Koro Hemi', keysHeld: true });
    await relay.allReady();
    await relay.call('project-info', {});
    expect(await relay.call('search-run', { query: 'x' })).toEqual({ ok: true, value: 'writer' });
    expect(got.reader).toEqual(['sync /p.focal']);
  });

  it('answers the calls of a core that goes down with an error naming it, and later ones at once', async () => {
    const { relay, writer } = fakes({ projectPath: null, actor: 'A', keysHeld: false });
    await relay.ready();
    relay.coreDown(writer, 'exit code 1');
    expect(await relay.call('codes-list', {})).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('exit code 1') } });
  });
});
