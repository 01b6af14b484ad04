/**
 * Quotes by query in the browser: a person searches without macrons, adds every result to the
 * quote bank (each quote the sentence with the match), opens the bank and finds them there; then
 * adds a coding query's segments, and a second run skips those already in the bank.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FocalApi } from '../../../shared/api/client';
import { importAndMap } from '../../core/export/fixture-project';
import { launchApp, openApp, type E2EApp, createProjectInPage, coreApi } from '../support/app';
import { openTikangaTo } from '../../support/open-frames';

let app: E2EApp;
let api: FocalApi;
const quoteCount = () => app.harness.core.requireProject().db.prepare('SELECT count(*) FROM quotes').pluck().get() as number;

beforeAll(async () => {
  app = await launchApp({ userName: 'Mere Analyst', viewport: { width: 1400, height: 900 } });
  await openApp(app);
  await createProjectInPage(app, 'Peer support study');
  api = coreApi(app);
  await importAndMap(api);
  // One code on three speaking turns of the hui (after the facilitator's opening), for the coding query.
  const frameId = (await api['frames-list']({}))[0]!.id;
  // A tikanga-based hui is kept apart from mainstream frames; with no kaitiaki named the project opens it on purpose.
  await openTikangaTo(api, frameId);
  const code = await api['code-create']({ frameId, name: 'Connection' });
  const hui = (await api['sources-list']({})).find((s) => s.mode === 'tikanga')!;
  const detail = await api['source-get']({ sourceId: hui.id });
  await api['coding-apply-blocks']({ codeId: code.id, blockIds: detail.blocks.filter((b) => b.kind === 'turn').slice(1, 4).map((b) => b.id) });
}, 60_000);
afterAll(() => app?.close());

describe('quotes from search and from a coding query', () => {
  it('searches without macrons and adds every result to the quote bank, after a confirmation saying how many', async () => {
    const { page } = app;
    await page.keyboard.press('Control+f');
    const box = page.getByRole('searchbox', { name: 'Search transcripts' });
    await box.fill('whanau');
    await page.getByText(/^\d+ match(es)? of whanau in \d+ passages?$/).waitFor();
    const total = Number((await page.locator('.search-summary').innerText()).match(/in (\d+) passages?$/)![1]);
    expect(total).toBeGreaterThan(2);
    expect(quoteCount()).toBe(0);

    await page.getByRole('button', { name: 'Add to quote bank…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add to quote bank' });
    await dialog.getByText(`${total} search results`).waitFor();
    expect(await dialog.getByRole('radio', { name: 'The sentence with the match' }).isChecked()).toBe(true);
    await app.screenshot('quotes-from-search-confirm');
    await dialog.getByRole('button', { name: `Add ${total} to the quote bank` }).click();

    const note = page.getByTestId('quotes-added');
    await note.getByText(/^Added \d+ quotes? to the quote bank\./).waitFor();
    const added = Number((await note.innerText()).match(/Added (\d+)/)![1]);
    expect(added).toBe(quoteCount());
    expect(added).toBeGreaterThanOrEqual(total);
    await app.screenshot('quotes-from-search-added');

    await note.getByRole('button', { name: 'Open the quote bank' }).click();
    await page.getByRole('heading', { name: /Quote bank/ }).waitFor();
    const koro = page.getByRole('article').filter({ hasText: 'Maaori mental health is whanau health.' });
    await koro.waitFor();
    // The sentence, not the whole turn.
    expect(await koro.getByLabel('Transcript words (in the app only)').innerText()).toBe('Maaori mental health is whanau health.');
    expect(await page.getByRole('article').count()).toBe(added);
    expect(app.problems).toEqual([]);
    await app.screenshot('quotes-from-search-bank');
  });

  it('adds a coding query’s segments to the quote bank; a second time, they are already there', async () => {
    const { page } = app;
    await page.getByRole('button', { name: /Queries/ }).click();
    await page.getByRole('tab', { name: 'Coding query' }).click();
    await page.getByRole('combobox', { name: 'Mode' }).selectOption('both');
    await page.getByLabel('Connection in the query').selectOption('or');
    await page.getByRole('button', { name: 'Run query' }).click();
    const results = page.getByRole('region', { name: 'Query results' });
    const heading = results.getByText(/^3 segments in 1 source/);
    await heading.waitFor();
    const before = quoteCount();

    await results.getByRole('button', { name: 'Add to quote bank…' }).click();
    let dialog = page.getByRole('dialog', { name: 'Add to quote bank' });
    await dialog.getByText('3 query segments').waitFor();
    // No sentence/turn choice for query segments: each segment is its quote.
    expect(await dialog.getByRole('radio').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Add 3 to the quote bank' }).click();
    // One of the three turns holds "whānau": its sentence is in the bank already, but not the whole turn.
    await page.getByTestId('quotes-added').getByText('Added 3 quotes to the quote bank.').waitFor();
    expect(quoteCount()).toBe(before + 3);

    await results.getByRole('button', { name: 'Add to quote bank…' }).click();
    dialog = page.getByRole('dialog', { name: 'Add to quote bank' });
    await dialog.getByRole('button', { name: 'Add 3 to the quote bank' }).click();
    await page.getByTestId('quotes-added').getByText('No new quotes added. 3 passages were already in the bank.').waitFor();
    expect(quoteCount()).toBe(before + 3);
    await app.screenshot('quotes-from-query-again');
    expect(app.problems).toEqual([]);
  });
});
