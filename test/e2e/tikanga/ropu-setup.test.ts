/**
 * Setting up a rōpū without busywork: the hui is imported as tikanga-based (with two short hui
 * whose facilitator is labelled only `Facilitator` / `FACILITATOR`), the import results offer
 * "Set up the rōpū…" with the speakers listed, one step creates the group with its members and
 * their roles, the group's page shows them (mode decided by its sessions, no individual consent
 * fields, attribution empty with a hint), one member is removed with a confirm, and "Accept all
 * suggestions" asks once who the Facilitator is and links both labels without an error.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, type E2EApp } from '../support/app';
import { dropFiles, fixtureFile, textFile } from '../import/drop';
import { HUI, HUI_TITLE, core, idOf, landmarks, startWithNewProject } from '../import/import-page';

let app: E2EApp;
const SHORT_1 = textFile('hui-poto-1.txt', 'Title: Hui poto 1\nMode: tikanga-based hui\n\nFacilitator: Kia ora koutou.\n\nAroha Ngata: Kia ora.\n');
const SHORT_2 = textFile('hui-poto-2.txt', 'Title: Hui poto 2\nMode: tikanga-based hui\n\nFACILITATOR: Tēnā koutou.\n\nTama Rewiri: Kia ora anō.\n');

beforeAll(async () => {
  app = await startWithNewProject();
  await core(app, 'participants-import-csv', { fileName: 'participants.csv', csv: readFileSync(join(ROOT, 'test/fixtures/participants.csv'), 'utf8') });
});
afterAll(() => app?.close());

describe('setting up the rōpū from the import results', () => {
  it('offers "Set up the rōpū…" for the tikanga-based hui and sets it up in one step, with the speakers listed', async () => {
    const { page } = app;
    await dropFiles(page, landmarks(app).dropTarget(), [fixtureFile(HUI), SHORT_1, SHORT_2]);
    const dialog = page.getByRole('dialog', { name: 'Import transcripts' });
    await dialog.getByText('From file header').click();
    await dialog.getByRole('button', { name: 'Import 3 files' }).click();
    const results = page.getByRole('dialog', { name: 'Import results' });
    await results.getByText('3 imported').waitFor();
    const hui = results.getByRole('listitem').filter({ hasText: HUI_TITLE });
    expect(await hui.innerText()).toMatch(/Speakers: Waiata Henare, Aroha Ngata/);
    await hui.getByRole('button', { name: 'Set up the rōpū…' }).click();

    const setup = page.getByRole('dialog', { name: `Set up the rōpū for “${HUI_TITLE}”` });
    await setup.getByRole('list', { name: 'Speakers to add' }).getByText('Koro Hemi', { exact: true }).waitFor();
    const listed = await setup.getByRole('list', { name: 'Speakers to add' }).innerText();
    for (const name of ['Waiata Henare', 'Aroha Ngata', 'Tama Rewiri', 'Mere Tawhiri', 'Koro Hemi']) expect(listed).toContain(name);
    expect(listed).toMatch(/Waiata Henare\s*facilitator/);
    await setup.getByLabel('Name of the new group').fill('Rōpū Tupu');
    await app.screenshot('ropu-setup-dialog');
    await setup.getByRole('button', { name: 'Set up the rōpū' }).click();
    await setup.getByText(/Created Rōpū Tupu: 5 members added/).waitFor();
    await setup.getByRole('button', { name: 'Done' }).click();

    const groupId = await idOf(app, 'Rōpū Tupu');
    const sources = await core<Array<{ title: string; groupId: number | null }>>(app, 'sources-list', {});
    expect(sources.find((s) => s.title === HUI_TITLE)!.groupId).toBe(groupId);
    const g = await core<{ members: Array<{ name: string; groupRole: string | null }> }>(app, 'group-tikanga-get', { groupId });
    expect(g.members.find((m) => m.name === 'Koro Hemi')!.groupRole).toBe('kaumātua');
    await results.getByRole('button', { name: /Close|Done/ }).first().click();
  });

  it('the group page shows its members, its mode from its sessions, its collective consent only, and removes a member with a confirm', async () => {
    const { page } = app;
    await page.getByRole('button', { name: /Rōpū Tupu/ }).first().click();
    const members = page.getByRole('list', { name: 'Members of Rōpū Tupu' });
    await members.getByText('Mere Tawhiri').waitFor();
    expect(await members.getByRole('listitem').count()).toBe(5);
    expect(await page.getByLabel('Mode', { exact: true }).innerText()).toBe('Tikanga-based');
    await page.getByText('Its sessions decide it: every session of this group is tikanga-based.').waitFor();
    await page.getByText(/A group consents collectively/).waitFor();
    expect(await page.getByRole('group', { name: 'May be quoted' }).count()).toBe(0);
    const attribution = page.getByLabel('Attribution of collective kōrero');
    expect(await attribution.inputValue()).toBe('');
    expect(await attribution.getAttribute('placeholder')).toBeFalsy();
    await page.getByText(/Not set: quotes say “group attribution not set” until the group decides, e\.g\./).waitFor();

    await members.getByRole('button', { name: 'Remove Waiata Henare from the group' }).click();
    const confirm = page.getByRole('group', { name: 'Remove Waiata Henare from Rōpū Tupu?' });
    await app.screenshot('ropu-group-page-remove');
    await confirm.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect.poll(() => members.getByRole('listitem').count()).toBe(4);
    expect(await members.innerText()).not.toContain('Waiata Henare');

    // Added back directly, by searching the register.
    await page.getByLabel('Add a member').fill('waiata');
    await page.getByRole('button', { name: 'Add Waiata Henare to Rōpū Tupu' }).click();
    await expect.poll(() => members.getByRole('listitem').count()).toBe(5);
    await members.scrollIntoViewIfNeeded();
    await app.screenshot('ropu-group-page');
  });

  it('Accept all asks once who "Facilitator" and "FACILITATOR" are, and links both without an error', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Review speakers' }).first().click();
    const review = landmarks(app).review();
    await review.getByText('Facilitator', { exact: true }).waitFor();
    await review.getByRole('button', { name: 'Accept all suggestions' }).click();
    const ask = page.getByRole('dialog', { name: 'Who is the research team member in these labels?' });
    await ask.waitFor();
    expect(await ask.innerText()).toMatch(/“Facilitator”, “FACILITATOR”/);
    await ask.getByRole('combobox').fill('Waiata');
    await ask.getByRole('option', { name: /Waiata Henare/ }).first().click();
    await app.screenshot('ropu-accept-all-ask');
    await ask.getByRole('button', { name: 'Link all 2' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(await review.getByRole('alert').count()).toBe(0);
    const waiata = await idOf(app, 'Waiata Henare');
    const rows = await core<Array<{ label: string; participantId: number | null; role: string }>>(app, 'speakers-review', {});
    for (const label of ['Facilitator', 'FACILITATOR']) expect(rows.find((r) => r.label === label)).toMatchObject({ participantId: waiata, role: 'facilitator' });
    expect(rows.every((r) => r.participantId !== null)).toBe(true);
    const names = (await core<Array<{ name: string }>>(app, 'participants-list', {})).map((p) => p.name);
    expect(names).not.toContain('Facilitator');
    await app.screenshot('ropu-accept-all-done');
  });

  it('a tikanga-based hui with no rōpū offers "Set up the rōpū…" in its Details', async () => {
    const { page } = app;
    await page.getByRole('button', { name: /Hui poto 1/ }).first().click();
    const pane = page.getByRole('region', { name: /Hui poto 1/ });
    await pane.getByRole('button', { name: 'Details' }).click();
    const details = pane.getByRole('region', { name: 'Transcript details' });
    await details.getByText(/has no rōpū yet/).waitFor();
    await details.getByRole('button', { name: 'Set up the rōpū…' }).click();
    const setup = page.getByRole('dialog', { name: 'Set up the rōpū for “Hui poto 1”' });
    await setup.getByLabel('Name of the new group').fill('Rōpū Poto');
    await app.screenshot('ropu-setup-from-details');
    await setup.getByRole('button', { name: 'Set up the rōpū' }).click();
    await setup.getByText(/Created Rōpū Poto/).waitFor();
    await setup.getByRole('button', { name: 'Done' }).click();
    const groupId = await idOf(app, 'Rōpū Poto');
    const sources = await core<Array<{ title: string; groupId: number | null }>>(app, 'sources-list', {});
    expect(sources.find((s) => s.title === 'Hui poto 1')!.groupId).toBe(groupId);
    await expect.poll(() => details.getByText(/has no rōpū yet/).count()).toBe(0);
  });
});
