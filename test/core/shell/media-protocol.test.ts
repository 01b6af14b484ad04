/** The focal-media:// handler (shell/media-protocol.ts) against a real core, with a stand-in session: ranges, the stream key, no paths. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Session } from 'electron';
import { mediaState } from '../../../electron/core/media/media-files';
import { coreMediaSource } from '../../../electron/core/media/serve';
import { MEDIA_SCHEME_PRIVILEGES, serveMedia } from '../../../electron/shell/media-protocol';
import { mediaUrl } from '../../../electron/shell/media-url';
import { testCore } from '../../support/core';

describe('focal-media:// (protocol.handle)', () => {
  const { api, core, dir } = testCore();
  const other = testCore();
  let handler: (r: Request) => Promise<Response>;
  let sourceId = 0;
  const bytes = Buffer.from(Array.from({ length: 4000 }, (_, i) => i % 256));

  beforeAll(async () => {
    await api['project-new']({ name: 'Protocol', path: join(dir, 'p.focal') });
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ana>Kia ora.\n';
    const [r] = await api['import-files']({ files: [{ name: 'a.vtt', dataBase64: Buffer.from(vtt).toString('base64') }] });
    sourceId = r!.sourceId!;
    writeFileSync(join(dir, 'a.webm'), bytes);
    await api['media-link']({ sourceId, path: join(dir, 'a.webm') });
    const session = { protocol: { handle: (scheme: string, fn: typeof handler) => (expect(scheme).toBe('focal-media'), (handler = fn)) } } as unknown as Session;
    serveMedia(session, () => [coreMediaSource(other.core), coreMediaSource(core)]);
  });

  it('is registered as a standard, secure, streaming scheme', () => {
    expect(MEDIA_SCHEME_PRIVILEGES).toEqual({ scheme: 'focal-media', privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true } });
  });

  it('serves a byte range of the linked file from the core its stream key names', async () => {
    const res = await handler(new Request(mediaUrl(mediaState(core).key, sourceId), { headers: { Range: 'bytes=10-19' } }));
    expect(res.status).toBe(206);
    expect(res.headers.get('content-type')).toBe('video/webm');
    expect(res.headers.get('content-range')).toBe(`bytes 10-19/${bytes.length}`);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes.subarray(10, 20))).toBe(true);
    const whole = await handler(new Request(mediaUrl(mediaState(core).key, sourceId)));
    expect(whole.status).toBe(200);
    expect((await whole.arrayBuffer()).byteLength).toBe(bytes.length);
  });

  it('refuses another core’s key, an unknown transcript, a path in the URL and other methods', async () => {
    expect((await handler(new Request(mediaUrl(mediaState(other.core).key, sourceId)))).status).toBe(404);
    expect((await handler(new Request(mediaUrl('0'.repeat(32), sourceId)))).status).toBe(404);
    expect((await handler(new Request(mediaUrl(mediaState(core).key, 999)))).status).toBe(404);
    expect((await handler(new Request(`focal-media://${mediaState(core).key}/${encodeURIComponent(join(dir, 'a.webm'))}`))).status).toBe(404);
    expect((await handler(new Request(mediaUrl(mediaState(core).key, sourceId), { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
