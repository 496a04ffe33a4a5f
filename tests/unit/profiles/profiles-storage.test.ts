/**
 * Profiles on real storage (the fake browser's storage.local, fake-indexeddb): an install from before
 * profiles reads as profile 1 with everything it had, each profile keeps its own settings and token,
 * and removing a profile deletes exactly its own data.
 */
import { deleteDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { withProfileAdded } from '../../../lib/profiles/profile-list';
import { storageNamesOf } from '../../../lib/profiles/profile-storage-names';
import { changeProfiles, readProfiles } from '../../../lib/profiles/profiles-item';
import type { Ioc } from '../../../lib/s1/schemas';
import { readSettings, saveSettings } from '../../../lib/settings/settings';
import { clearToken, readToken } from '../../../lib/settings/token-vault';
import { openIocDb } from '../../../lib/store/db';
import { createIocRepo } from '../../../lib/store/ioc-repo';
import { createLogRepo } from '../../../lib/store/log-repo';
import { syncStatusItemOf } from '../../../lib/sync/sync-status';
import { removeProfileData } from '../../../lib/worker/remove-profile';

const ACME = 'https://usea1-acme.sentinelone.net';
const GLOBEX = 'https://euce1-globex.sentinelone.net';
const ACME_TOKEN = 'token-acme-0123456789abcdef';
const GLOBEX_TOKEN = 'token-globex-fedcba9876543210';

const connection = (consoleUrl: string, apiToken: string, accountName: string) => ({
  consoleUrl,
  apiToken,
  accountId: '2163822725049635476',
  accountName,
  creatorEmail: '',
  tagPrefix: '',
});

const ioc = (uuid: string, value: string): Ioc => ({
  uuid,
  value,
  type: 'DNS',
  source: 'Test',
  method: 'EQUALS',
  uploadTime: '2026-01-01T00:00:00.000000Z',
  updatedAt: '2026-01-01T00:00:00.000000Z',
});

beforeEach(async () => {
  fakeBrowser.reset();
  await clearToken();
  await clearToken(storageNamesOf('p2').tokenKey);
  await deleteDB(storageNamesOf('p1').database);
  await deleteDB(storageNamesOf('p2').database);
});

/** An install as the release before profiles left it: settings, token, status and a cache with one IOC. */
async function installFromBeforeProfiles() {
  const base = { ...(await readSettings()), connection: connection(ACME, ACME_TOKEN, 'Acme') };
  // Written as that release wrote them: the first profile's names are the old names (profile-storage-names.ts).
  await saveSettings(base);
  await fakeBrowser.storage.local.set({ syncStatus: { ...syncStatusItemOf('p1').fallback, iocCount: 1 } });
  const db = openIocDb('s1-ioc-manager');
  await createIocRepo(db).put(1, [ioc('u1', 'payroll-acme-corp.com')]);
  (await db).close();
}

describe('an install from before profiles', () => {
  it('becomes profile 1 with its settings, token, status and cache, and no profile list written', async () => {
    await installFromBeforeProfiles();
    expect(await fakeBrowser.storage.local.get('profiles')).toEqual({});
    const list = await readProfiles();
    expect(list.profiles.map((profile) => profile.id)).toEqual(['p1']);
    const settings = await readSettings('p1');
    expect(settings.connection).toMatchObject({
      consoleUrl: ACME,
      apiToken: ACME_TOKEN,
      accountName: 'Acme',
    });
    expect((await syncStatusItemOf('p1').getValue()).iocCount).toBe(1);
    const repo = createIocRepo(openIocDb(storageNamesOf('p1').database));
    expect((await repo.byValue('payroll-acme-corp.com')).map((found) => found.uuid)).toEqual(['u1']);
  });
});

describe('two profiles', () => {
  it('keep their own settings and tokens', async () => {
    await installFromBeforeProfiles();
    const added = await changeProfiles((list) => withProfileAdded(list, 'Globex'));
    expect(added.ok && added.profile.id).toBe('p2');
    await saveSettings(
      { ...(await readSettings('p2')), connection: connection(GLOBEX, GLOBEX_TOKEN, 'Globex') },
      'p2',
    );

    expect((await readSettings('p1')).connection).toMatchObject({ consoleUrl: ACME, apiToken: ACME_TOKEN });
    expect((await readSettings('p2')).connection).toMatchObject({
      consoleUrl: GLOBEX,
      apiToken: GLOBEX_TOKEN,
    });
    // Saved bound to its console: profile 2's token is not handed out for profile 1's console.
    expect(await readToken(ACME, storageNamesOf('p2').tokenKey)).toBeNull();
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toMatch(/token-(acme|globex)/);
  });
});

describe('removeProfileData', () => {
  it("deletes a profile's database, token, settings, status and alarm, and nothing of another's", async () => {
    await installFromBeforeProfiles();
    await changeProfiles((list) => withProfileAdded(list, 'Globex'));
    await saveSettings(
      { ...(await readSettings('p2')), connection: connection(GLOBEX, GLOBEX_TOKEN, 'Globex') },
      'p2',
    );
    await syncStatusItemOf('p2').setValue({ ...syncStatusItemOf('p2').fallback, iocCount: 1 });
    const p2db = openIocDb(storageNamesOf('p2').database);
    await createIocRepo(p2db).put(1, [ioc('g1', 'globex-payroll.com')]);
    await fakeBrowser.alarms.create('sync.p2', { periodInMinutes: 15 });

    await removeProfileData('p2', await p2db);

    expect(await readToken(GLOBEX, storageNamesOf('p2').tokenKey)).toBeNull();
    const keys = Object.keys(await fakeBrowser.storage.local.get(null));
    expect(keys.filter((key) => key.includes('p2'))).toEqual([]);
    expect(await fakeBrowser.alarms.get('sync.p2')).toBeUndefined();
    expect((await indexedDB.databases()).map((db) => db.name)).not.toContain('s1-ioc-manager.p2');
    // Profile 1 untouched.
    expect((await readSettings('p1')).connection?.apiToken).toBe(ACME_TOKEN);
    const p1 = createIocRepo(openIocDb(storageNamesOf('p1').database));
    expect(await p1.count()).toBe(1);
  });

  it("empties the first profile's cache but keeps the activity log that shares its database", async () => {
    await installFromBeforeProfiles();
    const db = openIocDb(storageNamesOf('p1').database);
    await createLogRepo(db).append({
      at: '2026-12-01T00:00:00Z',
      level: 'info',
      area: 'sync',
      message: 'kept',
    });

    await removeProfileData('p1', await db);

    expect(await createIocRepo(db).count()).toBe(0);
    expect((await createLogRepo(db).list()).map((entry) => entry.message)).toEqual(['kept']);
    expect(await readToken(ACME)).toBeNull();
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({});
  });
});
