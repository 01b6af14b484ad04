/**
 * Importing as a researcher does it: drop three transcripts on the window, choose the mode, read
 * the per-file results, import the participant register, review and link the speakers (merging
 * labels, setting a role), edit a participant, and read the transcripts with participants' names.
 * Then the awkward cases: a file dropped twice, an empty file among good ones, removing a copy.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParticipantDetail, SourceSummary } from '../../../shared/domain/project';
import { ROOT, launchApp, openApp, type E2EApp } from '../support/app';
import { dropFiles, fixtureFile, textFile } from './drop';

let app: E2EApp;

const HUI = 'hui-tupu-group-interview.txt';
const VTT = 'focus-group-lived-experience.vtt';
const SRT = 'individual-interview-manager.srt';
const HUI_TITLE = 'Group interview, Kaupapa Māori peer service (day 2)';

beforeAll(async () => {
  app = await launchApp({ userName: 'Aroha Ngata', viewport: { width: 1280, height: 820 } });
  // A step that fails should say so quickly, not after 30 s (and not hold up every later step).
  app.page.setDefaultTimeout(10_000);
  await openApp(app);
  await app.page.getByRole('button', { name: /New project/ }).click();
  await app.page.getByLabel('Project name').fill('Te Whare Oranga peer study');
  await app.page.getByRole('button', { name: 'Create project' }).click();
  await app.page.getByRole('heading', { name: 'Te Whare Oranga peer study', level: 1 }).waitFor();
});
afterAll(() => app?.close());

async function core<T>(name: string, input: unknown): Promise<T> {
  const env = await app.harness.core.call(name as never, input as never);
  if (!env.ok) throw new Error(env.error.message);
  return env.value as T;
}

/** The panes: files dropped anywhere on them are imported. */
const dropTarget = () => app.page.getByRole('main');
const sourcesList = () => app.page.getByRole('list', { name: 'Sources' });
const review = () => app.page.getByRole('region', { name: 'Review speakers' });
const reviewRow = (label: string, source?: RegExp) => {
  const rows = review().getByRole('row').filter({ has: app.page.getByText(label, { exact: true }) });
  return source ? rows.filter({ hasText: source }) : rows;
};

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
    const sources = await core<SourceSummary[]>('sources-list', {});
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
    const rows = await core<Array<{ label: string; participantId: number | null; role: string; suggestion: { name: string } }>>('speakers-review', {});
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
    expect((await core<unknown[]>('participants-list', {})).length).toBe(14);
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
    await expect.poll(async () => (await core<ParticipantDetail>('participant-get', { id: await idOf('Aroha Ngata') })).consent?.reviewSentOn).toBe('2010-07-03');

    const returned = detail.getByLabel('Review returned');
    await returned.fill('31/02/2010');
    await returned.press('Enter');
    await detail.getByText('31/02/2010 is not a date in the calendar', { exact: false }).waitFor();
    await returned.fill('');
    await returned.press('Enter');
    await expect.poll(() => detail.getByRole('alert').count()).toBe(0);

    await detail.getByRole('group', { name: 'May be quoted' }).getByText('Unknown').click();
    await expect.poll(async () => (await core<ParticipantDetail>('participant-get', { id: await idOf('Aroha Ngata') })).consent?.quote).toBe('unknown');
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
    const id = (await core<SourceSummary[]>('sources-list', {})).find((s) => s.fileName === SRT)?.id;
    await expect.poll(async () => (await core<{ location: string; sessionDate: string; groupId: number }>('source-get', { sourceId: id })).sessionDate).toBe('2010-08-02');
    const after = await core<{ location: string; groupId: number }>('source-get', { sourceId: id });
    expect(after.location).toBe('Ōtautahi');
    expect(after.groupId).toBe(await idOf('Service 7'));
    await expect.poll(() => sourcesList().getByRole('button', { name: /manager/i }).innerText()).toContain('02/08/2010');
    await pane.getByRole('button', { name: 'Details' }).click();
  });

  it('reports a file dropped again as a duplicate, and imports it again when asked', async () => {
    const { page } = app;
    await dropFiles(page, dropTarget(), [fixtureFile(HUI)]);
    await page.getByRole('dialog', { name: 'Import transcripts' }).getByRole('button', { name: 'Import 1 file' }).click();
    const results = page.getByRole('dialog', { name: 'Import results' });
    await results.waitFor();
    const line = results.getByRole('listitem').filter({ hasText: HUI });
    expect(await line.innerText()).toContain('Duplicate · Same content as “Group interview, Kaupapa Māori peer service (day 2)”, already in this project.');
    await line.getByText('Import again anyway?').waitFor();
    await line.getByRole('button', { name: 'Import again anyway' }).click();
    await line.getByText('Imported', { exact: true }).waitFor();
    expect(await sourcesList().getByRole('button', { name: /Kaupapa Māori peer service/ }).count()).toBe(2);
    await results.getByRole('button', { name: 'Done' }).click();
    await results.waitFor({ state: 'detached' });
  });

  it('imports the good files when one is bad, giving the bad one’s reason in one line', async () => {
    const { page } = app;
    const followUp = 'Title: Follow-up interview, Service 7\nDate: 2010-09-14\n\nGEOFF: We changed supervision after the last round.\n\nGeoff: And the notes stay with the peer, always.\n';
    await dropFiles(page, page.getByRole('list', { name: 'Sources' }), [textFile('empty.txt', ''), textFile('follow-up.txt', followUp)]);
    const setup = page.getByRole('dialog', { name: 'Import transcripts' });
    // A mode chosen here overrides the files' headers; a "new" group that exists already is reused.
    await setup.getByText('Tikanga-based', { exact: true }).click();
    await setup.getByRole('combobox', { name: 'Group (optional)' }).selectOption('New group…');
    await setup.getByLabel('New group name').fill('service 7');
    await setup.getByRole('button', { name: 'Import 2 files' }).click();
    const results = page.getByRole('dialog', { name: 'Import results' });
    await results.getByText('1 imported · 1 failed').waitFor();
    expect(await results.getByRole('listitem').filter({ hasText: 'empty.txt' }).innerText()).toMatch(/^!?\s*empty\.txt\s+Failed · The file is empty \(0 bytes\)$/);
    expect(await results.getByRole('listitem').filter({ hasText: 'follow-up.txt' }).innerText()).toContain('Imported');
    const followUpSource = (await core<SourceSummary[]>('sources-list', {})).find((x) => x.fileName === 'follow-up.txt');
    expect(followUpSource?.mode).toBe('tikanga');
    expect(followUpSource?.groupId).toBe(await idOf('Service 7'));

    // GEOFF and Geoff are one man: tick both and merge them into one participant.
    await page.keyboard.press('Enter');
    await review().waitFor();
    await expect.poll(() => review().getByRole('checkbox').count()).toBe(2);
    await review().getByRole('checkbox', { name: /Select GEOFF/ }).check();
    await review().getByRole('checkbox', { name: /Select Geoff/ }).check();
    await review().getByRole('button', { name: 'Merge into one participant…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge 2 speaker labels into one participant' });
    await dialog.getByRole('combobox', { name: 'Participant' }).fill('geoff');
    expect(await dialog.getByRole('listbox').getByRole('option', { selected: true }).innerText()).toContain('Geoff Baker');
    await dialog.getByRole('button', { name: 'Merge and link' }).click();
    await review().getByText('All 2 speaker labels are linked.', { exact: false }).waitFor();
    const geoff = await core<ParticipantDetail>('participant-get', { id: await idOf('Geoff Baker') });
    expect(geoff.speakers.map((s) => s.label).sort()).toEqual(['GEOFF', 'GEOFF', 'Geoff']);
  });

  it('removes a transcript after saying what would be lost', async () => {
    const { page } = app;
    await sourcesList().getByRole('button', { name: /Kaupapa Māori peer service/ }).last().click();
    const pane = page.getByRole('region', { name: /Kaupapa Māori peer service/ });
    await pane.getByRole('button', { name: 'Details' }).click();
    await pane.getByRole('button', { name: 'Remove transcript…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove transcript?' });
    expect(await confirm.innerText()).toContain('It has no codings yet, so no coding is lost.');
    await page.keyboard.press('Enter');
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => sourcesList().getByRole('button', { name: /Kaupapa Māori peer service/ }).count()).toBe(1);
    await page.getByText('Select a transcript on the left to read and code it.').waitFor();
  });

  it('opens the file picker from Ctrl+I and from the Import… button', async () => {
    const { page } = app;
    const picked = page.waitForEvent('filechooser');
    await page.keyboard.press('Control+I');
    const chooser = await picked;
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles(join(ROOT, 'test', 'fixtures', 'workshop-feedback.tsv'));
    const dialog = page.getByRole('dialog', { name: 'Import transcripts' });
    await dialog.getByText('workshop-feedback.tsv').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    const again = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import…' }).click();
    await (await again).setFiles([]);
  });

  it('updates the register from a CSV dropped on the Participants section', async () => {
    const { page } = app;
    const panel = page.getByRole('region', { name: 'Participants' });
    await dropFiles(page, panel.getByRole('list', { name: 'Participants' }), [fixtureFile('participants.csv')], async () => {
      await panel.getByText('Drop a participant register (.csv) to import it').waitFor();
      // Over Participants the register zone lights up, not the transcript drop zone.
      expect(await page.getByTestId('drop-overlay').count()).toBe(0);
    });
    await panel.getByText(/participants\.csv: 0 created, 10 updated/).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect((await core<SourceSummary[]>('sources-list', {})).length).toBe(4);
  });

  it('exports the register as a CSV download', async () => {
    const { page } = app;
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export register (CSV)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
  });

  it('ran without console errors or CSP violations', () => {
    expect(app.problems).toEqual([]);
  });
});

async function idOf(name: string): Promise<number> {
  const all = await core<Array<{ id: number; name: string }>>('participants-list', {});
  const found = all.find((p) => p.name === name);
  if (!found) throw new Error(`no participant named ${name}`);
  return found.id;
}
