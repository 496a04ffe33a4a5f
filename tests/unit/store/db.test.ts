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

describe('openIocDb', () => {
  it('upgrades version 2 by dropping the uuid index, adding the record of changes, and keeping the cache', async () => {
    await versionTwo('db-upgrade-2');
    const db = await openIocDb('db-upgrade-2');
    expect(db.version).toBe(5);
    expect([...db.transaction('chunks').store.indexNames]).toEqual(['byValue']);
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
    expect(db.version).toBe(5);
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
      'changes',
      'chunks',
      'firewallRules',
      'log',
      'meta',
    ]);
    expect([...db.transaction('chunks').store.indexNames]).toEqual(['byValue']);
    expect([...db.transaction('blocklist').store.indexNames]).toEqual(['byHash']);
    expect(db.transaction('blocklist').store.index('byHash').multiEntry).toBe(true);
    expect([...db.transaction('firewallRules').store.indexNames]).toEqual(['byHost']);
    expect(db.transaction('firewallRules').store.index('byHost').multiEntry).toBe(true);
  });
});
