/**
 * Issue 12: an analyst (not the kaitiaki) sees •••• for a restricted (tapu) passage in "Review
 * identifiers" under the quote card and in the Pseudonyms view, which used to show it whole; the
 * page never holds its words. The kaitiaki still sees them in the same review.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KAITIAKI_PASSPHRASE } from './kaitiaki-page';
import { ROOT, launchApp, openApp, type E2EApp, createProjectInPage, coreApi } from '../support/app';
import { openTikangaTo } from '../../support/open-frames';

const MARKER = 'Tapuwhenuamarker';
let app: E2EApp;
let ropuId = 0;

function workAs(userName: string) {
  app.harness.core.state.setPrefs({ userName });
  app.harness.core.emit('changed', { kinds: ['participants', 'sources', 'quotes', 'pseudonyms'] });
}

beforeAll(async () => {
  app = await launchApp({ userName: 'Hine Analyst', viewport: { width: 1400, height: 900 } });
  await openApp(app);
  await createProjectInPage(app, 'Hui masking');
  const api = coreApi(app);
  await api['participants-import-csv']({ fileName: 'participants.csv', csv: readFileSync(join(ROOT, 'test/fixtures/participants.csv'), 'utf8') });
  const file = join(app.workDir, '..', 'hui-tupu-group-interview.txt');
  writeFileSync(file, readFileSync(join(ROOT, 'test/fixtures/hui-tupu-group-interview.txt'), 'utf8').replace('Jason Whitu', `${MARKER} Whitu ${MARKER}`));
  const [res] = await api['import-files']({ files: [{ name: 'hui-tupu-group-interview.txt', path: file }] });
  for (const r of await api['speakers-review']({})) if (r.suggestion.participantId) await api['speakers-map']({ speakerIds: [r.speakerId], participantId: r.suggestion.participantId });
  const people = await api['participants-list']({});
  const ropu = people.find((p) => p.name === 'Te Whare Oranga rōpū')!;
  const koro = people.find((p) => p.name === 'Koro Hemi')!;
  await api['source-update']({ sourceId: res!.sourceId!, groupId: ropu.id });
  await api['participant-update']({ id: ropu.id, kaitiakiId: koro.id });
  // Koro Hemi's kaitiaki key (the host keeps the key file); it stays unlocked only while he decides.
  ropuId = ropu.id;
  await api['kaitiaki-key-create']({ groupId: ropu.id, passphrase: KAITIAKI_PASSPHRASE });
  const hui = await api['source-get']({ sourceId: res!.sourceId! });
  const tama = hui.speakers.find((s) => s.label === 'Tama Rewiri')!;
  const turn = hui.blocks.find((b) => b.kind === 'turn' && b.speakerId === tama.id && hui.text.slice(b.start, b.end).includes(MARKER))!;
  const frameId = (await api['frames-list']({}))[0]!.id;
  // The kaitiaki's key (just created, unlocked) opens the hui to the mainstream frame.
  await openTikangaTo(api, frameId);
  const code = await api['code-create']({ frameId, name: 'Peer support' });
  await api['coding-apply']({ codeId: code.id, sourceId: hui.id, start: turn.start, end: turn.end });
  await api['quotes-from-code']({ codeId: code.id });
  const start = hui.text.indexOf(MARKER);
  const end = hui.text.indexOf(MARKER, start + 1) + MARKER.length;
  app.harness.core.state.setPrefs({ userName: 'Koro Hemi' });
  await api['sensitivity-set']({ sourceId: hui.id, start, end, label: 'restricted' });
  await api['kaitiaki-key-lock']({ groupId: ropu.id });
  workAs('Hine Analyst');
}, 60_000);
afterAll(() => app?.close());

describe('an analyst reviewing identifiers in a quote over a tapu passage', () => {
  it('sees •••• in Review identifiers under the quote card, never the words', async () => {
    const { page } = app;
    await page.getByRole('group', { name: 'Quotes and exports' }).getByRole('button', { name: /Quote bank/ }).click();
    const card = page.getByRole('region', { name: /Quote bank/ }).getByRole('article').filter({ hasText: 'young fella' });
    await card.first().waitFor();
    await card.getByRole('button', { name: 'Review identifiers' }).click();
    const review = card.getByRole('region', { name: /Identifiers in/ });
    const text = review.getByTestId('detection-text');
    await text.waitFor();
    await expect.poll(() => text.innerText()).toContain('••••');
    expect(await text.innerText()).toContain('Hutt');
    expect(await card.innerText()).not.toContain(MARKER);
    // The blocked reason names the undecided name by kind and position only.
    expect(await card.innerText()).toMatch(/an undecided name at [\d,]+–[\d,]+ in a restricted passage/);
    await review.getByRole('button', { name: 'Preview replaced text' }).click();
    const preview = review.getByLabel('Preview with replacements (in the app only)');
    await preview.waitFor();
    expect(await preview.innerText()).toContain('••••');
    expect(await page.content()).not.toContain(MARKER);
    await app.screenshot('mask-review-quote');
    expect(app.problems).toEqual([]);
  });

  it('sees •••• in the Pseudonyms view, never the words', async () => {
    const { page } = app;
    await page.getByRole('group', { name: 'Pseudonymisation' }).getByRole('button', { name: /Pseudonyms/ }).click();
    const view = page.getByRole('region', { name: 'Pseudonyms' });
    const list = view.getByRole('list', { name: 'Identifiers to review' });
    await list.waitFor();
    await expect.poll(() => list.innerText()).toContain('••••');
    expect(await list.innerText()).toContain('Hutt');
    // A withheld identifier offers no actions, only who can review it.
    const hidden = list.locator(':scope > li').filter({ hasText: 'only the kaitiaki can review it' });
    expect(await hidden.count()).toBe(1);
    expect(await hidden.getByRole('button', { name: /Accept|Add as rule|Not identifying|Edit/ }).count()).toBe(0);
    expect(await page.content()).not.toContain(MARKER);
    await app.screenshot('mask-review-pseudonyms');
    expect(app.problems).toEqual([]);
  });

  it('the kaitiaki sees the words in the same review', async () => {
    const { page } = app;
    workAs('Koro Hemi');
    await coreApi(app)['kaitiaki-key-unlock']({ groupId: ropuId, passphrase: KAITIAKI_PASSPHRASE });
    app.harness.core.emit('changed', { kinds: ['quotes'] });
    await page.getByRole('group', { name: 'Quotes and exports' }).getByRole('button', { name: /Quote bank/ }).click();
    const card = page.getByRole('region', { name: /Quote bank/ }).getByRole('article').filter({ hasText: 'young fella' });
    await expect.poll(() => card.first().innerText()).toContain(MARKER);
    await coreApi(app)['kaitiaki-key-lock']({ groupId: ropuId });
    workAs('Hine Analyst');
  });
});
