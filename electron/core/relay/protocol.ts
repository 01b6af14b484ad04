/**
 * The message protocol between the thread or process that hosts the UI's transport (the browser
 * harness's HTTP server, the Electron main process) and the cores that answer contract calls (one
 * writer, a small pool of readers), whatever carries the messages: a worker_threads MessagePort in
 * the browser harness, a utilityProcess's port in Electron, a MessageChannel in the tests.
 *
 * Everything in a message is plain structured-clone data: call inputs and Envelopes (JSON already),
 * event payloads, HostServices arguments and answers.
 */
import type { Envelope } from '../../../shared/api/errors';
import type { HostServices } from '../host';

/** The one thing the protocol needs of a transport: send a message, hear messages. */
export interface RelayPort {
  post(message: RelayMessage): void;
  listen(handler: (message: RelayMessage) => void): void;
}

export type CoreRole = 'writer' | 'reader';

/** What a core needs to start (sent once, first). */
export interface CoreInit {
  role: CoreRole;
  dataDir: string;
  version?: string;
  nativeBinding?: string;
  /** The host's platform and which of its optional services it offers (the rest stay undefined). */
  platform: HostServices['platform'];
  hostMethods: HostMethod[];
}

/** The HostServices methods a core may ask the UI side to answer (dialogs, clipboard). */
export const hostMethods = ['chooseNewProjectPath', 'chooseProjectToOpen', 'chooseImportFiles', 'chooseExportPath', 'writeClipboard', 'chooseKeyFile', 'chooseDataFile'] as const;
export type HostMethod = (typeof hostMethods)[number];

/**
 * What the writer reports with every answer, so the relay can keep its readers in step: the open
 * project (readers open the same file read-only), the coder's name (masking depends on it) and
 * whether this session holds unlocked kaitiaki keys (then reads stay on the writer, which holds them).
 */
export interface WriterSession {
  projectPath: string | null;
  actor: string;
  keysHeld: boolean;
}

export type RelayMessage =
  // UI side → core
  | { t: 'init'; init: CoreInit }
  | { t: 'call'; id: number; name: string; input: unknown }
  | { t: 'host-result'; id: number; ok: true; value: unknown }
  | { t: 'host-result'; id: number; ok: false; message: string }
  /** Readers: open this project read-only (null: close it); reload the app state file. */
  | { t: 'sync'; projectPath: string | null }
  | { t: 'reload-state' }
  | { t: 'stop' }
  // core → UI side
  | { t: 'ready' }
  | { t: 'result'; id: number; envelope: Envelope<unknown>; session?: WriterSession }
  | { t: 'event'; name: string; payload: unknown }
  | { t: 'host-call'; id: number; method: HostMethod; args: unknown[] }
  | { t: 'log'; level: 'info' | 'warn' | 'error'; message: string; error?: string }
  | { t: 'stopped' };
