/**
 * The core's side of the relay: a FocalCore (writer or reader) answering calls that arrive on a
 * port, sending its push events and log lines back, and asking the UI side for the host services
 * it cannot give itself (dialogs, clipboard). Runs in a worker thread (browser harness) or a
 * utilityProcess (Electron); never imports electron.
 *
 * The writer answers calls as they come, exactly as the in-process core does (a long job ticks, so
 * a `job-cancel` arriving meanwhile is answered between its units). A reader answers its calls one
 * after another and applies a project switch (`sync`) only between calls, so a read never sees
 * its connection closed under it.
 */
import { dispatch } from '../api/dispatch';
import { FocalCore } from '../app/focal-core';
import type { HostServices } from '../host';
import { hasUnlockedKeys } from '../kaitiaki/authority';
import { ProjectSession } from '../project/project-session';
import { eventNames } from '../../../shared/api/events';
import type { Envelope } from '../../../shared/api/errors';
import type { CoreInit, HostMethod, RelayMessage, RelayPort, WriterSession } from './protocol';
import { routeOf } from './routing';

/** HostServices whose every question is asked of the UI side over the port. */
export function relayedHost(port: RelayPort, init: Pick<CoreInit, 'platform' | 'hostMethods'>): { host: HostServices; answer(m: Extract<RelayMessage, { t: 'host-result' }>): void } {
  let seq = 0;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  const ask = (method: HostMethod) => (...args: unknown[]) =>
    new Promise<unknown>((resolve, reject) => {
      const id = ++seq;
      waiting.set(id, { resolve, reject });
      port.post({ t: 'host-call', id, method, args });
    });
  const host: Record<string, unknown> = { platform: init.platform };
  for (const method of init.hostMethods) host[method] = ask(method);
  return {
    host: host as unknown as HostServices,
    answer(m) {
      const w = waiting.get(m.id);
      if (!w) return;
      waiting.delete(m.id);
      if (m.ok) w.resolve(m.value);
      else w.reject(new Error(m.message));
    },
  };
}

function sessionOf(core: FocalCore): WriterSession {
  return { projectPath: core.project?.path ?? null, actor: core.actor, keysHeld: hasUnlockedKeys(core) };
}

/**
 * Serve a core on `port`. The first message must be `init`; the core is built then and `ready`
 * is sent. Returns a promise that settles once `stop` has closed the core.
 */
export function serveCore(port: RelayPort, build: (init: CoreInit, host: HostServices) => FocalCore = defaultCore): Promise<void> {
  return new Promise<void>((resolveStopped) => {
    let core: FocalCore | null = null;
    let role: CoreInit['role'] = 'writer';
    let hostRelay: ReturnType<typeof relayedHost> | null = null;
    // Readers: calls and project switches in order, one at a time.
    let queue: Promise<unknown> = Promise.resolve();
    const inOrder = <T>(work: () => Promise<T> | T): Promise<T> => {
      const next = queue.then(work, work);
      queue = next.catch(() => undefined);
      return next;
    };

    const answer = (id: number, envelope: Envelope<unknown>) => {
      port.post(role === 'writer' && core ? { t: 'result', id, envelope, session: sessionOf(core) } : { t: 'result', id, envelope });
    };

    const sync = (projectPath: string | null) => {
      if (!core) return;
      if ((core.project?.path ?? null) === projectPath) return;
      core.project?.close();
      core.project = null;
      if (projectPath) {
        try {
          core.project = ProjectSession.openReadOnly(projectPath, core.openOptions);
        } catch (e) {
          // The writer has it open, so this is unexpected; reads then fail with "no project" and the relay sends them to the writer.
          core.log('error', `reader could not open ${projectPath}`, e);
        }
      }
    };

    port.listen((m) => {
      switch (m.t) {
        case 'init': {
          role = m.init.role;
          hostRelay = relayedHost(port, m.init);
          core = build(m.init, hostRelay.host);
          const c = core;
          for (const name of eventNames) c.on(name, (payload) => port.post({ t: 'event', name, payload }));
          port.post({ t: 'ready' });
          return;
        }
        case 'call': {
          const c = core;
          if (!c) return answer(m.id, { ok: false, error: { code: 'internal', message: `${m.name}: the Focal core has not started.` } });
          if (role === 'writer') void c.call(m.name, m.input).then((env) => answer(m.id, env));
          else if (routeOf(m.name) === 'jobs') void dispatch(c, m.name, m.input).then((env) => answer(m.id, env));
          // A reader never checkpoints or keeps an idle timer: dispatch directly.
          else void inOrder(() => dispatch(c, m.name, m.input)).then((env) => answer(m.id, env));
          return;
        }
        case 'host-result':
          hostRelay?.answer(m);
          return;
        case 'sync':
          void inOrder(() => sync(m.projectPath));
          return;
        case 'reload-state':
          core?.state.reload();
          return;
        case 'stop':
          // A job still running stops at its next tick, before it touches the closed connection.
          for (const job of core?.jobs.list() ?? []) core?.jobs.cancel(job.id);
          void inOrder(() => {
            core?.dispose();
            core = null;
            port.post({ t: 'stopped' });
            resolveStopped();
          });
          return;
        default:
          return;
      }
    });
  });
}

/** A core whose log lines go to the UI side (which prints them, or hands them to the harness's logger). */
export function defaultCore(init: CoreInit, host: HostServices, port?: RelayPort): FocalCore {
  return new FocalCore({
    dataDir: init.dataDir,
    host,
    ...(init.version ? { version: init.version } : {}),
    ...(init.nativeBinding ? { nativeBinding: init.nativeBinding } : {}),
    ...(port ? { logger: (level, message, error) => port.post({ t: 'log', level, message, ...(error !== undefined ? { error: describe(error) } : {}) }) } : {}),
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** serveCore with the default core, logging over the port. */
export function serveDefaultCore(port: RelayPort): Promise<void> {
  return serveCore(port, (init, host) => defaultCore(init, host, port));
}
