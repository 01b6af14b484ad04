/**
 * An Otter export and a Rev export dropped on the window: the results show each file's title
 * (editable), mode and times; the review finds their speakers, links them, marks a label that is
 * not a speaker, undoes that, and splits a label by giving one of its turns to a new label.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceDetail, SourceSummary, SpeakerReviewRow } from '../../../shared/domain/project';
import type { E2EApp } from '../support/app';
import { dropFiles, textFile } from './drop';
import { core, landmarks, startWithNewProject } from './import-page';

// Written in the shapes the services export: Otter (`Name  m:ss` then the text), Rev (`Name (hh:mm:ss):`).
const OTTER = [
  'Hui at Waiwhetū marae',
  'Sat, 3 May 2025 9:30AM • 1:05:12',
  '',
  'Mere Tawhiri  0:04',
  'Tēnā koutou katoa. We start with a karakia.',
  '',
  'Background  0:40',
  'Tape changed; the kōrero before this is on the first file.',
  '',
  'Hēmi Te Whata  1:02:15',
  'Kia ora, Mere. My koro told me: the whenua remembers.',
  '',
  'Background  1:03:00',
  'Microphone moved closer to the kuia.',
  '',
  'Mere Tawhiri  1:04:58',
  'Ka pai. Mā te wā.',
  '',
  'Transcribed by https://otter.ai',
  '',
].join('\n');

const REV = [
  'Interview, peer support worker',
  '',
  'Speaker 1 (00:00:05):',
  'Thanks for coming. How did it start?',
  '',
  'Ngaire Pōtae (00:00:12):',
  'With a phone call from my cousin. She said: come and see.',
  '',
  'Speaker 1 (00:01:30):',
  'And the second interviewer asks: what now?',
  '',
  'Ngaire Pōtae (01:05:30):',
  'Now I run the group.',
  '',
].join('\n');

let app: E2EApp;
beforeAll(async () => {
  app = await startWithNewProject();
});
afterAll(() => app?.close());

const call = <T>(name: string, input: unknown) => core<T>(app, name, input);
const review = () => landmarks(app).review();
const reviewRow = (label: string) => review().getByRole('row').filter({ has: app.page.getByText(label, { exact: true }) });
const labels = () => call<SpeakerReviewRow[]>('speakers-review', {});
const sourceOf = async (fileName: string) => {
  const s = (await call<SourceSummary[]>('sources-list', {})).find((x) => x.fileName === fileName)!;
  return call<SourceDetail>('source-get', { sourceId: s.id });
};

describe('importing Otter and Rev exports and reviewing their speakers', () => {
  it('drops both files and shows each title (editable), where it came from, mode and times', async () => {
    const { page } = app;
    await dropFiles(page, landmarks(app).dropTarget(), [textFile('hui-waiwhetu.txt', OTTER), textFile('rev-ngaire.txt', REV)]);
    const dialog = page.getByRole('dialog', { name: 'Import transcripts' });
    await dialog.getByRole('button', { name: 'Import 2 files' }).click();
    const results = page.getByRole('dialog', { name: 'Import results' });
    await results.getByText('2 imported').waitFor();
    const items = results.getByRole('list', { name: 'Import results' }).getByRole('listitem');
    const otter = items.filter({ hasText: 'hui-waiwhetu.txt' });
    const rev = items.filter({ hasText: 'rev-ngaire.txt' });
    expect(await otter.innerText()).toMatch(/Imported · hui-waiwhetu\.txt · [\d,]+ words · 3 speakers/);
    expect(await otter.getByLabel('Title of hui-waiwhetu.txt').inputValue()).toBe('Hui at Waiwhetū marae');
    expect(await otter.innerText()).toContain('from the file’s own title line');
    expect(await otter.innerText()).toContain('Mainstream · Timed: each turn keeps its start time');
    expect(await rev.innerText()).toMatch(/2 speakers/);

    // The person changes a title right there; Enter saves it.
    const title = rev.getByLabel('Title of rev-ngaire.txt');
    expect(await title.inputValue()).toBe('Interview, peer support worker');
    await title.fill('Interview with Ngaire Pōtae');
    await title.press('Enter');
    await expect.poll(async () => (await sourceOf('rev-ngaire.txt')).title).toBe('Interview with Ngaire Pōtae');
    await expect.poll(() => rev.locator('.result-title').innerText()).toBe('Interview with Ngaire Pōtae');
    await app.screenshot('import-otter-rev-results');
  });

  it('finds the speakers of both files, with times kept on every turn', async () => {
    const { page } = app;
    await page.getByRole('dialog', { name: 'Import results' }).getByRole('button', { name: 'Review speakers' }).click();
    await review().waitFor();
    await expect.poll(() => review().getByRole('checkbox').count()).toBe(5);
    for (const label of ['Mere Tawhiri', 'Background', 'Hēmi Te Whata', 'Speaker 1', 'Ngaire Pōtae']) await reviewRow(label).waitFor();
    expect(await reviewRow('Mere Tawhiri').innerText()).toMatch(/2[\s\S]*new: Mere Tawhiri/);
    const otter = await sourceOf('hui-waiwhetu.txt');
    expect(otter.blocks.filter((b) => b.kind === 'turn').map((b) => b.startMs)).toEqual([4000, 40_000, 3_735_000, 3_780_000, 3_898_000]);
  });

  it('marks "Background" Not a speaker, links the rest, and undoes the Not a speaker', async () => {
    const { page } = app;
    const codingsBefore = await call<unknown[]>('codings-list', { sourceId: (await sourceOf('hui-waiwhetu.txt')).id });
    await reviewRow('Background').getByRole('button', { name: 'Background is not a speaker' }).click();
    await expect.poll(() => reviewRow('Background').innerText()).toContain('Not a speaker: its text stays in the transcript');
    let otter = await sourceOf('hui-waiwhetu.txt');
    const note = otter.speakers.find((s) => s.label === 'Background')!;
    expect(otter.blocks.filter((b) => b.labelId === note.id).map((b) => [b.kind, b.speakerId])).toEqual([
      ['text', null],
      ['text', null],
    ]);

    await review().getByRole('button', { name: 'Accept all suggestions' }).click();
    await review().getByText('All 4 speaker labels are linked (1 label marked not a speaker).', { exact: false }).waitFor();
    const rows = await labels();
    expect(rows.filter((r) => r.participantId === null).map((r) => r.label)).toEqual(['Background']);
    expect(rows.find((r) => r.label === 'Hēmi Te Whata')?.suggestion.name).toBe('Hēmi Te Whata');
    await app.screenshot('speaker-review-not-a-speaker');

    // The status bar offers the undo by name; one step puts the label's turn back.
    const undo = page.getByTestId('undo-button');
    await expect.poll(() => undo.innerText()).toBe('Undo: Not a speaker: "Background"');
    await undo.click();
    await expect.poll(() => reviewRow('Background').innerText()).toContain('new: Background');
    await reviewRow('Background').getByRole('button', { name: 'Background is not a speaker' }).waitFor();
    otter = await sourceOf('hui-waiwhetu.txt');
    expect(otter.blocks.filter((b) => b.speakerId === note.id).map((b) => b.kind)).toEqual(['turn', 'turn']);
    expect(await call<unknown[]>('codings-list', { sourceId: otter.id })).toEqual(codingsBefore);
    await app.screenshot('speaker-review-undone');
  });

  it('splits "Speaker 1": one of its turns goes to a new label, which joins the review', async () => {
    const { page } = app;
    await reviewRow('Speaker 1').getByRole('button', { name: 'Turns of Speaker 1' }).click();
    const dialog = page.getByRole('dialog', { name: 'Turns of “Speaker 1”' });
    await dialog.waitFor();
    const turns = dialog.getByRole('list', { name: 'Turns of Speaker 1' }).getByRole('listitem');
    expect(await turns.count()).toBe(2);
    expect(await turns.nth(1).innerText()).toMatch(/1:30[\s\S]*And the second interviewer asks/);
    await turns.nth(1).getByRole('checkbox').check();
    await dialog.getByLabel('New label').fill('Speaker 2');
    await app.screenshot('speaker-turns-dialog');
    await dialog.getByRole('button', { name: 'Give 1 turn to “Speaker 2”' }).click();
    await dialog.waitFor({ state: 'detached' });
    await reviewRow('Speaker 2').waitFor();
    expect(await reviewRow('Speaker 2').innerText()).toMatch(/1[\s\S]*new: Speaker 2/);
    const rev = await sourceOf('rev-ngaire.txt');
    const s2 = rev.speakers.find((s) => s.label === 'Speaker 2')!;
    const moved = rev.blocks.filter((b) => b.speakerId === s2.id);
    expect(moved.map((b) => rev.text.slice(b.start, b.end))).toEqual(['And the second interviewer asks: what now?']);
    await app.screenshot('speaker-review-split');
  });

  it('shows text whose label is not a speaker under that label, credited to no one', async () => {
    const { page } = app;
    await reviewRow('Background').getByRole('button', { name: 'Background is not a speaker' }).click();
    await expect.poll(() => reviewRow('Background').innerText()).toContain('Not a speaker');
    await review().getByRole('button', { name: 'Close' }).click();
    await landmarks(app).sourcesList().getByRole('button', { name: /Hui at Waiwhetū marae/ }).click();
    const view = page.getByTestId('transcript-view');
    await view.locator('.tv-not-speaker').first().waitFor();
    expect(await view.locator('.tv-not-speaker .tv-head-label').allTextContents()).toEqual(['Background', 'Background']);
    expect(new Set(await view.locator('.tv-speaker').allTextContents())).toEqual(new Set(['Mere Tawhiri', 'Hēmi Te Whata']));
    expect(await view.innerText()).toContain('Tape changed; the kōrero before this is on the first file.');
    await app.screenshot('transcript-not-a-speaker');
  });
});
