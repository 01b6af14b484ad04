/**
 * The player (issue 17), in the real app over the browser harness: a 2-hour recording (a tone made
 * with sox at test time, 8 kHz 8-bit WAV) linked to a 2,000-turn VTT transcript.
 *  - click a turn's timestamp → the audio element's `playing` event (median of 7 clicks, each a different turn);
 *  - follow mode while playing at 2× from several places: frame intervals (rAF) for 6 s, with the
 *    turn highlight moving and the view following.
 * Needs `npm run build` first, and sox.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { SourceDetail } from '../../shared/domain/project';
import { startHarness } from '../../electron/web/harness-server';
import { VIEW, openSource } from '../e2e/transcript/view-page';
import { fmt, stats, type Bench, type BenchRow } from './bench-kit';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = process.env.FOCAL_CHROMIUM ?? '/usr/bin/chromium';
const TURNS = 2000;
const SECONDS = 7200;
const CLICKS = 7;

function vtt(): string {
  const per = SECONDS / TURNS;
  const stamp = (s: number) => new Date(Math.round(s * 1000)).toISOString().slice(11, 23);
  const words = 'we talked about the group and what it meant for each of us over the months'.split(' ');
  const cues: string[] = [];
  for (let i = 0; i < TURNS; i++) {
    const text = Array.from({ length: 12 + (i % 20) }, (_, k) => words[(i + k) % words.length]).join(' ');
    cues.push(`${stamp(i * per)} --> ${stamp((i + 1) * per - 0.2)}\n<v Speaker ${(i % 6) + 1}>${text}.`);
  }
  return `WEBVTT\n\n${cues.join('\n\n')}\n`;
}

const ARM_PLAYING = `window.__played = new Promise((resolve) => {
  let clicked = 0;
  document.addEventListener('click', () => { clicked = performance.now(); }, { capture: true, once: true });
  const audio = document.querySelector('[data-testid=player] audio');
  let seeked = 0;
  audio.addEventListener('seeked', () => { seeked = performance.now() - clicked; }, { once: true });
  audio.addEventListener('playing', () => resolve({ playing: performance.now() - clicked, seeked }), { once: true });
});
0`;

const FRAMES = (ms: number) => `(async () => {
  const frames = [];
  let last = performance.now();
  const end = last + ${ms};
  const seen = new Set();
  while (performance.now() < end) {
    await new Promise((r) => requestAnimationFrame(r));
    const now = performance.now();
    frames.push(now - last);
    last = now;
    const p = document.querySelector('${VIEW} .tv-playing');
    if (p) seen.add(p.getAttribute('data-block-id'));
  }
  return { frames, turns: seen.size };
})()`;

export const mediaBench: Bench = {
  name: 'media',
  async run(dir) {
    const staticDir = process.env.FOCAL_RENDERER_DIR ?? join(ROOT, 'dist', 'renderer');
    if (!existsSync(join(staticDir, 'index.html'))) throw new Error(`${staticDir}/index.html is missing: run npm run build first`);
    const workDir = join(dir, 'projects');
    mkdirSync(workDir, { recursive: true });
    const wav = join(workDir, 'two-hours.wav');
    execFileSync('sox', ['-n', '-r', '8000', '-c', '1', '-b', '8', wav, 'synth', String(SECONDS), 'sine', '300', 'vol', '0.1']);
    const harness = await startHarness({ workDir, staticDir, logger: () => {} });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
    });
    try {
      const call = async <T>(name: string, input: unknown): Promise<T> => {
        const r = await harness.core.call(name, input);
        if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
        return r.value as T;
      };
      await call('project-new', { name: 'Media bench', path: join(workDir, 'media-bench.focal') });
      const file = join(workDir, 'two-hours.vtt');
      writeFileSync(file, vtt());
      const [imported] = await call<Array<{ sourceId: number }>>('import-files', { files: [{ name: 'two-hours.vtt', path: file }] });
      const source = await call<SourceDetail>('source-get', { sourceId: imported!.sourceId });
      const linkStart = performance.now();
      await call('media-link', { sourceId: source.id, path: wav });
      const linkMs = performance.now() - linkStart;
      const turns = source.blocks.filter((b) => b.kind === 'turn');

      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(harness.appUrl);
      await openSource(page, source.title, 60_000);
      await page.locator(`${VIEW} [data-block-id="${turns.at(-1)!.id}"]`).waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: 'Play', exact: true }).waitFor();

      const clicks: number[] = [];
      const seeks: number[] = [];
      for (let i = 0; i < CLICKS; i++) {
        const turn = turns[Math.floor(((i + 1) * turns.length) / (CLICKS + 2))]!;
        await page.evaluate(ARM_PLAYING);
        await page.locator(`${VIEW} [data-block-id="${turn.id}"] .tv-time`).scrollIntoViewIfNeeded();
        await page.locator(`${VIEW} [data-block-id="${turn.id}"] .tv-time`).click();
        const r = (await page.evaluate('window.__played')) as { playing: number; seeked: number };
        clicks.push(r.playing);
        seeks.push(r.seeked);
        await page.keyboard.press('Control+Space');
        await page.locator('[data-testid=player][data-state=paused]').waitFor();
      }

      // The same page idle, for comparison: on a loaded machine frames are long whatever the player does.
      const idle = (await page.evaluate(FRAMES(4000))) as { frames: number[] };
      // Follow mode at 2×: a new turn every ~1.8 s, the view scrolled to each.
      await page.getByLabel('Speed').selectOption('2');
      const frames: number[] = [];
      let followed = 0;
      for (const at of [0.1, 0.5, 0.9]) {
        const turn = turns[Math.floor(at * turns.length)]!;
        await page.locator(`${VIEW} [data-block-id="${turn.id}"] .tv-time`).scrollIntoViewIfNeeded();
        await page.locator(`${VIEW} [data-block-id="${turn.id}"] .tv-time`).click();
        await page.locator('[data-testid=player][data-state=playing]').waitFor();
        // Scrolled away: follow mode has to bring the turn back.
        await page.evaluate(`document.querySelector('.transcript-scroll').scrollTop = 0`);
        const r = (await page.evaluate(FRAMES(6000))) as { frames: number[]; turns: number };
        frames.push(...r.frames);
        followed += r.turns;
        await page.keyboard.press('Control+Space');
      }
      const c = stats(clicks);
      const f = stats(frames);
      const rows: BenchRow[] = [
        {
          benchmark: 'player: click a timestamp → audio playing (2-hour WAV, harness range endpoint)',
          figure: `${fmt(c.median)} median`,
          target: '< 150 ms',
          note: `seeked ${fmt(stats(seeks).median)} median; slowest of ${CLICKS} ${fmt(Math.max(...clicks))}; link (hash ${Math.round(SECONDS * 8000 / 1e6)} MB) ${fmt(linkMs)}`,
        },
        {
          benchmark: `player: follow mode while playing at 2×, ${TURNS.toLocaleString('en-NZ')} turns`,
          figure: `frames ${fmt(f.median)} median, ${fmt(f.p95)} p95`,
          target: '< 16.7 ms median',
          note: `${frames.length} frames over 18 s, longest ${fmt(Math.max(...frames))}; ${followed} turns highlighted in turn; the page idle: ${fmt(stats(idle.frames).median)} median, ${fmt(stats(idle.frames).p95)} p95`,
        },
      ];
      return rows;
    } finally {
      await browser.close().catch(() => {});
      await harness.close();
    }
  },
};
