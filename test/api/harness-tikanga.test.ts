/** Over real HTTP (what the renderer gets): restricted words never cross to a view outside the kaupapa Māori frame; kaitiaki refusals arrive as plain data. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/api/errors';
import { startHarness, type Harness } from '../../electron/web/harness-server';
import { tempDir } from '../support/temp';

let h: Harness;
const fixture = (name: string) => join(process.cwd(), 'test/fixtures', name);

async function post(name: string, body: unknown): Promise<{ env: Envelope<unknown>; text: string }> {
  const res = await fetch(`${h.url}/api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-focal-token': h.token }, body: JSON.stringify(body) });
  const text = await res.text();
  return { env: JSON.parse(text) as Envelope<unknown>, text };
}
async function value<T>(name: string, body: unknown = {}): Promise<T> {
  const { env } = await post(name, body);
  if (!env.ok) throw new Error(`${name}: ${env.error.message}`);
  return env.value as T;
}

beforeAll(async () => {
  const dir = tempDir('focal-harness-');
  h = await startHarness({ workDir: join(dir, 'projects'), staticDir: join(dir, 'static'), logger: () => {} });
  h.core.state.setPrefs({ userName: 'Waiata Henare' });
});
afterAll(() => h?.close());

describe('tikanga over HTTP', () => {
  it('withholds a restricted passage from every response a mainstream view reads, and refuses labels to a non-kaitiaki', async () => {
    await value('project-new', { name: 'Hui' });
    await value('participants-import-csv', { fileName: 'participants.csv', csv: readFileSync(fixture('participants.csv'), 'utf8') });
    // In browser mode a file is imported as the bytes the page sends (a drop or an upload).
    const [hui] = await value<{ sourceId: number }[]>('import-files', { files: [{ name: 'hui.txt', dataBase64: readFileSync(fixture('hui-tupu-group-interview.txt')).toString('base64') }] });
    const people = await value<{ id: number; name: string }[]>('participants-list');
    const ropu = people.find((p) => p.name === 'Te Whare Oranga rōpū')!.id;
    const koro = people.find((p) => p.name === 'Koro Hemi')!.id;
    await value('source-update', { sourceId: hui!.sourceId, groupId: ropu });
    await value('participant-update', { id: ropu, kaitiakiId: koro });
    const full = await value<{ text: string }>('source-get', { sourceId: hui!.sourceId });
    const secret = 'Hone Parata';
    const at = full.text.indexOf(secret);

    const refused = await post('sensitivity-set', { sourceId: hui!.sourceId, start: at, end: at + secret.length, label: 'restricted' });
    expect(refused.env).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/^Only Koro Hemi, kaitiaki of 'Te Whare Oranga rōpū'/) } });

    // Typing the kaitiaki's name gives nothing; the kaitiaki's key does (the harness keeps the key file in its keys/ folder).
    h.core.state.setPrefs({ userName: 'Koro Hemi' });
    expect((await post('sensitivity-set', { sourceId: hui!.sourceId, start: at, end: at + secret.length, label: 'restricted' })).env).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await post('kaitiaki-key-create', { groupId: ropu, passphrase: 'kia mau ki te kawa', keyFile: '/tmp/anywhere.focalkey' })).env).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    const made = await value<{ keyFile: string; fingerprint: string; unlocked: boolean }>('kaitiaki-key-create', { groupId: ropu, passphrase: 'kia mau ki te kawa' });
    expect(made).toMatchObject({ unlocked: true, fingerprint: expect.stringMatching(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/), keyFile: expect.stringMatching(/keys\/te-whare-oranga-rōpū-kaitiaki-key\.focalkey$/) });
    expect(readFileSync(made.keyFile, 'utf8')).not.toContain('kia mau');
    await value('sensitivity-set', { sourceId: hui!.sourceId, start: at, end: at + secret.length, label: 'restricted' });
    const frame = await value<{ id: number }>('frame-create', { name: 'Codes (mainstream 2)', kind: 'mainstream' });
    const code = await value<{ id: number }>('code-create', { frameId: frame.id, name: 'Tuakana' });
    // The kaitiaki (key unlocked) opens the hui to this mainstream frame: it is kept apart until then.
    await value('source-frames-set', { sourceId: hui!.sourceId, frameIds: [frame.id] });
    const turnStart = full.text.lastIndexOf('\n\n', at) + 2;
    await value('coding-apply', { codeId: code.id, sourceId: hui!.sourceId, start: turnStart, end: at - 2 });
    await value('kaitiaki-key-lock', { groupId: ropu });
    h.core.state.setPrefs({ userName: 'Waiata Henare' });

    for (const [name, body] of [
      ['source-get', { sourceId: hui!.sourceId }],
      ['source-get', { sourceId: hui!.sourceId, frameId: frame.id }],
      ['segments-list', { codeId: code.id }],
    ] as const) {
      const { env, text } = await post(name, body);
      expect(env.ok, `${name}: ${text.slice(0, 200)}`).toBe(true);
      expect(text, name).not.toContain('Parata');
    }
  });
});
