/**
 * The one entry point every transport uses (IPC, HTTP, CLI, tests): look the call up in the
 * contract, validate the input against its schema, run the handler, and wrap the outcome in an
 * Envelope. Nothing thrown inside escapes as a crash or a stack trace: unknown failures become
 * an 'internal' error with a one-line message, and the full error goes to the log.
 */
import { contract, isCallName, type CallName } from '../../../shared/api/contract';
import type { Envelope } from '../../../shared/api/errors';
import { FocalError } from '../errors';
import type { FocalCore } from '../app/focal-core';
import { allHandlers } from './handlers';
import type { Handler } from './handler-types';

export async function dispatch(core: FocalCore, name: string, rawInput: unknown): Promise<Envelope<unknown>> {
  if (!isCallName(name)) {
    return { ok: false, error: { code: 'unknown-call', message: `Focal has no API call named "${name}".` } };
  }
  const parsed = contract[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`);
    return { ok: false, error: { code: 'bad-input', message: `${name}: ${issues.join('; ')}`, issues } };
  }
  try {
    const handler = allHandlers[name] as Handler<CallName>;
    const value = await handler(parsed.data as never, core);
    return { ok: true, value: value ?? null };
  } catch (e) {
    if (e instanceof FocalError) return { ok: false, error: { code: e.code, message: e.message } };
    core.log('error', `call ${name} failed`, e);
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { ok: false, error: { code: 'internal', message: `${name} failed: ${message}` } };
  }
}
