/**
 * Importing as a researcher does it: drop three transcripts on the window, choose the mode, read
 * the per-file results, import the participant register, review and link the speakers (choosing
 * someone through the quick picker, setting a role, accepting the rest), edit a participant, read
 * the transcripts with participants' names and edit a transcript's details.
 * The awkward cases (duplicates, bad files, merging labels, removing) are in import-awkward.test.ts.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParticipantDetail, SourceSummary } from '../../../shared/domain/project';
import { ROOT, type E2EApp } from '../support/app';
import { dropFiles, fixtureFile } from './drop';
import { HUI, HUI_TITLE, SRT, VTT, core, idOf, landmarks, startWithNewProject } from './import-page';

let app: E2EApp;

beforeAll(async () => {
  app = await startWithNewProject();
});
afterAll(() => app?.close());

const call = <T>(name: string, input: unknown) => core<T>(app, name, input);
const dropTarget = () => landmarks(app).dropTarget();
const sourcesList = () => landmarks(app).sourcesList();
const review = () => landmarks(app).review();
const reviewRow = (label: string) => review().getByRole('row').filter({ has: app.page.getByText(label, { exact: true }) });

describe('importing transcripts and the participant register', () => {
  it('imports three dropped files, with the mode from their headers, and lists each result', async () => {
    const { page } = app;
    await dropFiles(page, dropTarget(), [fixtureFile(HUI), fixtureFile(VTT), fixtureFile(SRT)], async () => {
      // While files are over the window, the drop zone lights up.
      await page.getByTestId('drop-overlay').waitFor();
      expect(await page.getByText('Drop transcripts to import').isVisible()).toBe(true);
    });
    expect(await page.getByTestId('drop-overlay').count()).toBe(0);

    const dialog = page.getByRole('dialog', { name: 'Import transcripts' });
    await dialog.waitFor();
    expect(await dialog.getByRole('list', { name: 'Files to import' }).innerText()).toMatch(new RegExp(`${HUI}[\\s\\S]*${VTT}[\\s\\S]*${SRT}`));
    await dialog.getByText('From file header').click();
    expect(await dialog.getByRole('radio', { name: /From file header/ }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Import 3 files' }).click();

    const results = page.getByRole('dialog', { name: 'Import results' });
    await results.waitFor();
    const items = results.getByRole('list', { name: 'Import results' }).getByRole('listitem');
    expect(await items.count()).toBe(3);
    await results.getByText('3 imported').waitFor();
    const hui = items.filter({ hasText: HUI_TITLE });
    expect(await hui.innerText()).toMatch(/Imported · hui-tupu-group-interview\.txt · [\d,]+ words · 5 speakers/);
    expect(await items.filter({ hasText: VTT }).innerText()).toMatch(/Imported[\s\S]*4 speakers/);
    expect(await items.filter({ hasText: SRT }).innerText()).toMatch(/Imported[\s\S]*2 speakers/);
    await app.screenshot('import-results');

    // The hui's header says tikanga-based; the others have none, so they are mainstream.
    const sources = await call<SourceSummary[]>('sources-list', {});
    expect(sources.map((s) => [s.fileName, s.mode])).toEqual([
      [HUI, 'tikanga'],
      [VTT, 'mainstream'],
      [SRT, 'mainstream'],
    ]);
    expect(await sourcesList().getByRole('button').count()).toBe(3);
  });

  it('opens the speaker review for the new transcripts, with suggestions read from the labels', async () => {
    const { page } = app;
    await page.getByRole('dialog', { name: 'Import results' }).getByRole('button', { name: 'Review speakers' }).click();
    await review().waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    // 5 + 4 + 2 labels, one checkbox each.
    await expect.poll(() => review().getByRole('checkbox').count()).toBe(11);
    expect(await reviewRow('Facilitator (Sam Lee)').innerText()).toContain('new: Sam Lee (facilitator)');
    expect(await reviewRow('INTERVIEWER').getByLabel('Role of INTERVIEWER').inputValue()).toBe('interviewer');
  });

  it('imports the register CSV from the participants panel, and the suggestions follow it', async () => {
    const { page } = app;
    const panel = page.getByRole('region', { name: 'Participants' });
    await panel.getByLabel('Participant register CSV file').setInputFiles(join(ROOT, 'test', 'fixtures', 'participants.csv'));
    await panel.getByText(/participants\.csv: 10 created, 0 updated, 4 groups created/).waitFor();
    const list = panel.getByRole('list', { name: 'Participants' });
    await list.getByRole('button', { name: /Te Whare Oranga rōpū/ }).waitFor();
    expect(await list.getByRole('button', { name: /Te Whare Oranga rōpū/ }).innerText()).toContain('Group · 4 members');

    // Sam Lee is in the register now: the suggestion names him instead of proposing someone new.
    await expect.poll(() => reviewRow('Facilitator (Sam Lee)').innerText()).not.toContain('new:');
    expect(await reviewRow('Facilitator (Sam Lee)').innerText()).toContain('Sam Lee');
    expect(await reviewRow('GEOFF').innerText()).toContain('Geoff Baker');
  });

  it('links INTERVIEWER as an interviewer through the quick picker, macrons optional', async () => {
    const { page } = app;
    const choose = reviewRow('INTERVIEWER').getByRole('button', { name: 'Choose participant for INTERVIEWER' });
    await choose.click();
    const dialog = page.getByRole('dialog', { name: 'Link “INTERVIEWER”' });
    await dialog.waitFor();
    const search = dialog.getByRole('combobox', { name: 'Participant' });
    const options = dialog.getByRole('listbox', { name: 'Matching participants' }).getByRole('option');

    // Escape closes the dialog and gives focus back to the button that opened it.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await choose.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await choose.click();

    await search.fill('ropu');
    await options.filter({ hasText: 'Te Whare Oranga rōpū' }).first().waitFor();
    await search.fill('mere');
    expect(await options.first().innerText()).toContain('Mere Tawhiri');
    await search.fill('sam');
    expect(await options.first().innerText()).toContain('Sam Lee');
    expect(await options.first().getAttribute('aria-selected')).toBe('true');
    expect(await dialog.getByLabel('Role in this session').inputValue()).toBe('interviewer');
    // Enter takes the highlighted participant: the primary action.
    await search.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => reviewRow('INTERVIEWER').innerText()).toContain('Linked to Sam Lee');
    // The review as it stands mid-way: suggestions from the register, one label linked.
    await app.screenshot('speaker-review');
  });

  it('accepts every other suggestion in one click', async () => {
    const { page } = app;
    await review().getByRole('button', { name: 'Accept all suggestions' }).click();
    await review().getByText('All 11 speaker labels are linked.', { exact: false }).waitFor();
    const rows = await call<Array<{ label: string; participantId: number | null; role: string; suggestion: { name: string } }>>('speakers-review', {});
    expect(rows.every((r) => r.participantId !== null)).toBe(true);
    const who = Object.fromEntries(rows.map((r) => [r.label, `${r.suggestion.name} (${r.role})`]));
    expect(who).toMatchObject({
      INTERVIEWER: 'Sam Lee (interviewer)',
      GEOFF: 'Geoff Baker (participant)',
      'Facilitator (Sam Lee)': 'Sam Lee (facilitator)',
      'Koro Hemi': 'Koro Hemi (kaumātua)',
      'Waiata Henare': 'Waiata Henare (facilitator)',
    });
    // No one was created twice: the register's ten people and four groups, nobody else.
    expect((await call<unknown[]>('participants-list', {})).length).toBe(14);
    await page.getByRole('region', { name: 'Review speakers' }).getByRole('button', { name: 'Close' }).click();
  });

  it('edits a participant in place: saved at once, dates in NZ form, errors inline', async () => {
    const { page } = app;
    await page.getByRole('list', { name: 'Participants' }).getByRole('button', { name: /Aroha Ngata/ }).click();
    const detail = page.getByRole('region', { name: 'Aroha Ngata' });
    await detail.waitFor();
    expect(await detail.getByLabel('Pseudonym').inputValue()).toBe('Huia');
    expect(await detail.getByRole('group', { name: 'May be named' }).getByRole('radio', { name: 'No', exact: true }).isChecked()).toBe(true);
    expect(await detail.getByText('Te Whare Oranga rōpū').first().isVisible()).toBe(true);
    expect(await detail.getByRole('region', { name: 'In transcripts' }).innerText()).toContain(HUI_TITLE);

    const sent = detail.getByLabel('Transcript review sent');
    await sent.fill('3/7/2010');
    await sent.press('Tab');
    await expect.poll(() => sent.inputValue()).toBe('03/07/2010');
    await expect.poll(async () => (await call<ParticipantDetail>('participant-get', { id: await idOf(app, 'Aroha Ngata') })).consent?.reviewSentOn).toBe('2010-07-03');

    const returned = detail.getByLabel('Review returned');
    await returned.fill('31/02/2010');
    await returned.press('Enter');
    await detail.getByText('31/02/2010 is not a date in the calendar', { exact: false }).waitFor();
    await returned.fill('');
    await returned.press('Enter');
    await expect.poll(() => detail.getByRole('alert').count()).toBe(0);

    await detail.getByRole('group', { name: 'May be quoted' }).getByText('Unknown').click();
    await expect.poll(async () => (await call<ParticipantDetail>('participant-get', { id: await idOf(app, 'Aroha Ngata') })).consent?.quote).toBe('unknown');
    const notes = detail.getByLabel('Notes', { exact: true });
    await notes.fill('Prefers kōrero kanohi ki te kanohi.');
    await detail.getByLabel('Role').click();
    await detail.getByText('Saved').waitFor();

    // A name another person has is refused, inline, in the core's words.
    const name = detail.getByLabel('Name', { exact: true });
    await name.fill('Tama Rewiri');
    await name.press('Enter');
    await detail.getByText("There is already a person named 'Tama Rewiri'", { exact: false }).waitFor();
    await page.keyboard.press('Escape');
    expect(await name.inputValue()).toBe('Aroha Ngata');
    await name.blur();
    await detail.getByText(/^Person · shown in exports as/).scrollIntoViewIfNeeded();
    await app.screenshot('participant-detail');
  });

  it('shows the transcripts with the participants’ names in place of the labels', async () => {
    const { page } = app;
    const speakersIn = async (title: RegExp) => {
      await sourcesList().getByRole('button', { name: title }).click();
      const view = page.getByTestId('transcript-view');
      await view.locator('.tv-speaker').first().waitFor();
      return new Set(await view.locator('.tv-speaker').allTextContents());
    };
    expect(await speakersIn(/Kaupapa Māori peer service/)).toEqual(new Set(['Waiata Henare', 'Aroha Ngata', 'Tama Rewiri', 'Mere Tawhiri', 'Koro Hemi']));
    expect(await speakersIn(/focus-group-lived-experience|lived experience/i)).toEqual(new Set(['Sam Lee', 'Rachel Moana', 'David Chen', 'Priya Sharma']));
    expect(await speakersIn(/individual-interview-manager|manager/i)).toEqual(new Set(['Sam Lee', 'Geoff Baker']));
    await app.screenshot('transcript-after-import');
  });

  it('edits a transcript’s details from the Details toggle', async () => {
    const { page } = app;
    const pane = page.getByRole('region', { name: /manager/i });
    await pane.getByRole('button', { name: 'Details' }).click();
    const details = pane.getByRole('region', { name: 'Transcript details' });
    await details.getByLabel('Location').fill('Ōtautahi');
    await details.getByLabel('Session date').fill('2/8/2010');
    await details.getByLabel('Session date').press('Enter');
    await details.getByLabel('Group').selectOption({ label: 'Service 7' });
    const id = (await call<SourceSummary[]>('sources-list', {})).find((s) => s.fileName === SRT)?.id;
    const groupId = await idOf(app, 'Service 7');
    // Each field saves on its own; wait until all three have landed.
    await expect
      .poll(async () => {
        const s = await call<{ location: string; sessionDate: string; groupId: number | null }>('source-get', { sourceId: id });
        return { location: s.location, sessionDate: s.sessionDate, groupId: s.groupId };
      })
      .toEqual({ location: 'Ōtautahi', sessionDate: '2010-08-02', groupId });
    await expect.poll(() => sourcesList().getByRole('button', { name: /manager/i }).innerText()).toContain('02/08/2010');
    await pane.getByRole('button', { name: 'Details' }).click();
  });

  it('ran without console errors or CSP violations', () => {
    expect(app.problems).toEqual([]);
  });
});
