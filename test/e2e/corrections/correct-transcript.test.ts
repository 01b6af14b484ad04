/**
 * A person corrects a mis-heard word in a coded turn in "Correct transcript" mode: the coding stays
 * on its words (now corrected), a correction that would remove a coded range is listed before it
 * is saved, and Ctrl+Z undoes the saved correction. Screenshots go to test/artifacts/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceDetail } from '../../../shared/domain/project';
import { coreApi, createProjectInPage, importFixture, launchApp, openApp, type E2EApp } from '../support/app';
import { openSource, VIEW } from '../transcript/view-page';

let app: E2EApp;
let source: SourceDetail;
const CODED = 'When you sit with someone who can say';
const FIXED = 'When you sit with somebody who can say';

beforeAll(async () => {
  app = await launchApp({ userName: 'Aroha Ngata', viewport: { width: 1360, height: 880 } });
  await openApp(app);
  await createProjectInPage(app, 'Corrections study');
  source = await importFixture(app, 'focus-group-lived-experience.vtt');
  const api = coreApi(app);
  const frameId = (await api['frames-list']({}))[0]!.id;
  const code = await api['code-create']({ frameId, name: 'Hope' });
  const at = source.text.indexOf(CODED);
  await api['coding-apply']({ codeId: code.id, sourceId: source.id, start: at, end: at + CODED.length });
}, 120_000);
afterAll(() => app?.close());

const page = () => app.page;
const codingText = async () => {
  const api = coreApi(app);
  const [c] = await api['codings-list']({ sourceId: source.id });
  const s = await api['source-get']({ sourceId: source.id });
  return s.text.slice(c!.start, c!.end);
};

describe('Correct transcript', () => {
  it('opens from the transcript toolbar as a list of turns, one field at a time', async () => {
    await openSource(page(), /focus-group-lived-experience|lived experience/i);
    await page().locator(`${VIEW} .tv-hl`).first().waitFor();
    await page().getByRole('button', { name: 'Correct transcript' }).click();
    await page().getByTestId('correct-transcript').waitFor();
    expect(await page().getByRole('button', { name: 'Correct transcript' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page().getByRole('button', { name: "Correct Rachel Moana's turn" }).count()).toBe(2);
    await app.screenshot('correct-transcript-mode');
  });

  it('corrects a mis-heard word inside the coded words: the coding stays on them', async () => {
    await page().getByRole('button', { name: "Correct Rachel Moana's turn" }).first().click();
    const field = page().getByRole('textbox', { name: /Corrected words of Rachel Moana's turn/ });
    expect(await field.inputValue()).toContain(CODED);
    // Retype the turn as a person would: a comma early on, and the mis-heard word.
    const before = await field.inputValue();
    await field.fill(before.replace('For me it', 'For me, it').replace('someone', 'somebody'));
    await app.screenshot('correct-transcript-editing');
    await field.press('Control+Enter');
    const status = page().getByRole('status').filter({ hasText: 'Corrected' });
    await status.waitFor();
    expect(await status.textContent()).toMatch(/Corrected \(2 changes\)\. 1 coding stays on its words\. Ctrl\+Z undoes it\./);
    expect(await codingText()).toBe(FIXED);
    expect(await page().locator('.correct-text').filter({ hasText: FIXED }).count()).toBe(1);
    await app.screenshot('correct-transcript-saved');
  });

  it('lists a coded range that a correction would remove, and saves nothing until confirmed', async () => {
    await page().getByRole('button', { name: "Correct Rachel Moana's turn" }).first().click();
    const field = page().getByRole('textbox', { name: /Corrected words of Rachel Moana's turn/ });
    const before = await field.inputValue();
    await field.fill(before.replace(`${FIXED}, `, ''));
    await page().getByRole('button', { name: 'Save correction' }).click();
    const confirm = page().locator('.correct-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toMatch(/Coding “Hope” at \d+–\d+/);
    await app.screenshot('correct-transcript-confirm-removal');
    expect(await codingText()).toBe(FIXED);
    await page().getByRole('button', { name: 'Keep editing' }).click();
    await field.press('Escape');
    await page().getByRole('button', { name: "Correct Rachel Moana's turn" }).first().waitFor();
  });

  it('back in the transcript view the highlight covers the corrected words; Ctrl+Z undoes the correction', async () => {
    await page().getByRole('button', { name: 'Done correcting' }).click();
    const hl = page().locator(`${VIEW} .tv-hl`).first();
    await hl.waitFor();
    expect(await hl.textContent()).toBe(FIXED);
    await app.screenshot('correct-transcript-view-after');
    await page().locator('body').click({ position: { x: 5, y: 5 } });
    await page().keyboard.press('Control+z');
    // Polled from the test side: the page's CSP allows no string evaluated as script.
    await expect.poll(() => page().locator('[data-testid="transcript-view"] .tv-hl').first().textContent()).toBe(CODED);
    expect(await codingText()).toBe(CODED);
    expect((await coreApi(app)['source-get']({ sourceId: source.id })).text).toBe(source.text);
    await app.screenshot('correct-transcript-undone');
    expect(app.problems).toEqual([]);
  });
});
