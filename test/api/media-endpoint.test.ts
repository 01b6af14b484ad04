/** The harness's media endpoint: token required, ranges served, only the linked file of the open project, checked by hash. */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/api/errors';
import { startHarness, type Harness } from '../../electron/web/harness-server';
import { tempDir } from '../support/temp';
import { rawRequest } from './harness-client';

let h: Harness;
let workDir: string;
let sourceId = 0;
let otherId = 0;
const bytes = Buffer.alloc(10_000);
for (let i = 0; i < bytes.length; i++) bytes[i] = i % 251;

async function call<T>(name: string, body: unknown): Promise<T> {
  const res = await fetch(`${h.url}/api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-focal-token': h.token }, body: JSON.stringify(body) });
  const env = (await res.json()) as Envelope<T>;
  if (!env.ok) throw new Error(env.error.message);
  return env.value;
}

const media = (id: number, init: RequestInit = {}, token: string | null = h.token, extra = '') => fetch(`${h.url}/api/media/${id}${token === null ? '' : `?token=${token}`}${extra}`, init);

beforeAll(async () => {
  const dir = tempDir('focal-media-');
  workDir = join(dir, 'projects');
  const staticDir = join(dir, 'static');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>stub</title>');
  h = await startHarness({ workDir, staticDir, logger: () => {} });
  await call('project-new', { name: 'Media', path: join(workDir, 'media.focal') });
  const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ana>Kia ora koutou.\n\n00:00:05.000 --> 00:00:09.000\n<v Ben>Thanks for having us.\n';
  const res = await call<Array<{ sourceId: number }>>('import-files', { files: [{ name: 'a.vtt', dataBase64: Buffer.from(vtt).toString('base64') }, { name: 'b.vtt', dataBase64: Buffer.from(vtt.replace('Kia ora', 'Hello')).toString('base64') }] });
  sourceId = res[0]!.sourceId;
  otherId = res[1]!.sourceId;
  writeFileSync(join(workDir, 'a.wav'), bytes);
  await call('media-link', { sourceId, path: join(workDir, 'a.wav') });
});
afterAll(() => h?.close());

describe('GET /api/media/<sourceId>', () => {
  it('refuses without the token or with a wrong one', async () => {
    expect((await media(sourceId, {}, null)).status).toBe(401);
    expect((await media(sourceId, {}, 'f'.repeat(64))).status).toBe(401);
  });

  it('serves the whole file, with ranges advertised and the security headers', async () => {
    const res = await media(sourceId);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/wav');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('serves byte ranges (start-end, open-ended, suffix) as 206, and 416 past the end', async () => {
    const r1 = await media(sourceId, { headers: { Range: 'bytes=100-199' } });
    expect(r1.status).toBe(206);
    expect(r1.headers.get('content-range')).toBe(`bytes 100-199/${bytes.length}`);
    expect(Buffer.from(await r1.arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true);
    const r2 = await media(sourceId, { headers: { Range: 'bytes=9990-' } });
    expect(r2.status).toBe(206);
    expect(Buffer.from(await r2.arrayBuffer()).equals(bytes.subarray(9990))).toBe(true);
    const r3 = await media(sourceId, { headers: { Range: 'bytes=-5' } });
    expect(Buffer.from(await r3.arrayBuffer()).equals(bytes.subarray(bytes.length - 5))).toBe(true);
    const r4 = await media(sourceId, { headers: { Range: 'bytes=20000-' } });
    expect(r4.status).toBe(416);
    expect(r4.headers.get('content-range')).toBe(`bytes */${bytes.length}`);
  });

  it('refuses a transcript with no recording, an unknown one, and any address that is not an id (no path is ever taken from the request)', async () => {
    expect((await media(otherId)).status).toBe(404);
    expect((await media(99_999)).status).toBe(404);
    for (const path of ['/api/media/..%2F..%2Fetc%2Fpasswd', '/api/media/1/../../a.wav', `/api/media/${encodeURIComponent(join(workDir, 'a.wav'))}`, '/api/media/0', '/api/media/1x']) {
      const res = await rawRequest(h.port, { path: `${path}?token=${h.token}` });
      expect(res.status, path).toBe(404);
    }
    expect((await media(sourceId, {}, h.token, '&frameId=abc')).status).toBe(400);
    expect((await media(sourceId, { method: 'POST' })).status).toBe(405);
  });

  it('refuses a file whose content is no longer the linked recording (409), and serves it again once it is back', async () => {
    renameSync(join(workDir, 'a.wav'), join(workDir, 'a.keep'));
    const swapped = Buffer.from(bytes);
    swapped[0] = 255;
    writeFileSync(join(workDir, 'a.wav'), swapped);
    const res = await media(sourceId);
    expect(res.status).toBe(409);
    expect(((await res.json()) as Envelope<unknown>).ok).toBe(false);
    renameSync(join(workDir, 'a.keep'), join(workDir, 'a.wav'));
    expect((await media(sourceId)).status).toBe(200);
  });
});

describe('media-link over HTTP', () => {
  it('links only recordings inside the harness folder', async () => {
    const outside = join(tempDir('focal-outside-'), 'elsewhere.wav');
    writeFileSync(outside, bytes);
    const res = await fetch(`${h.url}/api/media-link`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-focal-token': h.token }, body: JSON.stringify({ sourceId: otherId, path: outside }) });
    expect(res.status).toBe(403);
    expect(((await res.json()) as Envelope<unknown>).ok).toBe(false);
    expect((await media(otherId)).status).toBe(404);
  });
});
