import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callNames } from '../../../shared/api/contract';
import { EventEmitter } from 'node:events';
import type { FocalEvents } from '../../../shared/api/events';
import type { FocalCore } from '../../../electron/core/app/focal-core';
import { forwardEvents, registerCalls } from '../../../electron/shell/ipc';
import { fake, FakeWebContents } from './fake-electron';

// Belt and braces: if the mock ever failed to apply, requiring the real module must not download.
vi.hoisted(() => void (process.env.ELECTRON_OVERRIDE_DIST_PATH = '/nonexistent-electron'));
vi.mock('electron', async () => (await import('./fake-electron')).electron);

const index = '/opt/Focal/resources/app.asar/dist/renderer/index.html';
const appUrl = pathToFileURL(index).href;
const isAppPage = (url: string) => url.split('#')[0] === appUrl;

function invokeEvent(sender: FakeWebContents, frame: { url: string; parent: unknown } | null) {
  return { sender, senderFrame: frame };
}

describe('registerCalls', () => {
  let unregister: () => void = () => {};
  afterEach(() => unregister());

  it('registers one focal:<name> handler per contract call and removes them again', () => {
    unregister = registerCalls({ coreFor: () => undefined, isAppPage });
    expect([...fake.handlers.keys()].sort()).toEqual(callNames.map((n) => `focal:${n}`).sort());
    unregister();
    expect(fake.handlers.size).toBe(0);
  });

  it('forwards a call from our own page to that window\'s core', async () => {
    const sender = new FakeWebContents();
    const call = vi.fn(async () => ({ ok: true as const, value: 'answer' }));
    const core = { call } as unknown as FocalCore;
    unregister = registerCalls({ coreFor: (wc) => (wc.id === sender.id ? core : undefined), isAppPage });
    const result = await fake.handlers.get('focal:project-info')!(invokeEvent(sender, { url: `${appUrl}#/codes`, parent: null }), { x: 1 });
    expect(result).toEqual({ ok: true, value: 'answer' });
    expect(call).toHaveBeenCalledWith('project-info', { x: 1 });
  });

  it.each([
    ['a remote page', { url: 'https://example.com/', parent: null }],
    ['another local file', { url: 'file:///tmp/evil.html', parent: null }],
    ['a subframe of our page', { url: appUrl, parent: {} }],
    ['a frame that has gone', null],
  ])('refuses %s without reaching the core', async (_label, frame) => {
    const call = vi.fn();
    unregister = registerCalls({ coreFor: () => ({ call }) as unknown as FocalCore, isAppPage });
    const errorSpy = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const result = await fake.handlers.get('focal:project-close')!(invokeEvent(new FakeWebContents(), frame), {});
    errorSpy.mockRestore();
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(call).not.toHaveBeenCalled();
  });
});

describe('forwardEvents', () => {
  // The core's event surface only (importing the real core would pull in every feature module).
  const emitter = new EventEmitter();
  const core = {
    on: (name: string, fn: (p: unknown) => void) => (emitter.on(name, fn), () => void emitter.off(name, fn)),
    emit: <E extends keyof FocalEvents>(name: E, payload: FocalEvents[E]) => emitter.emit(name, payload),
  };

  it('sends core events to the page as focal:event (name, payload) until stopped', () => {
    const contents = new FakeWebContents();
    const stop = forwardEvents(core as unknown as FocalCore, contents as never);
    core.emit('changed', { kinds: ['codes'] });
    core.emit('progress', { task: 'import', done: 1, total: 2, label: 'a.vtt' });
    expect(contents.sent).toEqual([
      ['focal:event', 'changed', { kinds: ['codes'] }],
      ['focal:event', 'progress', { task: 'import', done: 1, total: 2, label: 'a.vtt' }],
    ]);
    stop();
    core.emit('changed', { kinds: ['memos'] });
    expect(contents.sent).toHaveLength(2);
  });

  it('does not send to a page that has been destroyed', () => {
    const contents = new FakeWebContents();
    forwardEvents(core as unknown as FocalCore, contents as never);
    contents.destroyed = true;
    core.emit('changed', { kinds: ['codes'] });
    expect(contents.sent).toEqual([]);
  });
});
