/** The browser harness over real HTTP: the token, input validation, projects, and its defences. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/api/errors';
import type { ProjectInfo, RecentProject } from '../../shared/domain/project';
import { CONTENT_SECURITY_POLICY } from '../../electron/web/csp';
import { startHarness, type Harness } from '../../electron/web/harness-server';
import { tempDir } from '../support/temp';
import { nextEvent, rawRequest } from './harness-client';

let h: Harness;
let workDir: string;

beforeAll(async () => {
  const dir = tempDir('focal-harness-');
  workDir = join(dir, 'projects');
  const staticDir = join(dir, 'static');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>stub</title>');
  writeFileSync(join(staticDir, 'app.js'), 'console.log(1)');
  h = await startHarness({ workDir, staticDir, logger: () => {} });
});
afterAll(() => h?.close());

async function post(name: string, body: unknown, token: string | null = h.token): Promise<{ status: number; env: Envelope<unknown>; text: string }> {
  const res = await fetch(`${h.url}/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token === null ? {} : { 'x-focal-token': token }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, env: JSON.parse(text) as Envelope<unknown>, text };
}

async function value<T>(name: string, body: unknown = {}): Promise<T> {
  const { env } = await post(name, body);
  if (!env.ok) throw new Error(`${name}: ${env.error.message}`);
  return env.value as T;
}

describe('access', () => {
  it('binds to 127.0.0.1 with a 32-byte hex token', () => {
    expect(h.url).toBe(`http://127.0.0.1:${h.port}`);
    expect(h.token).toMatch(/^[0-9a-f]{64}$/);
    expect(h.appUrl).toBe(`${h.url}/#token=${h.token}`);
  });

  it('refuses a call without a token or with a wrong one (401 envelope)', async () => {
    for (const token of [null, 'nope', h.token.replace(/.$/, (c) => (c === '0' ? '1' : '0'))]) {
      const { status, env } = await post('app-info', {}, token);
      expect(status).toBe(401);
      expect(env.ok).toBe(false);
    }
  });

  it('refuses the event stream without the token', async () => {
    const res = await rawRequest(h.port, { path: '/api/events?token=wrong' });
    expect(res.status).toBe(401);
  });

  it('refuses requests for another Host name (DNS rebinding)', async () => {
    const api = await rawRequest(h.port, { method: 'POST', path: '/api/app-info', headers: { Host: 'evil.example', 'x-focal-token': h.token }, body: '{}' });
    expect(api.status).toBe(403);
    const page = await rawRequest(h.port, { path: '/', headers: { Host: `evil.example:${h.port}` } });
    expect(page.status).toBe(403);
    const ok = await rawRequest(h.port, { path: '/', headers: { Host: `localhost:${h.port}` } });
    expect(ok.status).toBe(200);
  });

  it('refuses calls from another website (Origin) and calls made with GET', async () => {
    const foreign = await rawRequest(h.port, { method: 'POST', path: '/api/app-info', headers: { Origin: 'https://evil.example', 'x-focal-token': h.token }, body: '{}' });
    expect(foreign.status).toBe(403);
    const get = await rawRequest(h.port, { path: '/api/app-info', headers: { 'x-focal-token': h.token } });
    expect(get.status).toBe(405);
  });
});

describe('input', () => {
  it('answers an unknown call with unknown-call', async () => {
    const { env } = await post('no-such-call', {});
    expect(env).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
  });

  it.each([{ name: '' }, { name: 5 }, {}])('refuses project-new %j with bad-input naming the field, no stack', async (input) => {
    const { env, text } = await post('project-new', input);
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.code).toBe('bad-input');
    expect(env.error.message).toMatch(/\bname\b/);
    expect(text).not.toMatch(/\bat .*\.(ts|js):\d+|stack/i);
  });

  it('refuses a body that is not JSON with 400 bad-input', async () => {
    const { status, env } = await post('project-new', '{"name": ');
    expect(status).toBe(400);
    expect(env).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });

  it('refuses a body over 64 MB with 413 before reading it', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: h.port, method: 'POST', path: '/api/app-info', headers: { 'x-focal-token': h.token, 'Content-Length': String(65 * 1024 * 1024) } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.write('{"padding":"');
    });
    expect(status).toBe(413);
  });
});

describe('projects', () => {
  let created: ProjectInfo;

  it('creates a project in the working folder from its name', async () => {
    created = (await value<ProjectInfo>('project-new', { name: 'Hui study' }))!;
    expect(created.path).toBe(join(workDir, 'hui-study.focal'));
    expect(existsSync(created.path)).toBe(true);
    const info = await value<ProjectInfo>('project-info');
    expect(info.name).toBe('Hui study');
    expect(info.schemaVersion).toBeGreaterThanOrEqual(1);
    expect(info.counts).toEqual({ sources: 0, participants: 0, codes: 0, codings: 0, memos: 0 });
  });

  it('never overwrites: a second project with the same name gets -2, and macrons are kept', async () => {
    expect((await value<ProjectInfo>('project-new', { name: 'Hui study' })).path).toBe(join(workDir, 'hui-study-2.focal'));
    expect((await value<ProjectInfo>('project-new', { name: 'Hui ā-rohe / Tāmaki' })).path).toBe(join(workDir, 'hui-ā-rohe-tāmaki.focal'));
  });

  it('closes and reopens a project by path', async () => {
    await value('project-close');
    expect(await value('project-info')).toBeNull();
    const reopened = await value<ProjectInfo>('project-open', { path: created.path });
    expect(reopened.name).toBe('Hui study');
    expect(reopened.path).toBe(created.path);
  });

  it('lists the project in recent projects', async () => {
    const recent = await value<RecentProject[]>('app-recent-projects');
    expect(recent[0]).toMatchObject({ path: created.path, name: 'Hui study', exists: true });
  });

  it('has no file dialog in the browser: open without a path answers null', async () => {
    expect(await value('project-open', {})).toBeNull();
    expect((await value<{ platform: string }>('app-info')).platform).toBe('web');
  });

  it('pushes core events over Server-Sent Events', async () => {
    const event = await nextEvent(h.port, h.token, 'changed', () => void post('project-close', {}));
    expect(event).toEqual({ kinds: ['project'] });
  });

  it('keeps app state in <workDir>/.focal-app', () => {
    expect(existsSync(join(workDir, '.focal-app', 'focal-app.json'))).toBe(true);
  });
});

describe('static files', () => {
  it('serves index.html at / with the strict CSP and a content type', async () => {
    const res = await rawRequest(h.port, { path: '/' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect((await rawRequest(h.port, { path: '/app.js' })).headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('uses the same CSP as the renderer’s index.html meta tag', () => {
    const html = readFileSync(join(process.cwd(), 'renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each(['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/a/..\\..\\etc', '/%00'])('refuses path traversal %s', async (path) => {
    const res = await rawRequest(h.port, { path });
    expect([400, 404]).toContain(res.status);
    expect(res.body).not.toContain('root:');
  });

  it('answers 404 for a missing file and 405 for a POST', async () => {
    expect((await rawRequest(h.port, { path: '/missing.js' })).status).toBe(404);
    expect((await rawRequest(h.port, { method: 'POST', path: '/index.html' })).status).toBe(405);
  });
});
