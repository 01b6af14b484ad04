/**
 * The awkward cases of importing: the same file dropped again (a duplicate, imported again when
 * asked), an empty file among good ones (its one-line reason, the others imported), merging two
 * labels for one man, removing a transcript, the Ctrl+I and Import… pickers, and the register
 * dropped on Participants and exported. The project starts with the three fixtures and the
 * register already in, through the core, as the journey in import-flow.test.ts leaves it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParticipantDetail, SourceSummary, SpeakerReviewRow } from '../../../shared/domain/project';
import { ROOT, type E2EApp } from '../support/app';
import { dropFiles, fixtureFile, textFile } from './drop';
import { HUI, SRT, VTT, core, idOf, landmarks, startWithNewProject } from './import-page';

let app: E2EApp;
const call = <T>(name: string, input: unknown) => core<T>(app, name, input);
const fixturePath = (name: string) => join(ROOT, 'test', 'fixtures', name);
const dropTarget = () => landmarks(app).dropTarget();
const sourcesList = () => landmarks(app).sourcesList();
const review = () => landmarks(app).review();

beforeAll(async () => {
  app = await startWithNewProject();
  await call('import-files', { files: [HUI, VTT, SRT].map((name) => ({ name, path: fixturePath(name) })) });
  await call('participants-import-csv', { fileName: 'participants.csv', csv: readFileSync(fixturePath('participants.csv'), 'utf8') });
  // Every label linked as the review would: to its suggestion, INTERVIEWER to Sam Lee.
  for (const row of await call<SpeakerReviewRow[]>('speakers-review', {})) {
    const participantId = row.label === 'INTERVIEWER' ? await idOf(app, 'Sam Lee') : row.suggestion.participantId;
    await call('speakers-map', { speakerIds: [row.speakerId], participantId, role: row.label === 'INTERVIEWER' ? 'interviewer' : row.suggestion.role });
  }
  await sourcesList().getByRole('button').nth(2).waitFor();
});
afterAll(() => app?.close());

describe('importing: duplicates, bad files, merging, removing', () => {
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
    await expect.poll(() => sourcesList().getByRole('button', { name: /Kaupapa Māori peer service/ }).count()).toBe(2);
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
    const followUpSource = (await call<SourceSummary[]>('sources-list', {})).find((x) => x.fileName === 'follow-up.txt');
    expect(followUpSource?.mode).toBe('tikanga');
    expect(followUpSource?.groupId).toBe(await idOf(app, 'Service 7'));

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
    const geoff = await call<ParticipantDetail>('participant-get', { id: await idOf(app, 'Geoff Baker') });
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
    await chooser.setFiles(fixturePath('workshop-feedback.tsv'));
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
    expect((await call<SourceSummary[]>('sources-list', {})).length).toBe(4);
  });

  it('turns a register’s extra columns into typed attributes, edited on the participant’s page', async () => {
    const { page } = app;
    const csv = ['name,age band,joined,years in role', 'Aroha Ngata,35-44,2009-03-01,6', 'Tama Rewiri,25-34,2008-11-20,4', 'Mere Tawhiri,35-44,2001-05-01,12', 'Koro Hemi,65+,1999-01-01,20'];
    await page.getByLabel('Participant register CSV file').setInputFiles({ name: 'register-extra.csv', mimeType: 'text/csv', buffer: Buffer.from(csv.join('\n')) });
    await page.getByText(/register-extra\.csv: 0 created, 4 updated/).waitFor();
    await page.getByRole('list', { name: 'Participants' }).getByRole('button', { name: /Aroha Ngata/ }).click();
    const attributes = page.getByRole('region', { name: 'Aroha Ngata' }).getByRole('region', { name: 'Attributes' });
    expect(await attributes.getByRole('combobox', { name: 'age band' }).inputValue()).toBe('35-44');
    expect(await attributes.getByLabel('joined').inputValue()).toBe('01/03/2009');
    const years = attributes.getByLabel('years in role (number)');
    expect(await years.inputValue()).toBe('6');

    await attributes.getByRole('combobox', { name: 'age band' }).selectOption('25-34');
    await years.fill('seven');
    await years.press('Enter');
    await attributes.getByRole('alert').waitFor();
    await years.fill('7');
    await years.press('Enter');
    await expect.poll(() => attributes.getByRole('alert').count()).toBe(0);
    const aroha = await call<ParticipantDetail>('participant-get', { id: await idOf(app, 'Aroha Ngata') });
    expect(aroha.attributes).toMatchObject({ 'age band': '25-34', 'years in role': '7', joined: '2009-03-01' });
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
