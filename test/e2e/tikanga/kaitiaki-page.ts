/** The kaitiaki key through the page, as the kaitiaki does it: create it, unlock it, lock it (group page). */
import type { Page } from 'playwright-core';

export const KAITIAKI_PASSPHRASE = 'kia mau ki te kawa o te rōpū';

const keySection = (page: Page) => page.getByRole('group', { name: 'Kaitiaki key' });

/** On the group's page: Create kaitiaki key… with the passphrase twice; the key stays unlocked. Returns the fingerprint shown. */
export async function createKeyInPage(page: Page, passphrase = KAITIAKI_PASSPHRASE): Promise<string> {
  await keySection(page).getByRole('button', { name: 'Create kaitiaki key…' }).click();
  const dialog = page.getByRole('dialog', { name: /^Create the kaitiaki key of/ });
  await dialog.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await dialog.getByLabel('Passphrase again').fill(passphrase);
  await dialog.getByRole('button', { name: 'Create key…' }).click();
  const done = page.getByRole('dialog', { name: 'Kaitiaki key created' });
  const fingerprint = (await done.locator('.tk-fingerprint').getAttribute('data-fingerprint'))!;
  await done.getByRole('button', { name: 'I have written it down' }).click();
  await keySection(page).getByText('Unlocked for this session').waitFor();
  return fingerprint;
}

/** On the group's page: Unlock key… with the passphrase (the host picks the key file). */
export async function unlockKeyInPage(page: Page, passphrase = KAITIAKI_PASSPHRASE): Promise<void> {
  await keySection(page).getByRole('button', { name: 'Unlock key…' }).click();
  const dialog = page.getByRole('dialog', { name: /^Unlock the kaitiaki key of/ });
  await dialog.getByLabel('Passphrase').fill(passphrase);
  await dialog.getByRole('button', { name: 'Choose key file and unlock…' }).click();
  await dialog.waitFor({ state: 'detached' });
  await keySection(page).getByText('Unlocked for this session').waitFor();
}

export async function lockKeyInPage(page: Page): Promise<void> {
  await keySection(page).getByRole('button', { name: 'Lock' }).click();
  await keySection(page).getByText('Locked', { exact: true }).waitFor();
}
