/**
 * The quote bank in the browser: a person reviews a quote's detected identifiers, adds a rule,
 * exports a Word quote bank (the harness host writes into its exports/ folder; the file is read
 * back), opens the blocked list and sees why each quote was blocked; screenshots along the way.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptAllCandidates, approveQuotes, codeEveryTurn, importAndMap, recordRopu } from '../../core/export/fixture-project';
import { launchApp, openApp, type E2EApp, createProjectInPage, coreApi } from '../support/app';
import { selectBetween } from './select-text';

let app: E2EApp;

beforeAll(async () => {
  app = await launchApp({ userName: 'Mere Analyst', viewport: { width: 1400, height: 900 } });
  await openApp(app);
  await createProjectInPage(app, 'Peer support study');
  // The study set up through the same core the page talks to: import, register, speaker mapping, coding.
  const core = app.harness.core;
  const api = coreApi(app);
  await importAndMap(api);
  await codeEveryTurn(api);
  // Every detected identifier decided except the DHB in Rick's quote, which the test reviews in the page.
  acceptAllCandidates(core, ['Canterbury DHB']);
  const ropu = await recordRopu(api, core);
  const hui = (await api['sources-list']({})).find((s) => s.mode === 'tikanga')!;
  approveQuotes(core, ropu.groupId, ropu.kaitiakiId, (await api['quotes-list']({ sourceId: hui.id })).map((q) => q.id));
}, 60_000);
afterAll(() => app?.close());

describe('quote bank, export and blocked list', () => {
  it('shows each quote as it would leave: pseudonymised with its attribution, or blocked with reasons', async () => {
    const { page } = app;
    await page.getByRole('group', { name: 'Quotes and exports' }).getByRole('button', { name: /Quote bank/ }).click();
    const bank = page.getByRole('region', { name: /Quote bank/ });
    await bank.getByRole('article').first().waitFor();
    const rick = bank.getByRole('article').filter({ hasText: 'To be honest' });
    await rick.getByText('Will export as').waitFor();
    expect(await rick.getByLabel('Will export as').innerText()).toMatch(/At \[organisation\] in \[town\] we try[\s\S]*\(Rick, manager\)/);
    const dhb = bank.getByRole('article').filter({ hasText: 'collaborative notes' });
    expect(await dhb.getByLabel('Blocked by the export gate').innerText()).toMatch(/Identifying detail not yet decided[\s\S]*“Canterbury DHB”/);
    const david = bank.getByRole('article').filter({ hasText: 'Pathways in South Auckland' }).first();
    expect(await david.getByLabel('Blocked by the export gate').innerText()).toMatch(/No consent to be quoted[\s\S]*David Chen declined to be quoted/);
    expect(app.problems).toEqual([]);
    await app.screenshot('quote-bank');
  });

  it('reviews the detections in a quote and adds a rule: the quote then passes, replaced on the copy', async () => {
    const { page } = app;
    const card = page.getByRole('article').filter({ hasText: 'collaborative notes' });
    await card.getByRole('button', { name: 'Review identifiers' }).click();
    const review = card.getByRole('region', { name: /Identifiers in/ });
    const candidate = review.getByRole('listitem', { name: /^Canterbury DHB/ });
    await candidate.waitFor();
    await app.screenshot('quote-review-detections');
    await candidate.getByRole('button', { name: 'Add as rule…' }).click();
    const rule = candidate.getByRole('form', { name: 'New rule' });
    await rule.getByLabel(/Variants/).fill('Canterbury District Health Board');
    await rule.getByLabel('Replacement').fill('[a DHB]');
    await rule.getByRole('button', { name: 'Save rule' }).click();
    await card.getByLabel('Will export as').waitFor();
    expect(await card.getByLabel('Will export as').innerText()).toMatch(/Nobody at \[a DHB\] reads them\.[\s\S]*\(Rick, manager\)/);
    await app.screenshot('quote-rule-added');
    await review.getByRole('button', { name: 'Done' }).click();
    expect(app.problems).toEqual([]);
  });

  it('cuts words from a quote: the cut never leaves, the mark shows where', async () => {
    const { page } = app;
    const card = page.getByRole('article').filter({ hasText: 'To be honest' });
    const id = await card.getAttribute('data-quote-id');
    // Select "The relationship creates everything else that's different. " inside the stored words.
    expect(await selectBetween(page, `[data-quote-id="${id}"] .quote-raw`, 'The relationship creates', 'True peer support')).toMatch(/^The relationship creates/);
    // X on the focused card cuts the selected words, as the Cut […] button does.
    await card.press('x');
    await card.locator('.quote-cut').waitFor();
    await card.scrollIntoViewIfNeeded();
    await app.screenshot('quote-cut');
    expect(await card.getByLabel('Will export as').innerText()).toMatch(/is the relationship\. \[…\] True peer support/);
  });

  it('exports a Word quote bank through the gate and reports the blocked', async () => {
    const { page } = app;
    // Ctrl+Shift+E opens the export dialog, as the Export… button does.
    await page.keyboard.press('Control+Shift+E');
    const dialog = page.getByRole('dialog', { name: 'Export quote bank' });
    await dialog.getByLabel(/Word/).check();
    await app.screenshot('export-dialog');
    await dialog.getByRole('button', { name: 'Export' }).click();
    const done = page.getByRole('dialog', { name: 'Quote bank exported' });
    await done.waitFor();
    expect(await done.innerText()).toMatch(/\d+ quotes? exported to[\s\S]*\.docx[\s\S]*in .*exports[\s\S]*blocked by the export gate[\s\S]*No consent to be quoted/);
    await app.screenshot('export-done');
    const dir = join(app.workDir, 'exports');
    const file = readdirSync(dir).find((f) => f.endsWith('.docx'))!;
    const text = (await mammoth.extractRawText({ path: join(dir, file) })).value;
    expect(text).toMatch(/^The relationship$/m);
    expect(text).toContain('is the relationship. […] True peer support');
    expect(text).toContain('(Rick, manager)');
    expect(text).toContain('Nobody at [a DHB] reads them.');
    for (const n of ['David Chen', 'Priya Sharma', 'Geoff Baker', 'Aroha Ngata', 'ZAB1234', '021 555 0143', 'priya.sharma@example.org']) expect(text).not.toContain(n);
    await done.getByRole('button', { name: 'Show blocked quotes' }).click();
  });

  it('lists every blocked quote with each reason and the fix offered', async () => {
    const { page } = app;
    const list = page.getByRole('list', { name: 'Blocked quotes' });
    await list.waitFor();
    const priya = list.getByRole('listitem', { name: /Blocked quote/ }).filter({ hasText: 'peer-nician' });
    expect(await priya.innerText()).toMatch(/Participant has withdrawn[\s\S]*Priya Sharma withdrew on 2010-09-01[\s\S]*No fix: trim the quote/);
    const withdrawn = list.getByRole('listitem', { name: /Blocked quote/ }).filter({ hasText: 'not for the report' });
    expect(await withdrawn.innerText()).toMatch(/Passage withdrawn/);
    const interviewer = list.getByRole('listitem', { name: /Blocked quote/ }).filter({ hasText: 'record keeping' });
    expect(await interviewer.innerText()).toMatch(/No consent to be quoted[\s\S]*No pseudonym yet/);
    await app.screenshot('blocked-list');
    // A fix with a button takes the analyst there: set the interviewer's pseudonym on their page.
    await interviewer.getByRole('button', { name: /Set or generate a pseudonym/ }).click();
    await page.getByRole('heading', { name: 'Interviewer' }).waitFor();
    expect(app.problems).toEqual([]);
  });

  it('records the export in the audit, viewable in the app', async () => {
    const { page } = app;
    await page.getByRole('group', { name: 'Quotes and exports' }).getByRole('button', { name: 'Export audit' }).click();
    const audit = page.getByRole('region', { name: 'Export audit' });
    const row = audit.getByRole('row').filter({ hasText: 'Word' });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Mere Analyst[\s\S]*Word · .*\.docx[\s\S]*v1/);
    await app.screenshot('export-audit');
  });

  it('marks a passage withdrawn from the transcript selection', async () => {
    const { page } = app;
    await page.getByRole('list', { name: 'Sources' }).getByRole('button', { name: /individual-interview/ }).click();
    const view = page.getByTestId('transcript-view');
    await view.getByText('Nobody at Canterbury DHB', { exact: false }).waitFor();
    const phrase = 'Nobody at Canterbury DHB reads them.';
    expect(await selectBetween(page, '[data-testid="transcript-view"] .tv-editor', 'Nobody at Canterbury', `+${phrase.length}`)).toBe(phrase);
    const bar = page.getByRole('toolbar', { name: 'Selection actions' });
    await bar.getByText(/characters selected/).waitFor();
    await bar.getByRole('button', { name: 'Mark withdrawn…' }).click();
    await bar.getByLabel(/Reason for marking it withdrawn/).fill('said off the record');
    await bar.getByRole('button', { name: 'Mark withdrawn', exact: true }).click();
    await bar.getByRole('status').filter({ hasText: 'never be exported' }).waitFor();
    await bar.getByRole('button', { name: /Marked passages \(1\)/ }).click();
    expect(await bar.getByRole('list', { name: 'Marked passages' }).innerText()).toMatch(/withdrawn[\s\S]*Nobody at Canterbury DHB reads them[\s\S]*said off the record/);
    await app.screenshot('passage-marked');
    // Add quote makes a quote of the selection; outside the marked passage, it passes the gate.
    expect(await selectBetween(page, '[data-testid="transcript-view"] .tv-editor', 'We keep collaborative', '+25')).toBe('We keep collaborative not');
    await bar.getByRole('button', { name: 'Add quote' }).click();
    await bar.getByRole('status').filter({ hasText: 'Added to the quote bank' }).waitFor();
    const added = await app.harness.core.call('quotes-list', {});
    const fromSelection = (added.ok ? (added.value as Array<{ raw: string; codingId: number | null; gate: { passed: boolean } }>) : []).find((q) => q.raw === 'We keep collaborative not')!;
    expect(fromSelection).toMatchObject({ codingId: null, gate: { passed: true } });
    const quotes = await app.harness.core.call('quotes-list', {});
    const rick = (quotes.ok ? (quotes.value as Array<{ original: string; gate: { reasons: Array<{ code: string }> } }>) : []).find((q) => q.original.includes('collaborative notes'))!;
    expect(rick.gate.reasons.map((r) => r.code)).toContain('passage-withdrawn');
    expect(app.problems).toEqual([]);
  });

  it('copies a quote: the clipboard gets exactly the gated, pseudonymised text the core returned', async () => {
    const { page } = app;
    await page.getByRole('group', { name: 'Quotes and exports' }).getByRole('button', { name: /Quote bank/ }).click();
    const card = page.getByRole('article').filter({ hasText: 'For me it' });
    await card.getByRole('button', { name: 'Copy' }).click();
    await page.getByRole('status').filter({ hasText: 'Copied, pseudonymised' }).waitFor();
    expect(app.harness.host.clipboardText).toBe("“For me it's hope. When you sit with someone who can say, I've been there, I get it, you're not alone. No degree gives you that.” (Kate, peer support worker)");
    // A blocked quote cannot be copied at all.
    expect(await page.getByRole('article').filter({ hasText: 'Pathways in South Auckland' }).first().getByRole('button', { name: 'Copy' }).isDisabled()).toBe(true);
  });

  it("shows on a withdrawn participant's page what the withdrawal affects", async () => {
    const { page } = app;
    await page.getByRole('button', { name: /Priya Sharma/ }).first().click();
    const effects = page.getByLabel('What the withdrawal affects');
    await effects.waitFor();
    expect(await effects.innerText()).toMatch(/1 transcript \(focus-group-lived-experience, 2 turns\), 2 coded segments and 2 quotes\. None of it can be exported/);
    await effects.getByRole('button', { name: 'Show affected segments' }).click();
    expect(await effects.innerText()).toMatch(/Themes\/Peer roles[\s\S]*peer-nician/);
    await app.screenshot('withdrawal-effects');
    expect(app.problems).toEqual([]);
  });
});
