/**
 * Never-exported talk in the transcript view: a passage marked withdrawn shows its mark (a
 * highlight over its words, a hatched margin bar and a badge whose tooltip gives the reason) as
 * soon as it is marked, and goes when the mark is removed; a withdrawn participant's turns are
 * marked with who and when. The text stays text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FocalApi } from '../../../shared/api/client';
import type { SourceDetail } from '../../../shared/domain/project';
import { importAndMap } from '../../core/export/fixture-project';
import { launchApp, openApp, type E2EApp, createProjectInPage, coreApi } from '../support/app';
import { VIEW, openSource } from './view-page';

let app: E2EApp;
let api: FocalApi;
let hui: SourceDetail;

/** What the page shows for the marks: marked blocks, their tooltips and badges, and the highlight's text. Runs in the page. */
const READ_MARKS = `(() => {
  const blocks = Array.from(document.querySelectorAll('${VIEW} .tv-nx-block'));
  const h = CSS.highlights.get('tv-nx-withdrawn');
  return {
    blocks: blocks.map((b) => {
      const who = b.querySelector(':scope > .tv-who');
      return { id: Number(b.dataset.blockId), title: who ? who.title : b.title, badge: who ? getComputedStyle(who, '::after').content : '', bar: getComputedStyle(who ?? b, '::before').backgroundImage };
    }),
    highlighted: h ? Array.from(h).map((r) => r.toString()) : [],
  };
})()`;
type Marks = { blocks: Array<{ id: number; title: string; badge: string; bar: string }>; highlighted: string[] };
const readMarks = () => app.page.evaluate(READ_MARKS) as Promise<Marks>;

beforeAll(async () => {
  app = await launchApp({ userName: 'Mere Analyst', viewport: { width: 1300, height: 850 } });
  await openApp(app);
  await createProjectInPage(app, 'Peer support study');
  api = coreApi(app);
  await importAndMap(api);
  hui = await api['source-get']({ sourceId: (await api['sources-list']({})).find((s) => s.mode === 'tikanga')!.id });
}, 60_000);
afterAll(() => app?.close());

describe('never-exported talk in the transcript', () => {
  it('marks a passage as soon as it is marked withdrawn, with the reason in its tooltip, and unmarks it', async () => {
    const { page } = app;
    await openSource(page, /Group interview/);
    // Mere's turn notes "[Kōrero withdrawn from the record at the request of the speaker.]": the gate never exports it, so it is marked from the start.
    const noted = hui.blocks.find((b) => b.kind === 'turn' && hui.text.slice(b.start, b.end).includes('[Kōrero withdrawn'))!;
    await page.locator(`${VIEW} [data-block-id="${noted.id}"].tv-nx-block`).waitFor();
    const notedMark = { id: noted.id, title: "Withdrawn at the speaker's request (noted in the transcript) — never exported", badge: '"Withdrawn · never exported"', bar: expect.stringContaining('repeating-linear-gradient') };
    expect(await readMarks()).toEqual({ blocks: [notedMark], highlighted: [hui.text.slice(noted.start, noted.end)] });

    const phrase = "If they're at the top of the stats for Porirua, we tell them we'll have to call someone.";
    const start = hui.text.indexOf(phrase);
    const turn = hui.blocks.find((b) => b.kind === 'turn' && b.start <= start && start < b.end)!;
    const mark = await api['passage-mark-add']({ sourceId: hui.id, start, end: start + phrase.length, kind: 'withdrawn', reason: 'not for the report' });

    // The core's "changed" event refreshes the view: no reload.
    await page.locator(`${VIEW} [data-block-id="${turn.id}"].tv-nx-block`).waitFor();
    const marks = await readMarks();
    expect(noted.start).toBeLessThan(turn.start);
    expect(marks.blocks).toEqual([
      notedMark,
      { id: turn.id, title: "Withdrawn at the speaker's request (not for the report) — never exported", badge: '"Withdrawn · never exported"', bar: expect.stringContaining('repeating-linear-gradient') },
    ]);
    expect(marks.highlighted.sort()).toEqual([hui.text.slice(noted.start, noted.end), phrase].sort());
    // Still text in the page, untouched.
    expect(await page.locator(`${VIEW} [data-block-id="${turn.id}"] .tv-body`).innerText()).toBe(hui.text.slice(turn.start, turn.end));
    await page.locator(`${VIEW} [data-block-id="${turn.id}"]`).scrollIntoViewIfNeeded();
    await page.locator(`${VIEW} [data-block-id="${turn.id}"] .tv-who`).hover();
    await app.screenshot('transcript-withdrawn-passage');

    await api['passage-mark-remove']({ id: mark.id });
    await page.locator(`${VIEW} [data-block-id="${turn.id}"].tv-nx-block`).waitFor({ state: 'detached' });
    expect(await readMarks()).toEqual({ blocks: [notedMark], highlighted: [hui.text.slice(noted.start, noted.end)] });
    expect(app.problems).toEqual([]);
  });

  it("marks a withdrawn participant's turns, saying who withdrew and when", async () => {
    const { page } = app;
    await openSource(page, /focus-group/);
    const fg = await api['source-get']({ sourceId: (await api['sources-list']({})).find((s) => s.format === 'vtt')!.id });
    const priya = (await api['participants-list']({})).find((p) => p.name === 'Priya Sharma')!.id;
    const turns = fg.blocks.filter((b) => b.kind === 'turn' && fg.speakers.find((s) => s.id === b.speakerId)?.participantId === priya);
    expect(turns.length).toBeGreaterThan(0);
    await page.locator(`${VIEW} [data-block-id="${turns[0]!.id}"].tv-nx-block`).waitFor();
    const marks = await readMarks();
    expect(marks.blocks.map((b) => b.id)).toEqual(turns.map((t) => t.id));
    for (const b of marks.blocks) expect(b.title).toBe('Priya Sharma withdrew from the study on 01/09/2010 — their talk is never exported');
    expect(marks.highlighted).toEqual(turns.map((t) => fg.text.slice(t.start, t.end)));
    await app.screenshot('transcript-withdrawn-participant');
    expect(app.problems).toEqual([]);
  });
});
