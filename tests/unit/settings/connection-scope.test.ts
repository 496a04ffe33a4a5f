import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { StoredConnection } from '../../../config/connection';
import { scopeFilter, scopeOfConnection } from '../../../lib/s1/scope';
import { scopeInWords } from '../../../lib/settings/scope-words';
import { DEFAULT_SETTINGS, readSettings, saveSettings, settingsItem } from '../../../lib/settings/settings';
import { draftSettings, settingsDraft } from '../../../lib/settings/settings-draft';
import { clearToken, saveToken } from '../../../lib/settings/token-vault';

const ACME = 'https://usea1-acme.sentinelone.net';
const TOKEN = 'token-0123456789abcdef';
const ACCOUNT = '2163822725049635476';
const PARIS = '1900000000000000001';
/** A connection as every install stored it before sites: no scope field at all. */
const OLD: StoredConnection = {
  consoleUrl: ACME,
  accountId: ACCOUNT,
  accountName: 'Acme',
  creatorEmail: '',
  tagPrefix: '',
  tokenHint: '…cdef',
  tokenSavedAt: 1,
};
const SITE = { kind: 'site' as const, siteId: PARIS, siteName: 'Paris HQ' };

beforeEach(async () => {
  fakeBrowser.reset();
  await clearToken();
});

describe('a stored connection from before sites', () => {
  it('reads as an account scope, with no step and no rewrite of the item', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, connection: OLD });
    await saveToken(ACME, TOKEN);
    const connection = (await readSettings()).connection;
    expect(connection).not.toHaveProperty('scope');
    if (!connection) throw new Error('no connection');
    expect(scopeOfConnection(connection)).toEqual({ kind: 'account', accountId: ACCOUNT });
    expect(scopeFilter(scopeOfConnection(connection))).toEqual({ accountIds: [ACCOUNT] });
    expect(await settingsItem.getValue()).toEqual({ ...DEFAULT_SETTINGS, connection: OLD });
  });

  it('saved again through the form, it stays without a scope', () => {
    const stored = { ...DEFAULT_SETTINGS, connection: OLD };
    const read = draftSettings(settingsDraft(stored), stored);
    expect(read.ok && read.value.connection).not.toHaveProperty('scope');
  });
});

describe('a site connection', () => {
  it('is saved with its site and read back as a site scope', async () => {
    const { tokenHint: _h, tokenSavedAt: _t, ...fields } = OLD;
    await saveSettings({ ...DEFAULT_SETTINGS, connection: { ...fields, apiToken: TOKEN, scope: SITE } });
    const connection = (await readSettings()).connection;
    expect(connection?.scope).toEqual(SITE);
    if (!connection) throw new Error('no connection');
    expect(scopeFilter(scopeOfConnection(connection))).toEqual({ siteIds: [PARIS] });
  });

  it('round-trips through the Settings draft', () => {
    const stored = { ...DEFAULT_SETTINGS, connection: { ...OLD, scope: SITE } };
    const read = draftSettings(settingsDraft(stored), stored);
    expect(read.ok && read.value.connection?.scope).toEqual(SITE);
  });
});

describe('scopeInWords', () => {
  it.each([
    [{ accountId: ACCOUNT, accountName: 'Acme' }, 'Acme'],
    [{ accountId: ACCOUNT, accountName: '' }, `Account ${ACCOUNT}`],
    [{ accountId: ACCOUNT, accountName: 'Acme', scope: SITE }, 'Site Paris HQ in account Acme'],
    [
      { accountId: ACCOUNT, accountName: '', scope: { ...SITE, siteName: '' } },
      `Site ${PARIS} in account ${ACCOUNT}`,
    ],
    [{ accountId: '', accountName: '', scope: SITE }, 'Site Paris HQ'],
  ])('%j reads "%s"', (connection, words) => expect(scopeInWords(connection)).toBe(words));
});
