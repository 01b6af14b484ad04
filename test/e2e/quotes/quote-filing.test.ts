/**
 * Filing quotes in the browser: "Add quote" on a passage coded with two codes asks which to file
 * it under; the quote card's "Filed under" picker re-files it (or makes it Uncoded).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceDetail } from '../../../shared/domain/project';
import { coreApi, createProjectInPage, importFixture, launchApp, openApp, type E2EApp } from '../support/app';
import { selectBetween } from '../export/select-text';

let app: E2EApp;
let source: SourceDetail;
const ids: Record<string, number> = {};

beforeAll(async () => {
  app = await launchApp({ userName: 'Mere Analyst', viewport: { width: 1400, height: 900 } });
  await openApp(app);
  await createProjectInPage(app, 'Filing study');
  source = await importFixture(app, 'individual-interview-manager.srt');
  const api = coreApi(app);
  const frame = (await api['frames-list']({}))[0]!;
  ids.relationship = (await api['code-create']({ frameId: frame.id, name: 'Relationship' })).id;
  ids.difference = (await api['code-create']({ frameId: frame.id, name: 'Difference' })).id;
  const turn = source.blocks.find((b) => b.kind === 'turn' && source.text.slice(b.start, b.end).startsWith('To be honest'))!;
  await api['coding-apply-blocks']({ codeId: ids.relationship, blockIds: [turn.id] });
  await api['coding-apply-blocks']({ codeId: ids.difference, blockIds: [turn.id] });
}, 60_000);
afterAll(() => app?.close());

describe('filing quotes', () => {
  it('asks which code to file a quote under when two cover the selection', async () => {
    const { page } = app;
    await page.getByRole('list', { name: 'Sources' }).getByRole('button', { name: /individual-interview/ }).click();
    const view = page.getByTestId('transcript-view');
    await view.getByText('To be honest', { exact: false }).waitFor();
    expect(await selectBetween(page, '[data-testid="transcript-view"] .tv-editor', 'the difference between', '+22')).toBe('the difference between');
    const bar = page.getByRole('toolbar', { name: 'Selection actions' });
    await bar.getByText(/characters selected/).waitFor();
    await bar.getByRole('button', { name: 'Add quote' }).click();
    const choice = bar.getByRole('group', { name: 'File the quote under' });
    await choice.waitFor();
    expect(await coreApi(app)['quotes-list']({})).toHaveLength(0);
    await choice.getByRole('button', { name: 'Difference' }).click();
    await bar.getByRole('status').filter({ hasText: 'Added to the quote bank, under Difference' }).waitFor();
    const [q] = await coreApi(app)['quotes-list']({});
    expect(q).toMatchObject({ codeId: ids.difference, codePath: 'Difference', raw: 'the difference between' });
    expect(app.problems).toEqual([]);
  });

  it('re-files a quote from its card: the covering codes, and Uncoded', async () => {
    const { page } = app;
    await page.getByRole('group', { name: 'Quotes and exports' }).getByRole('button', { name: /Quote bank/ }).click();
    const card = page.getByRole('article').filter({ hasText: 'the difference between' });
    const picker = card.getByLabel('Filed under');
    await picker.waitFor();
    expect(await picker.locator('option').allInnerTexts()).toEqual(['Difference', 'Relationship', 'Uncoded']);
    expect(await picker.inputValue()).toBe(String(ids.difference));
    await picker.selectOption({ label: 'Relationship' });
    await expect.poll(async () => (await coreApi(app)['quotes-list']({}))[0]!.codeId).toBe(ids.relationship);
    await picker.selectOption({ label: 'Uncoded' });
    await expect.poll(async () => (await coreApi(app)['quotes-list']({}))[0]!.codeId).toBeNull();
    await app.screenshot('quote-filed-under');
    expect(app.problems).toEqual([]);
  });
});
