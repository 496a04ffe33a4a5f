import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  readSettings,
  readStoredSettings,
  saveSettings,
  settingsItem,
  updateSettings,
} from '../../../lib/settings/settings';
import { clearToken, readToken, saveToken } from '../../../lib/settings/token-vault';

const ACME = 'https://usea1-acme.sentinelone.net';
const OTHER = 'https://euce1-other.sentinelone.net';
const TOKEN = 'token-0123456789abcdef';

const connection = {
  consoleUrl: ACME,
  apiToken: TOKEN,
  accountId: '2163822725049635476',
  accountName: 'Acme',
  creatorEmail: '',
  tagPrefix: '',
};
const { apiToken: _token, ...withoutToken } = connection;

/** What storage.local holds, as text: the token must not be anywhere in it. */
const localText = async () => JSON.stringify(await fakeBrowser.storage.local.get(null));

beforeEach(async () => {
  fakeBrowser.reset();
  await clearToken();
});

describe('settingsItem', () => {
  it('falls back to the defaults from config/defaults.yml', async () => {
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.iocDefaults.validityDays.IPV4).toBe(30);
  });

  it('lives in storage.local only, without the token', async () => {
    await updateSettings({ connection });
    const { settings } = await fakeBrowser.storage.local.get('settings');
    expect(settings).toEqual({
      ...DEFAULT_SETTINGS,
      connection: { ...withoutToken, tokenHint: '…cdef', tokenSavedAt: expect.any(Number) },
    });
    expect(await localText()).not.toContain(TOKEN);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    expect(await readToken(ACME)).toBe(TOKEN);
  });

  it('changes one setting and keeps the rest, the token with them', async () => {
    await updateSettings({ connection });
    await updateSettings({ logLevel: 'debug' });
    expect(await readSettings()).toEqual({ ...DEFAULT_SETTINGS, connection, logLevel: 'debug' });
  });
});

describe('migrations', () => {
  // Each row: the item as an older version left it, its version, what storage holds afterwards.
  it.each([
    [
      'v1 (only the connection) with a token',
      { connection },
      1,
      {
        ...DEFAULT_SETTINGS,
        connection: { ...withoutToken, tokenHint: '…cdef', tokenSavedAt: expect.any(Number) },
      },
      TOKEN,
    ],
    [
      'v2 with a token',
      { ...DEFAULT_SETTINGS, connection, logLevel: 'warn' },
      2,
      {
        ...DEFAULT_SETTINGS,
        logLevel: 'warn',
        connection: { ...withoutToken, tokenHint: '…cdef', tokenSavedAt: expect.any(Number) },
      },
      TOKEN,
    ],
    [
      'v2 with a token padded by spaces',
      { ...DEFAULT_SETTINGS, connection: { ...connection, apiToken: `  ${TOKEN} ` } },
      2,
      {
        ...DEFAULT_SETTINGS,
        connection: { ...withoutToken, tokenHint: '…cdef', tokenSavedAt: expect.any(Number) },
      },
      TOKEN,
    ],
    [
      'v2 without a connection',
      { ...DEFAULT_SETTINGS, connection: null },
      2,
      { ...DEFAULT_SETTINGS, connection: null },
      null,
    ],
    [
      'v2 with an empty token',
      { ...DEFAULT_SETTINGS, connection: { ...connection, apiToken: '' } },
      2,
      { ...DEFAULT_SETTINGS, connection: { ...withoutToken, tokenHint: '', tokenSavedAt: 0 } },
      null,
    ],
  ])('%s: the token moves into the vault', async (_label, old, version, stored, vaulted) => {
    await fakeBrowser.storage.local.set({ settings: old, settings$: { v: version } });
    // WXT runs migrations when a context defines the item; run them again over the old data.
    await settingsItem.migrate();
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(stored);
    expect(await fakeBrowser.storage.local.get('settings$')).toEqual({ settings$: { v: 3 } });
    expect(await readToken(ACME)).toBe(vaulted);
    expect(await localText()).not.toContain(TOKEN);
  });

  it('a read that finds a token in the item (written behind the extension’s back) moves it too', async () => {
    await fakeBrowser.storage.local.set({
      settings: { ...DEFAULT_SETTINGS, connection },
      settings$: { v: 3 },
    });
    expect(await readSettings()).toEqual({ ...DEFAULT_SETTINGS, connection });
    expect(await localText()).not.toContain(TOKEN);
    expect((await readStoredSettings()).connection).toEqual({
      ...withoutToken,
      tokenHint: '…cdef',
      tokenSavedAt: expect.any(Number),
    });
  });
});

describe('readSettings joins the token of the saved console', () => {
  it.each([
    ['the vault holds the token for the saved console', ACME, TOKEN],
    ['the vault holds a token for another console', OTHER, ''],
    ['the vault is empty', null, ''],
  ])('%s', async (_label, vaultConsole, expected) => {
    await settingsItem.setValue({
      ...DEFAULT_SETTINGS,
      connection: { ...withoutToken, tokenHint: '…cdef', tokenSavedAt: 1 },
    });
    if (vaultConsole) await saveToken(vaultConsole, TOKEN);
    expect((await readSettings()).connection).toEqual({ ...withoutToken, apiToken: expected });
  });
});

describe('saveSettings splits the token out', () => {
  const saved = async () => (await readStoredSettings()).connection;

  it.each([
    ['a token typed for the saved console replaces it', ACME, 'token-new-9999', 'token-new-9999', '…9999'],
    ['no token for the saved console keeps the saved one', ACME, undefined, TOKEN, '…cdef'],
    ['an empty token for the saved console keeps the saved one', ACME, '  ', TOKEN, '…cdef'],
    ['a token typed for a new console goes with it', OTHER, 'token-other-7777', 'token-other-7777', '…7777'],
  ])('%s', async (_label, consoleUrl, apiToken, inVault, hint) => {
    await saveSettings({ ...DEFAULT_SETTINGS, connection });
    await saveSettings({ ...DEFAULT_SETTINGS, connection: { ...withoutToken, consoleUrl, apiToken } });
    expect(await readToken(consoleUrl)).toBe(inVault);
    expect((await saved())?.tokenHint).toBe(hint);
    expect(await localText()).not.toContain(inVault);
  });

  it('refuses a new console without a token, and changes nothing', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, connection });
    const before = await fakeBrowser.storage.local.get(null);
    await expect(
      saveSettings({ ...DEFAULT_SETTINGS, connection: { ...withoutToken, consoleUrl: OTHER } }),
    ).rejects.toThrow(`Enter the API token for ${OTHER}.`);
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
    expect(await readToken(ACME)).toBe(TOKEN);
  });

  it('stamps a new token, and only a new one, so that a watcher of the item sees it', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, connection });
    const first = (await saved())?.tokenSavedAt;
    await saveSettings({ ...DEFAULT_SETTINGS, connection, logLevel: 'debug' });
    expect((await saved())?.tokenSavedAt).toBe(first);
    await new Promise((resolve) => setTimeout(resolve, 2));
    await saveSettings({ ...DEFAULT_SETTINGS, connection: { ...connection, apiToken: 'token-new-9999' } });
    expect((await saved())?.tokenSavedAt).toBeGreaterThan(first ?? 0);
  });

  it('a hint in what is given is not taken for a token', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, connection });
    await saveSettings({ ...(await readStoredSettings()), logLevel: 'error' });
    expect(await readSettings()).toEqual({ ...DEFAULT_SETTINGS, connection, logLevel: 'error' });
  });

  it('no connection forgets the token', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, connection });
    await saveSettings({ ...DEFAULT_SETTINGS, connection: null });
    expect(await readToken(ACME)).toBeNull();
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });
});
