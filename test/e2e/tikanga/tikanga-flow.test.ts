/**
 * A kaupapa Māori analyst and the rōpū's kaitiaki at work: the analyst creates the Te Whare Tapa
 * Whā frame from its template and names the kaitiaki; the kaitiaki (Koro Hemi) creates the rōpū's
 * kaitiaki key on its page, records the group's collective consent, labels a passage restricted and
 * logs an unrecorded part; with the key locked, the restricted passage is hidden from the analyst
 * (even in the kaupapa Māori frame) until the kaitiaki lists them as a reader; glossary terms show
 * their gloss on hover.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, launchApp, openApp, type E2EApp, createProjectInPage } from '../support/app';
import { openSource, selectInTurn, VIEW } from '../transcript/view-page';
import { createKeyInPage, lockKeyInPage, unlockKeyInPage } from './kaitiaki-page';

let app: E2EApp;
const fixture = (name: string) => ({ name, path: join(ROOT, 'test', 'fixtures', name) });
const HUI = /Kaupapa Māori peer service/;
const RESTRICTED = 'We record initials only.';

async function call(name: string, input: unknown): Promise<unknown> {
  const env = await app.harness.core.call(name, input);
  if (!env.ok) throw new Error(JSON.stringify(env));
  return env.value;
}

/** Back at the hui, with its tikanga panel shown (its toggle remembers whether it was open). */
async function showHuiPanel() {
  const { page } = app;
  await openSource(page, HUI);
  await page.locator(`${VIEW} .tv-turn`).last().waitFor();
  const panel = page.getByRole('region', { name: 'Tikanga of this session' });
  if (!(await panel.isVisible())) await page.getByRole('button', { name: 'Tikanga', exact: true }).click();
  await panel.waitFor();
}

beforeAll(async () => {
  app = await launchApp({ userName: 'Waiata Henare' });
  await openApp(app);
  await createProjectInPage(app, 'Hui tupu');
  await call('participants-import-csv', { fileName: 'participants.csv', csv: readFileSync(join(ROOT, 'test/fixtures/participants.csv'), 'utf8') });
  const [hui] = (await call('import-files', { files: [fixture('hui-tupu-group-interview.txt')] })) as { sourceId: number }[];
  const people = (await call('participants-list', {})) as { id: number; name: string }[];
  await call('source-update', { sourceId: hui!.sourceId, groupId: people.find((p) => p.name === 'Te Whare Oranga rōpū')!.id });
});
afterAll(() => app?.close());

describe('kaupapa Māori analysis and the kaitiaki', () => {
  it('creates the Te Whare Tapa Whā frame from its template, separate from the mainstream codes', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Kaupapa Māori frame…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Kaupapa Māori frame from a template' });
    await dialog.getByRole('radio', { name: /^Te Whare Tapa Whā/ }).check();
    await app.screenshot('tikanga-templates');
    await dialog.getByRole('button', { name: 'Create frame' }).click();
    await dialog.getByText('Created the kaupapa Māori frame “Te Whare Tapa Whā” with 5 codes').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    const codes = page.locator('#pane-codes');
    await codes.getByRole('button', { name: 'Te Whare Tapa Whā' }).click();
    for (const name of ['Taha tinana', 'Taha hinengaro', 'Taha whānau', 'Taha wairua']) await codes.getByText(name, { exact: true }).waitFor();
  });

  it('names the kaitiaki of the rōpū; the kaitiaki creates the key and records its collective consent', async () => {
    const { page } = app;
    await page.getByRole('button', { name: /Te Whare Oranga rōpū/ }).click();
    await page.getByLabel("Kaitiaki of the group's data").selectOption({ label: 'Koro Hemi' });
    await page.getByText('Name the kaitiaki first').waitFor({ state: 'detached' });
    // Koro Hemi at the keyboard: the key, not the name the app runs under, makes him the kaitiaki.
    await createKeyInPage(page);
    const form = page.getByRole('group', { name: 'Record collective consent' });
    await form.getByLabel('Given by').fill('Koro Hemi');
    await form.getByLabel('On', { exact: true }).fill('14/06/2010');
    await form.getByLabel('Quotes in reports').check();
    await form.getByLabel('Conditions').fill('Findings returned to the rōpū before any report');
    await form.getByRole('button', { name: 'Record consent' }).click();
    await page.getByText('Given by Koro Hemi on 14/06/2010').waitFor();
    expect(await page.getByText('Analysis · Quotes in reports · Return of findings').isVisible()).toBe(true);
    await page.getByText('Conditions: Findings returned to the rōpū before any report').scrollIntoViewIfNeeded();
    await app.screenshot('tikanga-group-consent');
  });

  it('lets the kaitiaki label a passage restricted and log an unrecorded part', async () => {
    const { page } = app;
    await openSource(page, HUI);
    await page.getByRole('button', { name: 'Tikanga', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Tikanga of this session' });
    await panel.getByText('The kaitiaki key is unlocked in this session').waitFor();
    expect(await selectInTurn(page, 'Mere Tawhiri', RESTRICTED)).toMatch(/^\d+:\d+$/);
    await panel.getByRole('button', { name: 'Restricted (tapu)' }).click();
    const labelled = panel.getByRole('list', { name: 'Labelled passages' });
    await labelled.getByText(`“${RESTRICTED}”`).waitFor();
    expect(await labelled.getByText('set by Koro Hemi').isVisible()).toBe(true);

    const form = panel.getByRole('group', { name: 'Log a part' });
    await form.getByLabel('Part').selectOption('poroporoaki');
    await form.getByLabel('Led by').fill('Koro Hemi');
    await form.getByLabel('When').fill('day 2, 3pm');
    await form.getByRole('button', { name: 'Log unrecorded part' }).click();
    await panel.getByText('Not recorded · led by Koro Hemi · day 2, 3pm').waitFor();
    await page.getByRole('note', { name: 'Tikanga-based session' }).getByText(/poroporoaki \(led by Koro Hemi\)/).waitFor();
    await app.screenshot('tikanga-kaitiaki-panel');
    await labelled.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await app.screenshot('tikanga-labels');
  });

  it('marks a recorded opening as a tikanga part, which the kaitiaki then releases', async () => {
    const { page } = app;
    const panel = page.getByRole('region', { name: 'Tikanga of this session' });
    expect(await selectInTurn(page, 'Waiata Henare', 'Kia ora koutou.')).toMatch(/^\d+:\d+$/);
    const form = panel.getByRole('group', { name: 'Log a part' });
    await form.getByLabel('Part').selectOption('mihimihi');
    await form.getByRole('button', { name: 'Mark selection as this part' }).click();
    await panel.getByText('Recorded · not coded').waitFor();
    await panel.getByRole('button', { name: 'Release Mihimihi' }).click();
    await panel.getByText('Recorded · released by the kaitiaki').waitFor();
    const parts = (await call('session-parts-list', { sourceId: 1 })) as { kind: string; recorded: boolean; released: boolean; start: number }[];
    expect(parts.filter((x) => x.recorded)).toEqual([expect.objectContaining({ kind: 'mihimihi', released: true })]);
  });

  it('refuses the labels to anyone else, naming the kaitiaki, and hides the restricted passage from them', async () => {
    const { page } = app;
    // The kaitiaki locks the key and leaves the analyst (still 'Waiata Henare') at the keyboard.
    await page.getByRole('button', { name: /Te Whare Oranga rōpū/ }).first().click();
    await lockKeyInPage(page);
    await showHuiPanel();
    // Working in the mainstream frame now (the codes pane shows it).
    await page.locator('#pane-codes').getByRole('button', { name: 'Codes', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Tikanga of this session' });
    await panel.getByText("Only Koro Hemi, kaitiaki of 'Te Whare Oranga rōpū', can do this. It needs the kaitiaki key", { exact: false }).first().waitFor();
    await panel.getByRole('button', { name: 'Unlock kaitiaki key…' }).waitFor();
    expect(await panel.getByRole('button', { name: 'Restricted (tapu)' }).isDisabled()).toBe(true);
    const view = page.locator(VIEW);
    await page.getByRole('note').getByText(/One passage is restricted \(tapu\)/).waitFor();
    expect(await view.innerText()).not.toContain(RESTRICTED);
    expect(await view.innerText()).toContain('••••');
    await panel.getByText('Hidden: only the kaitiaki and the readers they list see it').waitFor();
    await app.screenshot('tikanga-analyst-masked');
  });

  it('shows the restricted passage to a reader the kaitiaki listed, working in the kaupapa Māori frame, and hides it again outside', async () => {
    const { page } = app;
    const view = page.locator(VIEW);
    const codes = page.locator('#pane-codes');
    // The kaupapa Māori frame alone opens nothing.
    await codes.getByRole('button', { name: 'Te Whare Tapa Whā' }).click();
    await expect.poll(() => view.innerText()).toContain('••••');
    expect(await view.innerText()).not.toContain(RESTRICTED);
    // The kaitiaki unlocks the key on the group's page and lists the analyst as a reader (signed).
    await page.getByRole('button', { name: /Te Whare Oranga rōpū/ }).first().click();
    await unlockKeyInPage(page);
    const readers = page.getByRole('group', { name: 'Readers of restricted passages' });
    await readers.getByLabel('Add a reader').fill('Waiata Henare');
    await readers.getByRole('button', { name: 'Add', exact: true }).click();
    await readers.getByRole('button', { name: 'Save readers list' }).click();
    await readers.getByRole('button', { name: 'Save readers list' }).and(page.locator(':disabled')).waitFor();
    expect(await readers.getByRole('listitem').allInnerTexts()).toEqual([expect.stringMatching(/^Waiata Henare/)]);
    await readers.scrollIntoViewIfNeeded();
    await app.screenshot('kaitiaki-readers');
    await lockKeyInPage(page);
    expect(await readers.getByRole('button', { name: 'Remove Waiata Henare from the readers' }).count()).toBe(0);
    await showHuiPanel();
    await view.getByText(RESTRICTED).waitFor();
    expect(await page.getByText(/One passage is restricted/).count()).toBe(0);
    await codes.getByRole('button', { name: 'Codes', exact: true }).click();
    await view.getByText(RESTRICTED).waitFor({ state: 'detached' });
    // The transcript reloads for the other frame: the passage is gone before its mask is drawn.
    await expect.poll(() => view.innerText()).toContain('••••');
  });

  it('shows the gloss of a te reo term on hover, macrons or not', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Glossary' }).click();
    const dialog = page.getByRole('dialog', { name: 'Glossary' });
    await dialog.getByRole('button', { name: 'Add the starter glossary' }).click();
    await dialog.getByText('Added 51 terms from the starter glossary').waitFor();
    await app.screenshot('tikanga-glossary-dialog');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Tikanga', exact: true }).click();
    // "whanau" without a macron, in Koro Hemi's last turn.
    const hover = async () => {
      const box = (await page.evaluate(`(() => {
        const runs = Array.from(document.querySelectorAll('${VIEW} [data-start]'));
        const run = runs.find((el) => el.textContent.includes('whanau health'));
        const node = Array.from(run.childNodes).find((n) => n.nodeType === 3 && n.textContent.includes('whanau health'));
        const at = node.textContent.indexOf('whanau health');
        run.scrollIntoView({ block: 'center' });
        const r = document.createRange();
        r.setStart(node, at + 2);
        r.setEnd(node, at + 3);
        const b = r.getBoundingClientRect();
        return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      })()`)) as { x: number; y: number };
      // Off and back on: the glossary may arrive a moment after the dialog closes.
      await page.mouse.move(box.x, box.y - 40);
      await page.mouse.move(box.x, box.y);
      await page.getByRole('tooltip').waitFor({ timeout: 1000 }).catch(() => {});
      return page.getByRole('tooltip').count();
    };
    await page.getByRole('region', { name: 'Tikanga of this session' }).waitFor({ state: 'detached' });
    await expect.poll(hover, { timeout: 15_000 }).toBe(1);
    const tip = page.getByRole('tooltip');
    await tip.waitFor();
    expect(await tip.innerText()).toMatch(/whānau\s+family, extended family/);
    await app.screenshot('tikanga-glossary-hover');
  });

  it('ran without console errors or CSP violations', () => {
    expect(app.problems).toEqual([]);
  });
});
