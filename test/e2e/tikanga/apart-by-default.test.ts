/**
 * apart-by-default: a tikanga-based hui is open only to kaupapa Māori frames: the Frames control
 * says so, and a mainstream code is refused with the reason.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, launchApp, openApp, type E2EApp, createProjectInPage, coreApi } from '../support/app';

let app: E2EApp;
let huiId = 0;
let codeId = 0;

beforeAll(async () => {
  app = await launchApp({ userName: 'Aroha Ngata', viewport: { width: 1440, height: 900 } });
  await openApp(app);
  await createProjectInPage(app, 'Apart by default');
  const api = coreApi(app);
  await api['participants-import-csv']({ fileName: 'participants.csv', csv: readFileSync(join(ROOT, 'test/fixtures/participants.csv'), 'utf8') });
  const res = await api['import-files']({ files: ['hui-tupu-group-interview.txt', 'focus-group-lived-experience.vtt'].map((name) => ({ name, path: join(ROOT, 'test/fixtures', name) })) });
  huiId = res.find((r) => r.fileName.startsWith('hui'))!.sourceId!;
  const frameId = (await api['frames-list']({}))[0]!.id;
  codeId = (await api['code-create']({ frameId, name: 'Peer roles' })).id;
}, 60_000);
afterAll(() => app?.close());

describe('tikanga-based kōrero kept apart by default', () => {
  it('refuses a mainstream code on the hui, saying why and who can open it', async () => {
    const hui = await coreApi(app)['source-get']({ sourceId: huiId });
    const turn = hui.blocks.find((b) => b.kind === 'turn')!;
    await expect(coreApi(app)['coding-apply']({ codeId, sourceId: huiId, start: turn.start, end: turn.end })).rejects.toThrow(/open only to kaupapa Māori frames/);
  });

  it('the Frames control of the hui says it is open to kaupapa Māori frames only', async () => {
    const { page } = app;
    await page.getByRole('button', { name: /Group interview, Kaupapa Māori peer service/ }).first().click();
    await page.getByTestId('transcript-view').waitFor();
    await page.getByRole('button', { name: 'Tikanga', exact: true }).click();
    await page.getByText('Open to kaupapa Māori frames only — the kaitiaki can open it to other frames').waitFor();
    await app.screenshot('apart-frames-control');
    expect(app.problems).toEqual([]);
  });

});
