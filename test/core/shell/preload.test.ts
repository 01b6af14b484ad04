/**
 * The preload, bundled exactly as electron/build/bundle.mjs bundles it and run in a bare VM
 * context whose `require` knows only a fake 'electron' — as in Electron's sandbox, where a
 * preload can require nothing else. Nothing here loads the real Electron.
 */
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { FocalBridge } from '../../../shared/api/bridge';
import { callNames } from '../../../shared/api/contract';

type Handler = (event: unknown, ...args: unknown[]) => void;

const exposed = new Map<string, unknown>();
const listeners = new Map<string, Set<Handler>>();
const ipcRenderer = {
  invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
  on: (channel: string, fn: Handler) => void listeners.set(channel, (listeners.get(channel) ?? new Set()).add(fn)),
  removeListener: (channel: string, fn: Handler) => void listeners.get(channel)?.delete(fn),
};
const electron = {
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer,
  webUtils: { getPathForFile: (file: { name: string }) => `/dropped/${file.name}` },
};
const required: string[] = [];
const emit = (channel: string, ...args: unknown[]) => listeners.get(channel)?.forEach((fn) => fn({ sender: 'secret' }, ...args));

let focal: FocalBridge;

beforeAll(async () => {
  const out = await build({
    entryPoints: ['electron/preload.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron'],
    write: false,
    logLevel: 'silent',
  });
  const module = { exports: {} };
  const require = (name: string) => {
    required.push(name);
    if (name !== 'electron') throw new Error(`a sandboxed preload cannot require "${name}"`);
    return electron;
  };
  runInNewContext(out.outputFiles[0]!.text, { require, module, exports: module.exports, console });
  focal = exposed.get('focal') as FocalBridge;
});

describe('the preload bridge', () => {
  it('requires nothing but electron and exposes only window.focal', () => {
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect([...exposed.keys()]).toEqual(['focal']);
    expect(Object.keys(focal).sort()).toEqual(['invoke', 'on', 'onMenu', 'pathForFile']);
  });

  it('sends every contract call on its own channel', async () => {
    for (const name of callNames) {
      await expect(focal.invoke(name, { a: 1 })).resolves.toEqual({ ok: true, value: { channel: `focal:${name}`, input: { a: 1 } } });
    }
  });

  it('answers names outside the contract itself, without sending anything', async () => {
    ipcRenderer.invoke.mockClear();
    for (const name of ['drop-all-tables', 'focal:event', '__proto__', 'toString', 42 as unknown as string]) {
      const env = await focal.invoke(name, {});
      expect(env).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    }
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('delivers only the named event, payload only, until unsubscribed', () => {
    const got: unknown[] = [];
    const off = focal.on('changed', (p) => got.push(p));
    emit('focal:event', 'progress', { done: 1 });
    emit('focal:event', 'changed', { kinds: ['codes'] });
    off();
    emit('focal:event', 'changed', { kinds: ['memos'] });
    expect(got).toEqual([{ kinds: ['codes'] }]);
    expect(() => focal.on('secrets' as never, () => {})).toThrow(/no event/);
  });

  it('delivers known menu commands only', () => {
    const got: unknown[] = [];
    const off = focal.onMenu((c) => got.push(c));
    emit('focal:menu', 'undo');
    emit('focal:menu', 'rm -rf');
    emit('focal:menu', { command: 'undo' });
    off();
    emit('focal:menu', 'redo');
    expect(got).toEqual(['undo']);
  });

  it('turns a dropped File into its path through webUtils', () => {
    expect(focal.pathForFile({ name: 'hui.vtt' } as File)).toBe('/dropped/hui.vtt');
  });
});
