/**
 * The transcript view in the real app: the hui fixture imported through the core, opened from the
 * sources list. Speaker names and notes shown apart from the speech, the tikanga band, macrons
 * intact, and selections reported as exact offsets into the source text, never including a label.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceDetail } from '../../../shared/domain/project';
import { launchApp, openApp, type E2EApp, createProjectInPage, importFixture } from '../support/app';
import { VIEW, openSource, selectInTurn } from './view-page';

let app: E2EApp;
let source: SourceDetail;

beforeAll(async () => {
  app = await launchApp({ userName: 'Aroha Ngata', viewport: { width: 1280, height: 860 } });
  await openApp(app);
  await createProjectInPage(app, 'Te Whare Oranga peer study');
  source = await importFixture(app, 'hui-tupu-group-interview.txt');
});
afterAll(() => app?.close());

const view = () => app.page.locator(VIEW);

describe('transcript view', () => {
  it('opens from the sources list', async () => {
    await openSource(app.page, /Kaupapa Māori peer service/);
    await view().locator('.tv-turn').last().waitFor();
    expect(await view().getAttribute('data-source-id')).toBe(String(source.id));
  });

  it('shows each speaker by name, apart from the speech', async () => {
    const names = await view().locator('.tv-speaker').allTextContents();
    expect(new Set(names)).toEqual(new Set(['Waiata Henare', 'Aroha Ngata', 'Tama Rewiri', 'Mere Tawhiri', 'Koro Hemi']));
    expect(names).toHaveLength(source.blocks.filter((b) => b.kind === 'turn').length);
    // Labels are not editable, not selectable text.
    const label = view().locator('.tv-who').first();
    expect(await label.getAttribute('contenteditable')).toBe('false');
    expect(await app.page.evaluate(`getComputedStyle(document.querySelector('${VIEW} .tv-who')).userSelect`)).toBe('none');
  });

  it('shows [taps head] as an annotation, and the three notes as note rows', async () => {
    const annotation = view().locator('.tv-turn .tv-annotation', { hasText: '[taps head]' });
    expect(await annotation.count()).toBe(1);
    expect(await annotation.textContent()).toBe('[taps head]');
    const notes = view().locator('.tv-note');
    expect(await notes.count()).toBe(3);
    expect(await notes.nth(1).textContent()).toBe('[Karakia tīmatanga led by Koro Hemi. Not recorded.]');
  });

  it('bands the tikanga-based session and lists its unrecorded parts', async () => {
    const band = view().locator('.tv-band-tikanga');
    expect(await band.isVisible()).toBe(true);
    const text = await band.innerText();
    expect(text).toContain('Tikanga-based session');
    expect(text).toContain('Group interview, Kaupapa Māori peer service (day 2)');
    expect(text).toMatch(/Unrecorded:\s*whakatau, mihimihi, karakia \(led by Koro Hemi\)/);
  });

  it('keeps macrons and the text exactly as stored', async () => {
    const text = await view().locator('.tv-editor').innerText();
    expect(text).toContain('When a whānau member comes in');
    expect(text).toContain('Kōrero withdrawn');
    // Every run of text sits at its own offset in the source.
    const runs = (await app.page.evaluate(`Array.from(document.querySelectorAll('${VIEW} [data-start]'), (e) => [Number(e.dataset.start), e.textContent])`)) as Array<[number, string]>;
    expect(runs.length).toBeGreaterThan(source.blocks.length);
    for (const [start, t] of runs) expect(source.text.slice(start, start + t.length)).toBe(t);
  });

  it('reports a selection of "whakapapa" in Aroha\'s first turn as its exact offsets', async () => {
    const at = source.text.indexOf('whakapapa');
    expect(await selectInTurn(app.page, 'Aroha Ngata', 'whakapapa')).toBe(`${at}:${at + 'whakapapa'.length}`);
  });

  it('clamps a selection that starts inside a speaker label to the start of the speech', async () => {
    const aroha = source.blocks.find((b) => b.kind === 'turn' && source.text.slice(b.start, b.end).startsWith('Kia ora. For us'));
    const end = source.text.indexOf('whakapapa') + 'whakapapa'.length;
    expect(await selectInTurn(app.page, 'Aroha Ngata', 'whakapapa', { fromLabel: true })).toBe(`${aroha?.start}:${end}`);
  });

  it('never includes a speaker label in a selection dragged across turns', async () => {
    const { page } = app;
    await page.evaluate('window.getSelection().removeAllRanges()');
    await expect.poll(() => view().getAttribute('data-selection')).toBeNull();
    const from = await view().locator('.tv-turn').filter({ hasText: 'Aroha Ngata' }).first().locator('.tv-body').boundingBox();
    const to = await view().locator('.tv-speaker', { hasText: 'Tama Rewiri' }).first().boundingBox();
    if (!from || !to) throw new Error('turns not on screen');
    await page.mouse.move(from.x + 1, from.y + 6);
    await page.mouse.down();
    await page.mouse.move(to.x + 30, to.y + 6, { steps: 8 });
    await page.mouse.up();
    // From the start of Aroha's speech to its end: not the gap after it, not "Tama Rewiri".
    const aroha = source.blocks.find((b) => b.kind === 'turn' && source.text.slice(b.start, b.end).startsWith('Kia ora. For us'));
    await expect.poll(() => view().getAttribute('data-selection')).toBe(`${aroha?.start}:${aroha?.end}`);
    expect(await page.evaluate('window.getSelection().toString()')).not.toContain('Tama Rewiri');
    await page.evaluate('window.getSelection().removeAllRanges()');
  });

  it('looks right (screenshot for review)', async () => {
    await view().locator('.tv-band').scrollIntoViewIfNeeded();
    await app.screenshot('transcript-hui');
  });

  it('keeps the coding bar and the quote/mark bar together above the details, also when narrow', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 960, height: 760 });
    await page.getByRole('button', { name: 'Details' }).click();
    const coding = await page.getByRole('toolbar', { name: 'Coding' }).boundingBox();
    const actions = await page.getByRole('toolbar', { name: 'Selection actions' }).boundingBox();
    const details = await page.locator('#source-details').boundingBox();
    if (!coding || !actions || !details) throw new Error('bars or details not on screen');
    // The quote/mark bar directly under the coding bar, the details card below both.
    expect(Math.abs(actions.y - (coding.y + coding.height))).toBeLessThan(2);
    expect(details.y).toBeGreaterThanOrEqual(actions.y + actions.height);
    await app.screenshot('transcript-details-narrow');
    await page.getByRole('button', { name: 'Details' }).click();
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('ran without console errors or CSP violations', () => {
    expect(app.problems).toEqual([]);
  });
});
