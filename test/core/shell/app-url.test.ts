/**
 * The renderer is served from Focal's own privileged scheme (app://focal/…) instead of file://.
 * The handler's path checks are pure and tested here: only files inside the built renderer, only
 * known types, no way out by `..`, encoded separators, backslashes or NUL; only our page is trusted.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_URL, isAppPageUrl, resolveAppRequest } from '../../../electron/shell/app-url';

const root = '/opt/Focal/resources/app.asar/dist/renderer';

describe('resolveAppRequest', () => {
  it('serves files inside the renderer folder with their type and the page for /', () => {
    expect(resolveAppRequest('app://focal/', root)).toEqual({ ok: true, path: join(root, 'index.html'), mime: 'text/html; charset=utf-8' });
    expect(resolveAppRequest('app://focal/index.html?x=1#/codes', root)).toMatchObject({ ok: true, path: join(root, 'index.html') });
    expect(resolveAppRequest('app://focal/assets/index-abc123.js', root)).toEqual({ ok: true, path: join(root, 'assets/index-abc123.js'), mime: 'text/javascript; charset=utf-8' });
    expect(resolveAppRequest('app://focal/assets/Noto%20Sans.woff2', root)).toMatchObject({ ok: true, path: join(root, 'assets/Noto Sans.woff2'), mime: 'font/woff2' });
  });

  it('refuses every way out of the folder, other hosts and unknown types', () => {
    // Dot segments are resolved by the URL parser itself (WHATWG), so they can only ever land inside the folder.
    for (const url of ['app://focal/../../../etc/passwd.js', 'app://focal/assets/%2e%2e/%2e%2e/secret.js', 'app://focal/a/./../../b.js']) {
      const r = resolveAppRequest(url, root);
      if (r.ok) expect(r.path.startsWith(`${root}/`), url).toBe(true);
    }
    const refused: Array<[string, number]> = [
      ['app://focal/../../../etc/passwd', 404],
      ['app://focal/assets%2F..%2F..%2Fsecret.js', 404],
      ['app://focal/assets%5C..%5Csecret.js', 404],
      ['app://focal/assets\\..\\secret.js', 404],
      ['app://focal/index.html%00.js', 404],
      ['app://focal//etc/passwd.js', 404],
      ['app://other/index.html', 403],
      ['file:///opt/Focal/resources/app.asar/dist/renderer/index.html', 403],
      ['app://focal/data.focal', 404],
      ['app://focal/preload.cjs', 404],
      ['not a url', 400],
    ];
    for (const [url, status] of refused) expect(resolveAppRequest(url, root), url).toEqual({ ok: false, status });
  });
});

describe('isAppPageUrl', () => {
  it('trusts only our page on our origin', () => {
    expect(isAppPageUrl(APP_URL)).toBe(true);
    expect(isAppPageUrl(`${APP_URL}#/codes?x=1`)).toBe(true);
    expect(isAppPageUrl('app://focal/')).toBe(true);
    for (const url of ['app://focal/other.html', 'app://evil/index.html', 'file:///opt/Focal/resources/app.asar/dist/renderer/index.html', 'https://focal/index.html', 'about:blank', '', 'x']) {
      expect(isAppPageUrl(url), url).toBe(false);
    }
    expect(isAppPageUrl(undefined)).toBe(false);
  });
});
