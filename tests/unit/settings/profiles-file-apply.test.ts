/**
 * Applying a file of several profiles on real storage (the fake browser's storage.local,
 * fake-indexeddb): new profiles listed, every profile's settings saved, tokens where the file or
 * this browser has them, a profile without one kept asking for it, and nothing written when the
 * profiles changed meanwhile.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, type Settings } from '../../../config/settings';
import { withProfileAdded, withProfileRemoved } from '../../../lib/profiles/profile-list';
import { storageNamesOf } from '../../../lib/profiles/profile-storage-names';
import { changeProfiles, readProfiles } from '../../../lib/profiles/profiles-item';
import { exportProfilesYaml, parseProfilesYaml } from '../../../lib/settings/profiles-file';
import { applyProfilesImport } from '../../../lib/settings/profiles-file-apply';
import { planProfilesImport } from '../../../lib/settings/profiles-file-plan';
import { readSettings, readStoredSettings, saveSettings } from '../../../lib/settings/settings';
import { clearToken, readToken } from '../../../lib/settings/token-vault';

const ACME = 'https://usea1-acme.sentinelone.net';
const GLOBEX = 'https://euce1-globex.sentinelone.net';
const INITECH = 'https://apne1-initech.sentinelone.net';
const ACME_TOKEN = 'token-acme-0123456789abcdef';
const GLOBEX_TOKEN = 'token-globex-fedcba9876543210';
const INITECH_TOKEN = 'token-initech-00112233445566';

const connected = (consoleUrl: string, apiToken: string, accountName: string): Settings => ({
  ...DEFAULT_SETTINGS,
  connection: {
    consoleUrl,
    apiToken,
    accountId: '2163822725049635476',
    accountName,
    creatorEmail: '',
    tagPrefix: '',
  },
});

beforeEach(async () => {
  fakeBrowser.reset();
  for (const id of ['p1', 'p2', 'p3', 'p4']) await clearToken(storageNamesOf(id).tokenKey);
});

/** This browser's profiles as the Settings page reads them before the preview. */
async function profilesNow() {
  const list = await readProfiles();
  const settings = new Map<string, Settings>();
  for (const entry of list.profiles) settings.set(entry.id, await readSettings(entry.id));
  return { list, settings, labels: new Map(list.profiles.map((p) => [p.id, p.name || 'First'])) };
}

async function planOf(file: string) {
  const parsed = parseProfilesYaml(file);
  if (!parsed?.ok) throw new Error(JSON.stringify(parsed));
  const planned = planProfilesImport(await profilesNow(), parsed.profiles);
  if (!planned.ok) throw new Error(planned.message);
  return planned.plan;
}

/** Acme (p1, unnamed) and Globex (p2), both connected, exported; then Globex removed. */
async function exportedThenGlobexRemoved(includeTokens: boolean) {
  await saveSettings(connected(ACME, ACME_TOKEN, 'Acme'), 'p1');
  await changeProfiles((list) => withProfileAdded(list, 'Globex', 'purple'));
  await saveSettings({ ...connected(GLOBEX, GLOBEX_TOKEN, 'Globex'), logLevel: 'debug' }, 'p2');
  const list = await readProfiles();
  const all = [];
  for (const entry of list.profiles) all.push({ entry, settings: await readSettings(entry.id) });
  const file = exportProfilesYaml(all, { includeTokens });
  await changeProfiles((stored) => withProfileRemoved(stored, 'p2'));
  return file;
}

describe('applyProfilesImport', () => {
  it('a file without tokens: the removed profile comes back with its settings and asks for its token', async () => {
    const plan = await planOf(await exportedThenGlobexRemoved(false));
    const startSync = vi.fn(async () => undefined);

    const applied = await applyProfilesImport(plan, startSync);

    const [, id = ''] = applied.ids;
    expect(applied).toEqual({ ids: ['p1', id], added: ['Globex'], needToken: ['Globex'] });
    expect((await readProfiles()).profiles).toEqual([
      { id: 'p1', name: '', colour: 'blue' },
      { id, name: 'Globex', colour: 'purple' },
    ]);
    // Acme kept its token (same console); Globex is connected without one, as Settings reads it.
    expect((await readSettings('p1')).connection?.apiToken).toBe(ACME_TOKEN);
    expect(await readStoredSettings(id)).toMatchObject({
      logLevel: 'debug',
      connection: { consoleUrl: GLOBEX, accountName: 'Globex', tokenHint: '', tokenSavedAt: 0 },
    });
    expect((await readSettings(id)).connection?.apiToken).toBe('');
    // Nothing to sync: Acme's connection did not change and Globex has no token.
    expect(startSync).not.toHaveBeenCalled();
  });

  it('a file with tokens: the removed profile comes back connected and its sync starts', async () => {
    const plan = await planOf(await exportedThenGlobexRemoved(true));
    const startSync = vi.fn(async () => undefined);

    const applied = await applyProfilesImport(plan, startSync);

    const [, id = ''] = applied.ids;
    expect(applied).toEqual({ ids: ['p1', id], added: ['Globex'], needToken: [] });
    expect((await readSettings(id)).connection).toMatchObject({
      consoleUrl: GLOBEX,
      apiToken: GLOBEX_TOKEN,
    });
    expect(await readToken(GLOBEX, storageNamesOf(id).tokenKey)).toBe(GLOBEX_TOKEN);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('token-');
    expect(startSync.mock.calls).toEqual([[id]]);
  });

  it('a matched profile moved to another console without a token forgets the old token', async () => {
    await saveSettings(connected(ACME, ACME_TOKEN, 'Acme'), 'p1');
    const plan = await planOf(
      `profiles:\n  - connection:\n      consoleUrl: ${INITECH}\n      accountId: "2163822725049635476"\n`,
    );
    await applyProfilesImport(plan, async () => undefined);
    expect(await readToken(ACME)).toBeNull();
    expect((await readStoredSettings('p1')).connection).toMatchObject({ consoleUrl: INITECH, tokenHint: '' });
  });

  it('a new token for a matched profile replaces the saved one and starts its sync', async () => {
    await saveSettings(connected(ACME, ACME_TOKEN, 'Acme'), 'p1');
    const plan = await planOf(
      `profiles:\n  - connection:\n      consoleUrl: ${INITECH}\n      accountId: "2163822725049635476"\n      apiToken: ${INITECH_TOKEN}\n`,
    );
    const startSync = vi.fn(async () => undefined);
    await applyProfilesImport(plan, startSync);
    expect((await readSettings('p1')).connection).toMatchObject({
      consoleUrl: INITECH,
      apiToken: INITECH_TOKEN,
    });
    expect(startSync.mock.calls).toEqual([['p1']]);
  });

  it('writes nothing when a profile of the plan was removed meanwhile', async () => {
    await saveSettings(connected(ACME, ACME_TOKEN, 'Acme'), 'p1');
    await changeProfiles((list) => withProfileAdded(list, 'Globex'));
    const plan = await planOf(
      `profiles:\n  - profileName: Initech\n  - profileName: Globex\n    logLevel: error\n`,
    );
    await changeProfiles((list) => withProfileRemoved(list, 'p2'));
    const before = await fakeBrowser.storage.local.get(null);

    await expect(applyProfilesImport(plan, async () => undefined)).rejects.toThrow(
      'Globex was removed meanwhile. Nothing was changed: import the file again.',
    );
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });
});
