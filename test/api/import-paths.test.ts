/**
 * browser-import-reads-only-chosen-files: over HTTP, import-files takes a file by path only inside
 * the harness's folder; /etc/passwd, a path that climbs out with `..`, or a link inside the folder
 * pointing out of it are refused before anything is read. Dropped or uploaded bytes still work.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/api/errors';
import { startHarness, type Harness } from '../../electron/web/harness-server';
import { tempDir } from '../support/temp';

let h: Harness;
let workDir = '';
let outsideDir = '';

beforeAll(async () => {
  const dir = tempDir('focal-import-paths-');
  workDir = join(dir, 'projects');
  outsideDir = join(dir, 'elsewhere');
  mkdirSync(outsideDir, { recursive: true });
  const staticDir = join(dir, 'static');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>stub</title>');
  h = await startHarness({ workDir, staticDir, logger: () => {} });
  await post('project-new', { name: 'Paths', path: join(workDir, 'p.focal') });
});
afterAll(() => h?.close());

async function post(name: string, body: unknown): Promise<{ status: number; env: Envelope<unknown> }> {
  const res = await fetch(`${h.url}/api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-focal-token': h.token }, body: JSON.stringify(body) });
  return { status: res.status, env: (await res.json()) as Envelope<unknown> };
}

describe('import-files over HTTP', () => {
  it('refuses paths outside the harness folder, naming the file and what to do', async () => {
    const secret = join(outsideDir, 'secret.txt');
    writeFileSync(secret, 'Ana: my NHI is ZAB1234.\n');
    symlinkSync(secret, join(workDir, 'link.txt'));
    for (const path of ['/etc/passwd', secret, join(workDir, '..', 'elsewhere', 'secret.txt'), join(workDir, 'link.txt'), join(workDir, 'missing.txt')]) {
      const r = await post('import-files', { files: [{ name: 'x.txt', path }] });
      expect(r.status, path).toBe(403);
      expect(r.env.ok).toBe(false);
      if (!r.env.ok) expect(r.env.error.message).toMatch(/drop or upload/);
    }
    const sources = await post('sources-list', {});
    expect(sources.env.ok && (sources.env.value as unknown[]).length).toBe(0);
  });

  it('imports a file inside the folder, and dropped bytes', async () => {
    const inside = join(workDir, 'talk.txt');
    writeFileSync(inside, 'Ana: Peer support gave me hope.\n');
    const r = await post('import-files', { files: [{ name: 'talk.txt', path: inside }] });
    expect(r.status).toBe(200);
    const dropped = await post('import-files', { files: [{ name: 'dropped.txt', dataBase64: Buffer.from('Ben: The waiting list was hard.\n').toString('base64') }] });
    expect(dropped.status).toBe(200);
    expect(readFileSync(inside, 'utf8')).toContain('hope');
    const sources = await post('sources-list', {});
    expect(sources.env.ok && (sources.env.value as unknown[]).length).toBe(2);
  });
});

describe("coders' copies over HTTP", () => {
  it('merges only copies inside the harness folder, and saves a copy only where the harness puts it', async () => {
    const outside = join(outsideDir, 'copy.focal');
    writeFileSync(outside, 'not even a project');
    for (const path of [outside, join(workDir, '..', 'elsewhere', 'copy.focal'), '/etc/passwd']) {
      const r = await post('team-merge', { files: [path], dryRun: true });
      expect(r.status, path).toBe(403);
      if (!r.env.ok) expect(r.env.error.message).toMatch(/merges only copies in its folder/);
    }
    const named = await post('team-copy-save', { coder: 'Aroha', path: join(outsideDir, 'aroha.focal') });
    expect(named.status).toBe(403);
    const saved = await post('team-copy-save', { coder: 'Aroha' });
    expect(saved.status).toBe(200);
    const path = saved.env.ok ? (saved.env.value as { path: string }).path : '';
    expect(path.startsWith(join(workDir, 'exports'))).toBe(true);
    const merged = await post('team-merge', { files: [path], dryRun: true });
    expect(merged.status).toBe(200);
    expect(merged.env.ok).toBe(true);
  });
});
