import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, readSettings, settingsItem, updateSettings } from '../../lib/settings';

const connection = {
  consoleUrl: 'https://usea1-acme.sentinelone.net',
  apiToken: 'token-0123456789abcdef',
  accountId: '2163822725049635476',
  accountName: 'Acme',
  creatorEmail: '',
  tagPrefix: '',
};

describe('settingsItem', () => {
  beforeEach(() => fakeBrowser.reset());

  it('falls back to the defaults from config/defaults.yml', async () => {
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.iocDefaults.validityDays.IPV4).toBe(30);
  });

  it('migrates the v1 item, which held only the connection, keeping it', async () => {
    await fakeBrowser.storage.local.set({ settings: { connection }, settings$: { v: 1 } });
    // WXT runs migrations when a context defines the item; run them again over the v1 data.
    await settingsItem.migrate();
    expect(await settingsItem.getValue()).toEqual({ ...DEFAULT_SETTINGS, connection });
    expect(await fakeBrowser.storage.local.get('settings$')).toEqual({ settings$: { v: 2 } });
  });

  it('lives in storage.local only', async () => {
    await updateSettings({ connection });
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({
      settings: { ...DEFAULT_SETTINGS, connection },
    });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('changes one setting and keeps the rest', async () => {
    await updateSettings({ connection });
    await updateSettings({ logLevel: 'debug' });
    expect(await readSettings()).toEqual({ ...DEFAULT_SETTINGS, connection, logLevel: 'debug' });
  });
});
