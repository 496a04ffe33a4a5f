import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import type { Ioc } from '../../../lib/s1/schemas';
import { createBlockRepo } from '../../../lib/store/block-repo';
import { EMPTY_BLOCKS_META, openIocDb } from '../../../lib/store/db';
import { valueHash } from '../../../lib/store/ioc-chunks';
import { createIocRepo } from '../../../lib/store/ioc-repo';

const ioc: Ioc = {
  uuid: '0123456789abcdef0123456789abcdef',
  value: 'evil.example',
  type: 'DNS',
  source: 'Test',
  method: 'EQUALS',
  uploadTime: '2026-01-01T00:00:00.000000Z',
  updatedAt: '2026-01-01T00:00:00.000000Z',
};

/** A database as version 2 left it: chunks with both indexes, a complete cache of one IOC. */
async function versionTwo(name: string): Promise<void> {
  const db = await openDB(name, 2, {
    upgrade(database) {
      const chunks = database.createObjectStore('chunks', { keyPath: ['generation', 'id'] });
      chunks.createIndex('byValue', 'valueKeys', { multiEntry: true });
      chunks.createIndex('byUuid', 'uuidKeys', { multiEntry: true });
      database.createObjectStore('meta');
      database.createObjectStore('log', { keyPath: 'seq', autoIncrement: true });
    },
  });
  await db.put('chunks', {
    generation: 1,
    id: 'c1',
    iocs: [ioc],
    valueKeys: [[1, valueHash(ioc.value)]],
    uuidKeys: [[1, 'whatever']],
  });
  await db.put('meta', { generation: 1, count: 1, completeAt: '2026-01-01T00:00:00Z' }, 'cache');
  db.close();
}

/** A database as version 4 left it: chunks, the record of changes, a complete cache of one IOC. */
async function versionFour(name: string): Promise<void> {
  const db = await openDB(name, 4, {
    upgrade(database) {
      const chunks = database.createObjectStore('chunks', { keyPath: ['generation', 'id'] });
      chunks.createIndex('byValue', 'valueKeys', { multiEntry: true });
      database.createObjectStore('meta');
      database.createObjectStore('log', { keyPath: 'seq', autoIncrement: true });
      database.createObjectStore('changes', { keyPath: ['generation', 'revision'] });
    },
  });
  await db.put('chunks', { generation: 1, id: 'c1', iocs: [ioc], valueKeys: [[1, valueHash(ioc.value)]] });
  await db.put(
    'meta',
    { generation: 1, count: 1, revision: 3, completeAt: '2026-01-01T00:00:00Z', accountKey: 'a|1' },
    'cache',
  );
  await db.put('changes', { generation: 1, revision: 3, upserts: [ioc], removed: [] });
  db.close();
}

/** IOCs as version 5 stored them: chunks listing their value hashes for the byValue index. */
const stored = (generation: number, id: string, iocs: Ioc[]) => ({
  generation,
  id,
  iocs,
  valueKeys: iocs.map((each) => [generation, valueHash(each.value)]),
});

const many = Array.from({ length: 250 }, (_, i) => ({
  ...ioc,
  uuid: `u${i}`,
  value: i === 7 ? '2001:DB8:0:1EB7::0DC4' : `host-${i}.example`,
}));

/**
 * A database as version 5 left it: a complete cache of 250 IOCs in three chunks, found through the
 * byValue index, and the chunk of a full sync interrupted before it completed (generation 2).
 */
async function versionFive(name: string): Promise<void> {
  const db = await openDB(name, 5, {
    upgrade(database) {
      const chunks = database.createObjectStore('chunks', { keyPath: ['generation', 'id'] });
      chunks.createIndex('byValue', 'valueKeys', { multiEntry: true });
      database.createObjectStore('meta');
      database.createObjectStore('log', { keyPath: 'seq', autoIncrement: true });
      database.createObjectStore('changes', { keyPath: ['generation', 'revision'] });
      database
        .createObjectStore('blocklist', { keyPath: 'id' })
        .createIndex('byHash', 'hashKeys', { multiEntry: true });
      database
        .createObjectStore('firewallRules', { keyPath: 'id' })
        .createIndex('byHost', 'hostKeys', { multiEntry: true });
    },
  });
  await db.put('chunks', stored(1, 'a', many.slice(0, 100)));
  await db.put('chunks', stored(1, 'b', many.slice(100, 200)));
  await db.put('chunks', stored(1, 'c', many.slice(200)));
  await db.put('chunks', stored(2, 'a', [{ ...ioc, uuid: 'staged', value: 'staged.example' }]));
  await db.put(
    'meta',
    { generation: 1, count: 250, revision: 2, completeAt: '2026-01-01T00:00:00Z' },
    'cache',
  );
  db.close();
}

describe('openIocDb', () => {
  it('upgrades version 5 by listing every cached IOC in the buckets: each is found by value at once', async () => {
    await versionFive('db-upgrade-5');
    const db = await openIocDb('db-upgrade-5');
    expect(db.version).toBe(6);
    expect([...db.transaction('chunks').store.indexNames]).toEqual([]);
    const repo = createIocRepo(Promise.resolve(db));
    expect(await repo.meta()).toMatchObject({ generation: 1, count: 250, revision: 2 });
    const found = await repo.byValues(many.map((each) => each.value.toUpperCase()));
    expect(found.map((each) => each.uuid)).toEqual(many.map((each) => each.uuid));
    expect(await repo.byValue('2001:db8:0:1eb7::dc4')).toEqual([many[7]]);
    // The interrupted sync's generation is listed too, and dropped with its buckets by the next one.
    await repo.updateMeta(() => ({ generation: 2 }));
    expect((await repo.byValue('STAGED.example')).map((each) => each.uuid)).toEqual(['staged']);
    await repo.updateMeta(() => ({ generation: 1 }));
    await repo.dropOtherGenerations(1);
    expect(await db.count('buckets', IDBKeyRange.bound([2], [2, []]))).toBe(0);
    // Writes keep working on the upgraded cache.
    expect(await repo.remove(1, [many[0] as Ioc, many[150] as Ioc])).toBe(2);
    expect(await repo.put(1, [{ ...ioc, uuid: 'new', value: 'new.example' }])).toBe(1);
    expect(
      await repo.byValues(['host-0.example', 'host-150.example', 'host-151.example', 'NEW.example']),
    ).toEqual([many[151], { ...ioc, uuid: 'new', value: 'new.example' }]);
    db.close();
  });

  it('upgrades version 2 by dropping the uuid index, adding the record of changes, and keeping the cache', async () => {
    await versionTwo('db-upgrade-2');
    const db = await openIocDb('db-upgrade-2');
    expect(db.version).toBe(6);
    expect([...db.transaction('chunks').store.indexNames]).toEqual([]);
    const repo = createIocRepo(Promise.resolve(db));
    expect(await repo.count()).toBe(1);
    expect(await repo.byValue('EVIL.example')).toEqual([ioc]);
    // A cache written before the record of changes starts it at revision 0.
    const mark = await repo.mark();
    expect(mark).toEqual({ generation: 1, revision: 0 });
    expect(await repo.remove(1, [ioc])).toBe(1);
    expect(await repo.all()).toEqual([]);
    expect((await repo.changesSince(mark))?.map((c) => c.removed)).toEqual([[ioc.uuid]]);
  });

  it('upgrades version 4 by adding the block stores, keeping the IOC cache and its record of changes', async () => {
    await versionFour('db-upgrade-4');
    const db = await openIocDb('db-upgrade-4');
    expect(db.version).toBe(6);
    const repo = createIocRepo(Promise.resolve(db));
    expect(await repo.meta()).toMatchObject({
      generation: 1,
      count: 1,
      revision: 3,
      completeAt: '2026-01-01T00:00:00Z',
    });
    expect(await repo.byValue('EVIL.example')).toEqual([ioc]);
    expect(await repo.mark()).toEqual({ generation: 1, revision: 3 });
    const blocks = createBlockRepo(Promise.resolve(db));
    expect(await blocks.meta()).toEqual(EMPTY_BLOCKS_META);
    expect(await blocks.allBlocklist()).toEqual([]);
    expect(await blocks.blocksByValues(['evil.example'])).toEqual({ blocklist: [], firewall: [] });
    db.close();
  });

  it('creates the latest schema from nothing', async () => {
    const db = await openIocDb('db-fresh');
    expect([...db.objectStoreNames].sort()).toEqual([
      'blocklist',
      'buckets',
      'changes',
      'chunks',
      'firewallRules',
      'log',
      'meta',
    ]);
    expect([...db.transaction('chunks').store.indexNames]).toEqual([]);
    expect([...db.transaction('blocklist').store.indexNames]).toEqual(['byHash']);
    expect(db.transaction('blocklist').store.index('byHash').multiEntry).toBe(true);
    expect([...db.transaction('firewallRules').store.indexNames]).toEqual(['byHost']);
    expect(db.transaction('firewallRules').store.index('byHost').multiEntry).toBe(true);
  });
});
