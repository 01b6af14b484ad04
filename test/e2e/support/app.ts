/**
 * Shared Playwright setup for the UI tests: the real core behind the browser harness (in-process,
 * from source) serving the built renderer from dist/renderer, on a fresh temp working folder,
 * driven by the system Chromium. Console errors and CSP violations are collected so tests can
 * assert the page ran clean.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createClient, type FocalApi } from '../../../shared/api/client';
import type { SourceDetail } from '../../../shared/domain/project';
import { startHarness, type Harness } from '../../../electron/web/harness-server';
import { tempDir } from '../../support/temp';

export const ROOT = resolve(__dirname, '..', '..', '..');
export const STATIC_DIR = join(ROOT, 'dist', 'renderer');
export const ARTIFACTS = join(ROOT, 'test', 'artifacts');
const CHROMIUM = process.env.FOCAL_CHROMIUM ?? '/usr/bin/chromium';

// index.html carries the full policy, frame-ancestors included, so it is word for word the one the
// Electron shell and the harness send as a header; Chromium notes that a <meta> cannot enforce that
// one directive. Expected and harmless (the header does enforce it), so it is not a problem.
const EXPECTED_CONSOLE = [/The Content Security Policy directive 'frame-ancestors' is ignored when delivered via a <meta> element/];

export interface E2EApp {
  harness: Harness;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  workDir: string;
  /** Console errors, uncaught exceptions and CSP violations seen so far. */
  problems: string[];
  /** Saves a full-window screenshot to test/artifacts/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** The coder name set before the page loads (the default is the OS user name). */
  userName?: string;
  viewport?: { width: number; height: number };
}

export async function launchApp(opts: LaunchOptions = {}): Promise<E2EApp> {
  if (!existsSync(join(STATIC_DIR, 'index.html'))) {
    throw new Error(`${STATIC_DIR}/index.html is missing: run npm run build first`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium, or set FOCAL_CHROMIUM)`);
  const workDir = join(tempDir('focal-e2e-'), 'projects');
  const harness = await startHarness({ workDir, staticDir: STATIC_DIR, logger: () => {} });
  if (opts.userName) harness.core.state.setPrefs({ userName: opts.userName });

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1280, height: 800 }, locale: 'en-NZ', timezoneId: 'Pacific/Auckland' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !EXPECTED_CONSOLE.some((re) => re.test(m.text()))) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));

  return {
    harness,
    browser,
    context,
    page,
    workDir,
    problems,
    async screenshot(name) {
      mkdirSync(ARTIFACTS, { recursive: true });
      const path = join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    async close() {
      await browser.close().catch(() => {});
      await harness.close();
    },
  };
}

/** Opens the app the way a user does: the printed link with its #token. */
export async function openApp(app: E2EApp): Promise<void> {
  await app.page.goto(app.harness.appUrl);
}

/** Creates a project the way a person does (start screen → New project → name → Create) and waits for its workspace. */
export async function createProjectInPage(app: E2EApp, name: string): Promise<void> {
  await app.page.getByRole('button', { name: /New project/ }).click();
  await app.page.getByLabel('Project name').fill(name);
  await app.page.getByRole('button', { name: 'Create project' }).click();
  await app.page.getByRole('heading', { name, level: 1 }).waitFor();
}

/** The typed API over the harness's own core (the one the page talks to), for setting up material. */
export function coreApi(app: E2EApp): FocalApi {
  const core = app.harness.core;
  return createClient({ invoke: (n, i) => core.call(n, i), on: (e, l) => core.on(e, l) }).api;
}

/** Imports one file of test/fixtures through the harness's core and returns the stored transcript. */
export async function importFixture(app: E2EApp, fileName: string): Promise<SourceDetail> {
  const api = coreApi(app);
  const [result] = await api['import-files']({ files: [{ name: fileName, path: join(ROOT, 'test', 'fixtures', fileName) }], onDuplicate: 'import' });
  if (!result?.sourceId) throw new Error(`${fileName}: ${result?.message ?? 'not imported'}`);
  return api['source-get']({ sourceId: result.sourceId });
}
