/**
 * The UI side of the relay: stands where a FocalCore would (call / on), but only moves messages.
 * Calls go to the writer, or to the least busy reader for the heavy reads in routing.ts; job calls
 * go to every core; events from every core reach the same listeners; the cores' host-service
 * questions are answered here with the real host (native dialogs, the harness's folder).
 *
 * Readers are kept in step with the writer: every answer from the writer carries its session (the
 * open project, the coder's name, whether kaitiaki keys are unlocked); a change is sent to the
 * readers before any later call, and messages on a port arrive in order, so a reader always reads
 * the project the writer has open, and sees every write the writer answered before (WAL).
 */
import { EventEmitter } from 'node:events';
import type { Envelope } from '../../../shared/api/errors';
import type { EventName, FocalEvents } from '../../../shared/api/events';
import type { HostServices } from '../host';
import { type CoreInit, type CoreRole, type HostMethod, hostMethods, type RelayMessage, type RelayPort, type WriterSession } from './protocol';
import { routeOf } from './routing';

/** How long job calls wait for a busy reader's answer. */
const READER_JOB_ANSWER_MS = 100;

type Log = (level: 'info' | 'warn' | 'error', message: string, error?: unknown) => void;

export interface RelayOptions {
  writer: RelayPort;
  readers?: RelayPort[];
  /** Answers the cores' host-service questions. */
  host: HostServices;
  /** What every core is started with (role, platform and host methods are filled in here). */
  init: Omit<CoreInit, 'role' | 'platform' | 'hostMethods'>;
  log?: Log;
}

interface Link {
  role: CoreRole;
  port: RelayPort;
  ready: boolean;
  down: string | null;
  pending: Map<number, (e: Envelope<unknown>) => void>;
  /** Readers: the project they were last told to open. */
  syncedPath: string | null;
  onReady: Array<() => void>;
  onStopped: Array<() => void>;
}

export class CoreRelay {
  private readonly writer: Link;
  private readonly readers: Link[];
  private readonly events = new EventEmitter();
  private seq = 0;
  private current: WriterSession = { projectPath: null, actor: '', keysHeld: false };

  constructor(private readonly opts: RelayOptions) {
    this.events.setMaxListeners(0);
    this.writer = this.link('writer', opts.writer);
    this.readers = (opts.readers ?? []).map((p) => this.link('reader', p));
  }

  /** The writer's session as of its last answer. */
  get session(): WriterSession {
    return this.current;
  }

  /** Resolves once the writer can answer (readers join when they are ready; until then the writer reads too). */
  ready(): Promise<void> {
    return this.whenReady(this.writer);
  }

  /** Resolves once every core has started (for tests and benches that want the pool). */
  async allReady(): Promise<void> {
    await Promise.all([this.writer, ...this.readers].map((l) => this.whenReady(l)));
  }

  call(name: string, input: unknown): Promise<Envelope<unknown>> {
    const route = routeOf(name);
    if (route === 'jobs') return this.callEveryCore(name, input);
    return this.send(route === 'read' ? this.readerFor() : this.writer, name, input);
  }

  on<E extends EventName>(event: E, listener: (payload: FocalEvents[E]) => void): () => void {
    this.events.on(event, listener);
    return () => this.events.off(event, listener);
  }

  /** Sends an event to this side's listeners only (as if a core had sent it). */
  emit<E extends EventName>(event: E, payload: FocalEvents[E]): void {
    this.events.emit(event, payload);
  }

  /** The app state file changed on this side: every core re-reads it before its next call. */
  reloadState(): void {
    for (const l of this.links()) if (!l.down) l.port.post({ t: 'reload-state' });
  }

  /** Readers busy now (for tests and the bench). */
  readerLoad(): number[] {
    return this.readers.map((r) => r.pending.size);
  }

  /** Asks every core to close its project and stop; resolves when all have (or were already down). */
  async stop(): Promise<void> {
    await Promise.all(
      this.links().map(
        (l) =>
          new Promise<void>((resolve) => {
            if (l.down) return resolve();
            l.onStopped.push(resolve);
            l.port.post({ t: 'stop' });
          }),
      ),
    );
  }

  /** The transport under a core went away (worker exited, process crashed): its calls are answered with the reason. */
  coreDown(port: RelayPort, reason: string): void {
    const l = this.links().find((x) => x.port === port);
    if (!l || l.down) return;
    l.down = reason;
    for (const r of l.onStopped.splice(0)) r();
    for (const [id, done] of l.pending) {
      l.pending.delete(id);
      done(this.downEnvelope(l));
    }
    if (l.role === 'writer') this.opts.log?.('error', `the Focal core stopped: ${reason}`);
  }

  private links(): Link[] {
    return [this.writer, ...this.readers];
  }

  private link(role: CoreRole, port: RelayPort): Link {
    const l: Link = { role, port, ready: false, down: null, pending: new Map(), syncedPath: null, onReady: [], onStopped: [] };
    port.listen((m) => this.receive(l, m));
    const methods = hostMethods.filter((name) => typeof (this.opts.host as unknown as Record<string, unknown>)[name] === 'function');
    port.post({ t: 'init', init: { ...this.opts.init, role, platform: this.opts.host.platform, hostMethods: methods } });
    return l;
  }

  private whenReady(l: Link): Promise<void> {
    if (l.ready || l.down) return Promise.resolve();
    return new Promise((resolve) => l.onReady.push(resolve));
  }

  private receive(l: Link, m: RelayMessage): void {
    switch (m.t) {
      case 'ready':
        l.ready = true;
        if (l.role === 'reader') this.syncReader(l);
        for (const r of l.onReady.splice(0)) r();
        return;
      case 'result': {
        // The session first: a read sent once this answer is in must find the readers in step.
        if (m.session) this.updateSession(m.session);
        const done = l.pending.get(m.id);
        l.pending.delete(m.id);
        done?.(m.envelope);
        return;
      }
      case 'event':
        this.events.emit(m.name, m.payload);
        return;
      case 'host-call':
        void this.answerHost(l, m.id, m.method, m.args);
        return;
      case 'log':
        this.opts.log?.(m.level, m.message, m.error);
        return;
      case 'stopped':
        l.down = 'stopped';
        for (const r of l.onStopped.splice(0)) r();
        return;
      default:
        return;
    }
  }

  private updateSession(next: WriterSession): void {
    const before = this.current;
    this.current = next;
    for (const r of this.readers) {
      if (!r.ready || r.down) continue;
      if (next.actor !== before.actor) r.port.post({ t: 'reload-state' });
      this.syncReader(r);
    }
  }

  private syncReader(r: Link): void {
    if (r.syncedPath === this.current.projectPath) return;
    r.syncedPath = this.current.projectPath;
    r.port.post({ t: 'sync', projectPath: r.syncedPath });
  }

  /** The least busy ready reader in step with the writer, or the writer itself. */
  private readerFor(): Link {
    if (this.current.keysHeld || this.current.projectPath === null) return this.writer;
    let best: Link | null = null;
    for (const r of this.readers) {
      if (!r.ready || r.down || r.syncedPath !== this.current.projectPath) continue;
      if (!best || r.pending.size < best.pending.size) best = r;
    }
    return best ?? this.writer;
  }

  private send(l: Link, name: string, input: unknown): Promise<Envelope<unknown>> {
    if (l.down) return Promise.resolve(this.downEnvelope(l, name));
    const id = ++this.seq;
    return new Promise((resolve) => {
      l.pending.set(id, resolve);
      l.port.post({ t: 'call', id, name, input });
    });
  }

  /**
   * job-cancel and jobs-list: a job may be running on any core. The writer always answers at once
   * (its jobs tick); a reader busy with a read that does not tick cannot answer until it ends, so
   * its answer is waited for only briefly (a cancel still reaches it: the message waits in its port).
   */
  private async callEveryCore(name: string, input: unknown): Promise<Envelope<unknown>> {
    const readers = this.readers.filter((l) => l.ready && !l.down);
    const brief = (p: Promise<Envelope<unknown>>) =>
      Promise.race([p, new Promise<null>((resolve) => setTimeout(() => resolve(null), READER_JOB_ANSWER_MS).unref?.())]);
    const answers = (await Promise.all([this.send(this.writer, name, input), ...readers.map((r) => brief(this.send(r, name, input)))])).filter((a): a is Envelope<unknown> => a !== null);
    const ok = answers.filter((a): a is Extract<Envelope<unknown>, { ok: true }> => a.ok);
    if (ok.length === 0) return answers[0]!;
    if (name === 'job-cancel') return { ok: true, value: { cancelled: ok.some((a) => (a.value as { cancelled: boolean }).cancelled) } };
    return { ok: true, value: ok.flatMap((a) => a.value as unknown[]) };
  }

  private async answerHost(l: Link, id: number, method: HostMethod, args: unknown[]): Promise<void> {
    try {
      const fn = (this.opts.host as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[method];
      if (typeof fn !== 'function') throw new Error(`this host cannot ${method}`);
      const value = await fn.apply(this.opts.host, args);
      if (!l.down) l.port.post({ t: 'host-result', id, ok: true, value: value ?? null });
    } catch (e) {
      if (!l.down) l.port.post({ t: 'host-result', id, ok: false, message: e instanceof Error ? e.message : String(e) });
    }
  }

  private downEnvelope(l: Link, name?: string): Envelope<unknown> {
    return { ok: false, error: { code: 'internal', message: `${name ? `${name}: ` : ''}the Focal core ${l.role === 'writer' ? '' : 'reader '}stopped (${l.down}); restart Focal.` } };
  }
}
