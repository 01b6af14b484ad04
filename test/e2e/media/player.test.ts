/**
 * The recording beside a transcript, in the real app: a spoken WAV (espeak-ng + sox) and its VTT
 * are made on the machine, the recording is linked in the player, a turn's timestamp plays from
 * there, and the turn being spoken is highlighted and moves on as the audio's currentTime passes
 * the next turn's start.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreApi, createProjectInPage, launchApp, openApp, type E2EApp } from '../support/app';
import { codeRow, selectText, waitForCount } from '../coding/coding-page';
import { dropFiles, textFile } from '../import/drop';
import { openSource, VIEW } from '../transcript/view-page';
import { makeSpokenSession, type MadeSession } from './make-media';

let app: E2EApp;
let made: MadeSession;
let sourceId = 0;
let blockIds: number[] = [];

const TURNS = [
  { speaker: 'Mere', text: 'Kia ora everyone, thank you for coming along today.' },
  { speaker: 'Tama', text: 'The peer support group helped me get back to work.' },
  { speaker: 'Ana', text: 'For me it was the weekly phone calls that mattered most.' },
];

beforeAll(async () => {
  app = await launchApp({ userName: 'Aroha Ngata', viewport: { width: 1280, height: 860 } });
  const mediaDir = join(app.workDir, 'recordings');
  mkdirSync(mediaDir, { recursive: true });
  made = makeSpokenSession(mediaDir, TURNS, 'peer-support-hui');
  await openApp(app);
  await createProjectInPage(app, 'Recordings study');
  const api = coreApi(app);
  const [r] = await api['import-files']({ files: [{ name: 'peer-support-hui.vtt', path: made.vtt }] });
  sourceId = r!.sourceId!;
  const s = await api['source-get']({ sourceId });
  blockIds = s.blocks.filter((b) => b.kind === 'turn').map((b) => b.id);
  expect(blockIds).toHaveLength(3);
}, 120_000);
afterAll(() => app?.close());

const page = () => app.page;
const audioTime = () => page().evaluate('document.querySelector("[data-testid=player] audio")?.currentTime ?? -1') as Promise<number>;

describe('the player', () => {
  it('offers to link a recording, and links the WAV by its path', async () => {
    await openSource(page(), /peer/i);
    await page().getByRole('button', { name: 'Link recording…' }).click();
    await page().getByLabel('Recording file').fill(made.wav);
    await page().getByRole('button', { name: 'Link', exact: true }).click();
    await page().getByRole('button', { name: 'Play', exact: true }).waitFor();
    expect(await page().locator('[data-testid=player] audio').count()).toBe(1);
    expect(await page().locator(`${VIEW} .tv-time`).count()).toBe(3);
    await app.screenshot('media-player-linked');
  });

  it('clicking a turn’s timestamp plays from there and highlights that turn', async () => {
    await page().locator(`${VIEW} [data-block-id="${blockIds[1]}"] .tv-time`).click();
    await page().locator('[data-testid=player][data-state=playing]').waitFor({ timeout: 10_000 });
    const t = await audioTime();
    expect(t * 1000).toBeGreaterThanOrEqual(made.startsMs[1]! - 50);
    expect(t * 1000).toBeLessThan(made.startsMs[2]!);
    await page().locator(`${VIEW} [data-block-id="${blockIds[1]}"].tv-playing`).waitFor({ timeout: 5000 });
    expect(await page().locator(`${VIEW} .tv-playing`).count()).toBe(1);
    await app.screenshot('media-player-playing');
  });

  it('the highlight moves to the next turn once the audio passes its start', async () => {
    await page().locator(`${VIEW} [data-block-id="${blockIds[2]}"].tv-playing`).waitFor({ timeout: 15_000 });
    expect((await audioTime()) * 1000).toBeGreaterThanOrEqual(made.startsMs[2]!);
    expect(await page().locator(`${VIEW} [data-block-id="${blockIds[1]}"].tv-playing`).count()).toBe(0);
  });

  it('Ctrl+Space pauses, and Ctrl+← steps back 5 seconds', async () => {
    await page().keyboard.press('Control+Space');
    await page().locator('[data-testid=player][data-state=paused]').waitFor({ timeout: 5000 });
    const before = await audioTime();
    await page().keyboard.press('Control+ArrowLeft');
    await expect.poll(audioTime).toBeCloseTo(Math.max(0, before - 5), 0);
  });

  it('codes a passage while it plays, and plays from the coded segment in the retrieval list', async () => {
    await page().keyboard.press('Control+Space');
    await page().locator('[data-testid=player][data-state=playing]').waitFor({ timeout: 5000 });
    expect(await selectText(page(), 'weekly phone calls')).not.toBeNull();
    await page().getByRole('button', { name: 'Code…', exact: true }).first().click();
    await page().getByRole('combobox', { name: 'Code name' }).fill('Phone support');
    await page().getByRole('combobox', { name: 'Code name' }).press('Enter');
    await waitForCount(page(), 'Phone support', 1);
    await page().keyboard.press('Control+Space');
    await page().locator('[data-testid=player][data-state=paused]').waitFor({ timeout: 5000 });
    await page().evaluate('window.getSelection().removeAllRanges()');
    await codeRow(page(), 'Phone support').click();
    const list = page().getByRole('list', { name: 'Segments coded Phone support' });
    await list.getByRole('button', { name: /^Play from 00:0\d$/ }).click();
    await page().locator('[data-testid=player][data-state=playing]').waitFor({ timeout: 10_000 });
    const t = (await audioTime()) * 1000;
    // From the coded words inside Ana's turn: after her turn starts, before it ends.
    expect(t).toBeGreaterThan(made.startsMs[2]!);
    await page().locator(`${VIEW} [data-block-id="${blockIds[2]}"].tv-playing`).waitFor({ timeout: 5000 });
    await app.screenshot('media-play-from-retrieval');
    await page().keyboard.press('Control+Space');
  });

  it('a search hit in the timed transcript plays from its words', async () => {
    await page().keyboard.press('Control+f');
    await page().getByRole('searchbox', { name: 'Search transcripts' }).fill('support group');
    const results = page().getByTestId('search-results');
    await results.locator('mark', { hasText: /support/i }).first().waitFor();
    await results.getByRole('button', { name: /^Play from 00:0\d$/ }).first().click();
    await page().locator('[data-testid=player][data-state=playing]').waitFor({ timeout: 10_000 });
    const t = (await audioTime()) * 1000;
    expect(t).toBeGreaterThan(made.startsMs[1]!);
    expect(t).toBeLessThan(made.startsMs[2]!);
    await page().locator(`${VIEW} [data-block-id="${blockIds[1]}"].tv-playing`).waitFor({ timeout: 5000 });
    await app.screenshot('media-play-from-search');
    await page().keyboard.press('Control+Space');
  });

  it('a recording dropped with its transcript is not imported; in a tab it says to link it from the player', async () => {
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Rua>Another session entirely, recorded too.\n';
    await dropFiles(page(), page().getByRole('main'), [textFile('second-session.vtt', vtt), { name: 'second-session.wav', base64: Buffer.from('RIFF0000WAVE').toString('base64') }]);
    const dialog = page().getByRole('dialog', { name: 'Import transcripts' });
    await dialog.getByRole('button', { name: /^Import 2 files$/ }).click();
    const results = page().getByRole('dialog', { name: 'Import results' });
    await results.getByText('1 imported · 1 failed').waitFor();
    const wavLine = results.getByRole('listitem').filter({ hasText: 'second-session.wav' });
    expect(await wavLine.innerText()).toMatch(/in a browser tab Focal cannot see where this file is; use Link recording… above “second-session”/i);
    await app.screenshot('media-drop-with-transcript');
    await page().keyboard.press('Escape');
  });

  it('syncs an untimed transcript while listening: Ctrl+M at each turn, times shown, Ctrl+Z takes the last back', async () => {
    const api = coreApi(app);
    const txt = join(app.workDir, 'recordings', 'untimed-notes.txt');
    writeFileSync(txt, TURNS.map((t) => `${t.speaker}: ${t.text}`).join('\n\n') + '\n');
    const [r] = await api['import-files']({ files: [{ name: 'untimed-notes.txt', path: txt }] });
    const untimed = await api['source-get']({ sourceId: r!.sourceId! });
    const ids = untimed.blocks.filter((b) => b.kind === 'turn').map((b) => b.id);
    expect(ids).toHaveLength(3);
    await api['media-link']({ sourceId: untimed.id, path: made.wav });
    await openSource(page(), /untimed/i);
    await page().getByRole('button', { name: 'Play', exact: true }).waitFor();
    expect(await page().locator(`${VIEW} .tv-time`).count()).toBe(0);
    await page().getByText('This transcript has no times yet').waitFor();
    await page().getByLabel('Sync turns').check();
    await page().getByRole('button', { name: 'Play', exact: true }).click();
    await page().locator('[data-testid=player][data-state=playing]').waitFor();
    for (let k = 0; k < 3; k++) {
      await page().keyboard.press('Control+m');
      await expect.poll(() => page().locator(`${VIEW} [data-block-id="${ids[k]}"] .tv-time`).count(), { timeout: 5000 }).toBe(1);
      await page().waitForTimeout(700);
    }
    await page().keyboard.press('Control+Space');
    const synced = (await api['media-get']({ sourceId: untimed.id })).syncPoints;
    expect(synced.map((p) => p.blockId)).toEqual(ids);
    expect([...synced.map((p) => p.ms)].sort((a, b) => a - b)).toEqual(synced.map((p) => p.ms));
    await app.screenshot('media-synced');
    await page().keyboard.press('Control+z');
    await expect.poll(() => page().locator(`${VIEW} [data-block-id="${ids[2]}"] .tv-time`).count(), { timeout: 5000 }).toBe(0);
    expect((await api['media-get']({ sourceId: untimed.id })).syncPoints).toHaveLength(2);
  });

  it('ran without console errors or CSP violations', () => {
    expect(app.problems).toEqual([]);
  });
});
