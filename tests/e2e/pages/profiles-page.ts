/** Profiles as the analyst makes them: Settings → Profiles → Add a profile, then its connection. */
import { expect, type Page } from '@playwright/test';
import type { Simulator } from '../../simulator';
import { fillConnection } from './options-page';

export interface NewProfile {
  name: string;
  /** One of the profile colours; the form's own pick when absent. */
  colour?: string;
  /** Connect it to this console with its default token and account, and wait for its first sync. */
  connect?: { consoleUrl: string; sim: Simulator; tagPrefix?: string };
}

/** Adds the profile from Settings; the page is left on the new profile (on its IOCs once connected). */
export async function addProfile(page: Page, { name, colour, connect }: NewProfile): Promise<void> {
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  const add = page.getByRole('form', { name: 'Add a profile' });
  await add.getByLabel('Profile name').fill(name);
  if (colour) await add.getByLabel('Colour').selectOption(colour);
  await add.getByRole('button', { name: 'Add profile' }).click();
  await expect(page).toHaveURL(/\?profile=p\d+#settings$/);
  if (!connect) return;
  const { consoleUrl, sim, tagPrefix } = connect;
  await fillConnection(page, { consoleUrl, apiToken: sim.defaultToken, accountId: sim.defaultAccountId });
  if (tagPrefix) await page.getByLabel('Tag prefix').fill(tagPrefix);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(/#iocs$/);
  await expect(page.getByRole('status', { name: 'Sync status' })).toHaveText(/^Complete as of /, {
    timeout: 30_000,
  });
}
