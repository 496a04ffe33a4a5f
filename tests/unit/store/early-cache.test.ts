import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DB_NAME, openIocDb } from '../../../lib/store/db';
import {
  openCacheEarly,
  openEveryCacheEarly,
  takeEarlyCache,
  takeEarlyProfiles,
} from '../../../lib/store/early-cache';
import { createIocRepo } from '../../../lib/store/ioc-repo';

const ioc = {
  uuid: 'a',
  value: 'evil.example',
  type: 'DNS' as const,
  source: 'Test',
  method: 'EQUALS' as const,
  uploadTime: '2026-01-01T00:00:00.000000Z',
  updatedAt: '2026-01-01T00:00:00.000000Z',
};

describe('early cache hand-over', () => {
  afterEach(async () => {
    // Nothing left for the next test, whether or not it was taken.
    (await takeEarlyCache())?.close();
    const profiles = await takeEarlyProfiles();
    for (const db of profiles?.databases.values() ?? []) (await db).close();
    fakeBrowser.reset();
  });

  it('is null when nothing opened the cache early (every page but the popup)', () => {
    expect(takeEarlyCache()).toBeNull();
  });

  it('hands over a working connection to the cache, once', async () => {
    const writer = await openIocDb();
    await createIocRepo(Promise.resolve(writer)).put(1, [ioc]);
    openCacheEarly();
    const taken = takeEarlyCache();
    expect(taken).not.toBeNull();
    expect(takeEarlyCache()).toBeNull();
    const db = await (taken as NonNullable<typeof taken>);
    expect(db.name).toBe(DB_NAME);
    expect(await createIocRepo(Promise.resolve(db)).byValues(['EVIL.example'])).toEqual([ioc]);
    db.close();
    writer.close();
  });

  it('opens once however often it is asked', async () => {
    openCacheEarly();
    const first = (globalThis as Record<symbol, unknown>)[Symbol.for('s1-ioc-manager/early-cache')];
    openCacheEarly();
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('s1-ioc-manager/early-cache')]).toBe(first);
  });

  it('creates the schema when the cache does not exist yet (a popup opened before the first sync)', async () => {
    await new Promise((done, fail) => {
      const deleting = indexedDB.deleteDatabase(DB_NAME);
      deleting.onsuccess = done;
      deleting.onerror = fail;
    });
    openCacheEarly();
    const db = await (takeEarlyCache() as NonNullable<ReturnType<typeof takeEarlyCache>>);
    expect([...db.objectStoreNames].sort()).toEqual([
      'blocklist',
      'buckets',
      'changes',
      'chunks',
      'firewallRules',
      'log',
      'meta',
    ]);
    expect(await createIocRepo(Promise.resolve(db)).byValues(['evil.example'])).toEqual([]);
    db.close();
  });

  it("reads the profile list and opens every other profile's database beside the first", async () => {
    await fakeBrowser.storage.local.set({
      profiles: {
        profiles: [
          { id: 'p1', name: '', colour: 'blue' },
          { id: 'p2', name: 'Globex', colour: 'green' },
          { id: 'p4', name: 'Initech', colour: 'amber' },
        ],
        activeId: 'p1',
      },
    });
    const writer = await openIocDb('s1-ioc-manager.p4');
    await createIocRepo(Promise.resolve(writer)).put(1, [ioc]);
    openCacheEarly();
    const taken = takeEarlyProfiles();
    expect(takeEarlyProfiles()).toBeNull();
    const { list, databases } = await (taken as NonNullable<typeof taken>);
    expect(list.profiles.map((profile) => profile.name)).toEqual(['', 'Globex', 'Initech']);
    expect([...databases.keys()]).toEqual(['p2', 'p4']);
    const p4 = await (databases.get('p4') as Promise<Awaited<ReturnType<typeof openIocDb>>>);
    expect(p4.name).toBe('s1-ioc-manager.p4');
    expect(await createIocRepo(Promise.resolve(p4)).byValues(['evil.example'])).toEqual([ioc]);
    writer.close();
  });

  it('with no list stored (an install from before profiles) opens the first database only', async () => {
    openCacheEarly();
    const { list, databases } = await (takeEarlyProfiles() as NonNullable<
      ReturnType<typeof takeEarlyProfiles>
    >);
    expect(list.profiles.map((profile) => profile.id)).toEqual(['p1']);
    expect(databases.size).toBe(0);
    expect(takeEarlyCache()).not.toBeNull();
  });

  it.each([
    { name: 'the listed profiles, first included, in the list order', listed: ['p4', 'p1', 'p2'] },
    { name: 'a list without the first profile', listed: ['p2', 'p4'] },
  ])(
    'across profiles opens $name for the early reads, and leaves the same connections to take',
    async ({ listed }) => {
      await fakeBrowser.storage.local.set({
        profiles: { profiles: listed.map((id) => ({ id, name: id, colour: 'blue' })), activeId: listed[0] },
      });
      const writer = await openIocDb('s1-ioc-manager.p4');
      await createIocRepo(Promise.resolve(writer)).put(1, [ioc]);
      const every = await openEveryCacheEarly();
      expect([...every.keys()]).toEqual(listed);
      const p4 = await (every.get('p4') as Promise<Awaited<ReturnType<typeof openIocDb>>>);
      expect(await createIocRepo(Promise.resolve(p4)).byValues(['evil.example'])).toEqual([ioc]);
      const taken = await takeEarlyProfiles();
      expect([...(taken?.databases.keys() ?? [])]).toEqual(listed.filter((id) => id !== 'p1'));
      expect(takeEarlyCache()).not.toBeNull();
      writer.close();
    },
  );
});
