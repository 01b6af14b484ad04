import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { CSP, hardenAllWebContents, hardenSession } from '../../../electron/shell/security';
import { electron, fake, FakeWebContents } from './fake-electron';

vi.hoisted(() => void (process.env.ELECTRON_OVERRIDE_DIST_PATH = '/nonexistent-electron'));
vi.mock('electron', async () => (await import('./fake-electron')).electron);

const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

describe('the Content Security Policy', () => {
  const csp = directives(CSP);

  it('allows nothing by default and runs only our own scripts, never eval', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(CSP).not.toContain('unsafe-eval');
    expect(CSP).not.toMatch(/https?:|\*/);
    for (const d of ['object-src', 'base-uri', 'form-action', 'frame-ancestors']) expect(csp.get(d), d).toEqual(["'none'"]);
  });

  it('is the same policy the renderer (<meta>) and the browser harness use', async () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CSP);
    if (existsSync('electron/web/csp.ts')) {
      const web = (await import('../../../electron/web/csp')) as { CONTENT_SECURITY_POLICY: string };
      expect(web.CONTENT_SECURITY_POLICY).toBe(CSP);
    }
  });
});

describe('hardenSession', () => {
  const session = {
    headers: undefined as ((d: unknown, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void) | undefined,
    request: undefined as ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined,
    check: undefined as (() => boolean) | undefined,
    device: undefined as (() => boolean) | undefined,
    webRequest: { onHeadersReceived: (fn: never) => void (session.headers = fn) },
    setPermissionRequestHandler: (fn: never) => void (session.request = fn),
    setPermissionCheckHandler: (fn: never) => void (session.check = fn),
    setDevicePermissionHandler: (fn: never) => void (session.device = fn),
  };
  hardenSession(session as never);

  it('adds the CSP header to every response', () => {
    let headers: Record<string, string[]> = {};
    session.headers!({ responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => (headers = r.responseHeaders));
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CSP] });
  });

  it('refuses every permission', () => {
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read']) {
      session.request!({}, permission, (ok) => expect(ok, permission).toBe(false));
    }
    expect(session.check!()).toBe(false);
    expect(session.device!()).toBe(false);
  });
});

describe('hardenAllWebContents', () => {
  const appUrl = 'file:///app/dist/renderer/index.html';
  hardenAllWebContents((url) => url === appUrl);
  const contents = new FakeWebContents();
  fake.app.fire('web-contents-created', {}, contents);
  const attempt = (event: string, url?: string) => {
    // Electron 45 passes the URL on the event (the positional url argument is deprecated).
    const e = { url, preventDefault: vi.fn() };
    contents.fire(event, e);
    return e.preventDefault.mock.calls.length > 0;
  };

  it('blocks navigation and redirects away from our page', () => {
    expect(attempt('will-navigate', 'https://example.com/')).toBe(true);
    expect(attempt('will-navigate', 'file:///home/me/transcript.docx')).toBe(true);
    expect(attempt('will-redirect', 'https://example.com/')).toBe(true);
    expect(attempt('will-navigate', appUrl)).toBe(false);
  });

  it('never attaches a <webview>', () => {
    expect(attempt('will-attach-webview')).toBe(true);
  });

  it('denies every new window, sending only web links to the browser', () => {
    for (const url of ['https://example.com/help', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share']) {
      expect(contents.windowOpenHandler!({ url }), url).toEqual({ action: 'deny' });
    }
    expect(electron.shell.openExternal.mock.calls).toEqual([['https://example.com/help']]);
  });
});
