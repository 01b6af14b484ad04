/**
 * Opening a 100,000-word transcript in the real app: the browser harness serving the built
 * renderer, a project made and the transcript imported through the API, then in Chromium the time
 * from clicking the source in the sources list until the transcript's last turn is in the DOM
 * (and until the frame after, i.e. painted). Median of 5 opens, each in a freshly loaded page.
 * Then one scroll through the whole transcript, reporting frame times.
 *
 * Needs `npm run build` first. FOCAL_RENDERER_DIR points it at another build of the renderer.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { SourceDetail } from '../../shared/domain/project';
import { startHarness } from '../../electron/web/harness-server';
import { VIEW, openSource } from '../e2e/transcript/view-page';
import { syntheticTranscript } from '../support/synthetic';
import { fmt, stats, type Bench, type BenchRow } from './bench-kit';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = process.env.FOCAL_CHROMIUM ?? '/usr/bin/chromium';
const RUNS = 5;
const WORDS = 100_000;
const CODINGS = 5_000;

// In-page scripts are strings: the tests' tsconfig has no DOM types, and they run in the page anyway.
const armTimer = (lastId: number) => `window.__tvOpen = new Promise((resolve) => {
  let clicked = 0;
  document.addEventListener('click', () => { clicked = performance.now(); }, { capture: true, once: true });
  const done = () => {
    const inDom = performance.now();
    requestAnimationFrame(() => setTimeout(() => resolve({ dom: inDom - clicked, painted: performance.now() - clicked }), 0));
  };
  const observer = new MutationObserver(() => {
    if (clicked && document.querySelector('${VIEW} [data-block-id="${lastId}"]')) { observer.disconnect(); done(); }
  });
  observer.observe(document.body, { childList: true, subtree: true });
});
// Not the promise itself: evaluate would wait for it.
0`;

const SCROLL_THROUGH = `(async () => {
  let el = document.querySelector('${VIEW}');
  while (el && !(el.scrollHeight > el.clientHeight && getComputedStyle(el).overflowY !== 'visible')) el = el.parentElement;
  if (!el) throw new Error('no scrolling pane around the transcript view');
  const frames = [];
  let last = performance.now();
  while (el.scrollTop + el.clientHeight < el.scrollHeight - 1) {
    el.scrollTop += Math.round(el.clientHeight * 0.8);
    await new Promise((r) => requestAnimationFrame(r));
    const now = performance.now();
    frames.push(now - last);
    last = now;
  }
  return frames;
})()`;

/** Selects the first 40 characters of a block's first text run, as a drag would. */
const SELECT_IN_BLOCK = (blockId: number) => `(async () => {
  const body = document.querySelector('${VIEW} [data-block-id="${blockId}"] .tv-body');
  const node = body.querySelector('[data-start]').firstChild;
  window.getSelection().setBaseAndExtent(node, 0, node, Math.min(40, node.textContent.length));
  await new Promise((r) => setTimeout(r, 50));
})()`;

const ARM_ROUND_TRIP = `window.__tvCoded = new Promise((resolve) => {
  const before = document.querySelectorAll('${VIEW} .tv-hl').length;
  let clicked = 0;
  document.addEventListener('click', () => { clicked = performance.now(); }, { capture: true, once: true });
  const observer = new MutationObserver(() => {
    if (clicked && document.querySelectorAll('${VIEW} .tv-hl').length !== before) { observer.disconnect(); resolve(performance.now() - clicked); }
  });
  observer.observe(document.querySelector('${VIEW}'), { childList: true, subtree: true });
});
0`;

export const transcriptViewBench: Bench = {
  name: 'transcript-view',
  async run(dir) {
    const staticDir = process.env.FOCAL_RENDERER_DIR ?? join(ROOT, 'dist', 'renderer');
    if (!existsSync(join(staticDir, 'index.html'))) throw new Error(`${staticDir}/index.html is missing: run npm run build first`);
    const workDir = join(dir, 'projects');
    mkdirSync(workDir, { recursive: true });
    const harness = await startHarness({ workDir, staticDir, logger: () => {} });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
    try {
      const made = await harness.core.call('project-new', { name: 'Transcript view bench', path: join(workDir, 'transcript-bench.focal') });
      if (!made.ok) throw new Error(made.error.message);
      const file = join(dir, 'focus-group-100k.txt');
      writeFileSync(file, syntheticTranscript(WORDS, 1));
      const imported = await harness.core.call('import-files', { files: [{ name: 'focus-group-100k.txt', path: file }], onDuplicate: 'import' });
      if (!imported.ok) throw new Error(imported.error.message);
      const sourceId = (imported.value as Array<{ sourceId?: number }>)[0]?.sourceId;
      const got = await harness.core.call('source-get', { sourceId });
      if (!got.ok) throw new Error(got.error.message);
      const source = got.value as SourceDetail;
      const lastId = [...source.blocks].sort((a, b) => a.start - b.start).at(-1)?.id ?? 0;

      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(harness.appUrl);
      const opens: number[] = [];
      const painted: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        // A fresh page each time: nothing cached in React state or the editor.
        if (i > 0) await page.reload();
        await page.getByRole('list', { name: 'Sources' }).getByRole('button', { name: source.title }).waitFor();
        await page.evaluate(armTimer(lastId));
        await openSource(page, source.title, 30_000);
        const t = (await page.evaluate('window.__tvOpen')) as { dom: number; painted: number };
        opens.push(t.dom);
        painted.push(t.painted);
      }
      const frames = (await page.evaluate(SCROLL_THROUGH)) as number[];

      // The same transcript with 5,000 codings of 20 codes in the active frame: highlights,
      // stripes and all. The view mounts once the codings have loaded, so "last turn in the DOM"
      // is the first render with highlights. Set up straight in the database (setup, not measured).
      const db = harness.core.requireProject().db;
      const frameId = (db.prepare('SELECT id FROM code_frames ORDER BY id LIMIT 1').get() as { id: number }).id;
      const palette = ['#4f7cac', '#c0504d', '#9bbb59', '#8064a2', '#f79646', '#4bacc6', '#d4a017', '#2e8b57', '#b5527f', '#6b8e23'];
      const turnsOnly = source.blocks.filter((b) => b.kind === 'turn' && b.end - b.start > 20);
      let seed = 42;
      const rand = (n: number) => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed % n;
      };
      db.transaction(() => {
        const codeIds = Array.from({ length: 20 }, (_, i) =>
          Number(db.prepare('INSERT INTO codes (frame_id, parent_id, name, color, description, position, created_at) VALUES (?, NULL, ?, ?, \'\', ?, ?)').run(frameId, `Code ${i + 1}`, palette[i % palette.length], i, new Date().toISOString()).lastInsertRowid),
        );
        const insert = db.prepare('INSERT INTO codings (code_id, source_id, start, end, coder, created_at) VALUES (?, ?, ?, ?, ?, ?)');
        for (let i = 0; i < CODINGS; i++) {
          const b = turnsOnly[rand(turnsOnly.length)]!;
          const a = b.start + rand(b.end - b.start - 10);
          const e = Math.min(b.end, a + 10 + rand(200));
          insert.run(codeIds[rand(codeIds.length)], source.id, a, e, 'Bench Coder', new Date().toISOString());
        }
      })();
      const coded: number[] = [];
      const codedPainted: number[] = [];
      let highlighted = 0;
      for (let i = 0; i < RUNS; i++) {
        await page.reload();
        await page.getByRole('list', { name: 'Sources' }).getByRole('button', { name: source.title }).waitFor();
        await page.evaluate(armTimer(lastId));
        await openSource(page, source.title, 30_000);
        const t = (await page.evaluate('window.__tvOpen')) as { dom: number; painted: number };
        coded.push(t.dom);
        codedPainted.push(t.painted);
        highlighted = (await page.evaluate(`document.querySelectorAll('${VIEW} .tv-hl').length`)) as number;
      }
      if (highlighted === 0) throw new Error('no highlights rendered: the workspace did not pass the codings to the view');
      const withCodes = stats(coded);

      // One code applied in the UI with those 5,000 codings on screen: select a passage, click a
      // code in the tree, until the new highlight is in the DOM (core call, reloads, block patch).
      const roundTrips: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const turn = turnsOnly[(i * 97) % turnsOnly.length]!;
        await page.evaluate(SELECT_IN_BLOCK(turn.id));
        await page.evaluate(ARM_ROUND_TRIP);
        await page.getByRole('tree', { name: 'Code tree' }).getByRole('treeitem').nth(i % 20).click();
        roundTrips.push((await page.evaluate('window.__tvCoded')) as number);
      }
      const trip = stats(roundTrips);
      const open = stats(opens);
      const paint = stats(painted);
      const frame = stats(frames);
      const turns = source.blocks.filter((b) => b.kind === 'turn').length;
      const words = `${source.wordCount.toLocaleString('en-NZ')} words, ${turns.toLocaleString('en-NZ')} turns`;
      const rows: BenchRow[] = [
        {
          benchmark: 'transcript view: open 100,000 words (click → last turn in DOM)',
          figure: `${fmt(open.median)} median`,
          target: '< 1 s',
          note: `${words}; painted ${fmt(paint.median)}; slowest of ${RUNS} ${fmt(Math.max(...opens))}`,
        },
        {
          benchmark: 'transcript view: scroll through 100,000 words',
          figure: `frames ${fmt(frame.median)} median, ${fmt(frame.p95)} p95`,
          target: 'smooth (≈16.7 ms)',
          note: `${frames.length} frames, longest ${fmt(Math.max(...frames))}`,
        },
        {
          benchmark: 'transcript view: open 100,000 words with 5,000 codings (click → rendered with highlights)',
          figure: `${fmt(withCodes.median)} median`,
          target: '< 250 ms (issue 14; before: 370 ms)',
          note: `${highlighted.toLocaleString('en-NZ')} highlighted runs; painted ${fmt(stats(codedPainted).median)}; slowest of ${RUNS} ${fmt(Math.max(...coded))}`,
        },
        {
          benchmark: 'apply one code in the UI (select, click code → highlight on screen; 5,000 codings open)',
          figure: `${fmt(trip.median)} median, slowest of ${RUNS} ${fmt(Math.max(...roundTrips))}`,
          target: '< 16 ms median, < 50 ms slowest (before: 102 ms, 333 ms)',
          note: 'the view patched from the call\'s result (the new coding, the code\'s counts); no reload of codings or counts',
        },
      ];
      return rows;
    } finally {
      await browser.close().catch(() => {});
      await harness.close();
    }
  },
};
