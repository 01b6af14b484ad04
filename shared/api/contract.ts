/**
 * THE API CONTRACT: every call between the UI and the core, listed once.
 *
 * Each area lists its calls in its own file (calls-*.ts); this file joins them and refuses a
 * name used twice. The Electron shell registers each name on ipcMain.handle, the preload exposes
 * them on window.focal, the browser harness serves them over HTTP POST /api/<name>, and the CLI
 * calls them in-process: all four go through the same dispatcher, which validates the input
 * against the schema here before any handler runs.
 */
import type { z } from 'zod';
import { analysisCalls } from './calls-analysis';
import { appCalls } from './calls-app';
import { codeCalls } from './calls-codes';
import { consentCalls } from './calls-consent';
import { exportCalls } from './calls-export';
import { quoteCalls } from './calls-quotes';
import { participantCalls } from './calls-participants';
import { speakerCalls } from './calls-speakers';
import { pseudonymCalls } from './calls-pseudonyms';
import { importCalls } from './calls-import';
import { memoCalls } from './calls-memos';
import { sourceCalls, sourceEditCalls } from './calls-sources';
import { tikangaCalls } from './calls-tikanga';
import { glossaryCalls } from './calls-glossary';
import { copyCalls } from './calls-copy';
import { kaitiakiCalls } from './calls-kaitiaki';
import { exchangeCalls } from './calls-exchange';
import { qdpxCalls } from './calls-qdpx';
import { mediaCalls } from './calls-media';
import { teamCalls } from './calls-team';
import type { CallSpec } from './define';

function join<T extends Record<string, CallSpec>[]>(...areas: T): UnionToIntersection<T[number]> {
  const all: Record<string, CallSpec> = {};
  for (const area of areas) {
    for (const [name, spec] of Object.entries(area)) {
      if (name in all) throw new Error(`API call "${name}" is defined twice`);
      all[name] = spec;
    }
  }
  return all as UnionToIntersection<T[number]>;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

export const contract = join(
  appCalls,
  sourceCalls,
  sourceEditCalls,
  importCalls,
  participantCalls,
  speakerCalls,
  codeCalls,
  memoCalls,
  tikangaCalls,
  glossaryCalls,
  analysisCalls,
  consentCalls,
  quoteCalls,
  exportCalls,
  pseudonymCalls,
  copyCalls,
  kaitiakiCalls,
  exchangeCalls,
  qdpxCalls,
  mediaCalls,
  teamCalls,
);

export type Contract = typeof contract;
export type CallName = keyof Contract & string;
/** What a caller passes (before defaults are applied). */
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
/** What a handler receives (after validation). */
export type ParsedInput<K extends CallName> = z.output<Contract[K]['input']>;
export type CallResult<K extends CallName> = Contract[K] extends CallSpec<z.ZodType, infer R> ? R : never;

export const callNames = Object.keys(contract) as CallName[];

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
