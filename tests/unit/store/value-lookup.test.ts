import { describe, expect, it } from 'vitest';
import type { BlocklistItem, FirewallRule } from '../../../lib/s1/block-schemas';
import type { Ioc } from '../../../lib/s1/schemas';
import { createBlockRepo } from '../../../lib/store/block-repo';
import { openIocDb } from '../../../lib/store/db';
import { createIocRepo } from '../../../lib/store/ioc-repo';
import { createValueLookup } from '../../../lib/store/value-lookup';

const SHA1 = 'A'.repeat(40);
const SHA256 = 'B'.repeat(64);
const MD5 = 'C'.repeat(32);

const ioc = (uuid: string, value: string, type: Ioc['type']): Ioc => ({
  uuid,
  value,
  type,
  source: 'Test',
  method: 'EQUALS',
  uploadTime: '2026-01-01T00:00:00.000000Z',
  updatedAt: '2026-01-01T00:00:00.000000Z',
});

const item = (id: string, hashes: { value?: string; sha256Value?: string }): BlocklistItem => ({
  id,
  type: 'black_hash',
  osType: 'windows',
  ...hashes,
  description: 'test',
  scope: { accountIds: ['1'] },
  createdAt: '2026-01-01T00:00:00.000000Z',
  updatedAt: '2026-01-01T00:00:00.000000Z',
});

const rule = (id: string, type: string, values: string[]): FirewallRule => ({
  id,
  name: `S1 IOC Manager ${id}`,
  action: 'Block',
  status: 'Enabled',
  direction: 'outbound',
  osTypes: ['windows'],
  remoteHosts: [{ type, values }],
});

let n = 0;
/** One database holding IOCs, Blocklist items and firewall rules, and a look-up over it. */
async function seeded() {
  const db = openIocDb(`value-lookup-test-${++n}`);
  return { db, lookup: await seededIn(db) };
}

async function seededIn(db: ReturnType<typeof openIocDb>) {
  await createIocRepo(db).put(1, [
    ioc('i-sha1', SHA1, 'SHA1'),
    ioc('i-dns', 'evil.example', 'DNS'),
    ioc('i-ip', '10.0.0.1', 'IPV4'),
    // As the console keeps it: in the form it was sent, leading zeros and all.
    ioc('i-ip6', '2001:db8:0:1eb7::0dc4', 'IPV6'),
  ]);
  const blocks = createBlockRepo(db);
  await blocks.replaceBlocklist([item('b-sha1', { value: SHA1 }), item('b-sha256', { sha256Value: SHA256 })]);
  await blocks.replaceFirewallRules([
    rule('r-dns', 'fqdn', ['Evil.Example']),
    rule('r-ip', 'addresses', ['10.0.0.1']),
    // A host that reads as a hash: no rule can name one, so a hash is never asked of the rules.
    rule('r-odd', 'fqdn', [MD5.toLowerCase()]),
  ]);
  return createValueLookup(db);
}

describe.each([
  ['reading the buckets', false],
  ['with the buckets held in memory', true],
])('createValueLookup, %s: IOCs and blocks of values in one transaction', (_mode, hold) => {
  it.each<[string, string[], string[], string[], string[]]>([
    ['nothing asked', [], [], [], []],
    ['a SHA1 held as IOC and blocked', [SHA1.toLowerCase()], ['i-sha1'], ['b-sha1'], []],
    ['a SHA256 only blocked', [SHA256], [], ['b-sha256'], []],
    ['a domain held and network-blocked, in another case', ['EVIL.example'], ['i-dns'], [], ['r-dns']],
    ['an IP held and network-blocked', ['10.0.0.1'], ['i-ip'], [], ['r-ip']],
    ['a hash is not asked of the firewall rules', [MD5], [], [], []],
    [
      'values of every kind at once',
      [SHA1, 'evil.example', '10.0.0.1'],
      ['i-dns', 'i-ip', 'i-sha1'],
      ['b-sha1'],
      ['r-dns', 'r-ip'],
    ],
    [
      'an IPv6 asked in its validated form finds the form the console holds',
      ['2001:db8:0:1eb7::dc4'],
      ['i-ip6'],
      [],
      [],
    ],
    ['unknown values', ['nowhere.example', 'D'.repeat(40)], [], [], []],
  ])('%s', async (_label, values, iocs, blocklist, firewall) => {
    const { lookup } = await seeded();
    if (hold) await lookup.holdBuckets();
    const found = await lookup(values);
    expect(found.iocs.map((i) => i.uuid).sort()).toEqual(iocs);
    expect(found.blocks?.blocklist.map((i) => i.id).sort()).toEqual(blocklist);
    expect(found.blocks?.firewall.map((r) => r.id).sort()).toEqual(firewall);
  });
});

describe('createValueLookup with the buckets held: never behind the cache', () => {
  it('finds the chunks from memory while the cache is unchanged', async () => {
    const { db, lookup } = await seeded();
    await lookup.holdBuckets();
    // Proof that the held copy answers: the stored buckets are gone, the meta record unchanged.
    await (await db).clear('buckets');
    expect((await lookup(['evil.example'])).iocs.map((i) => i.uuid)).toEqual(['i-dns']);
  });

  it.each<[string, number | undefined, number, string[]]>([
    ['no limit', undefined, 4, ['i-dns']],
    ['a limit the cache is within', 4, 4, ['i-dns']],
    // Not held: the look-up reads the (now cleared) stored buckets, as without a copy.
    ['a limit the cache is over', 3, 0, []],
  ])('holds a cache within %s', async (_label, limit, count, uuids) => {
    const { db, lookup } = await seeded();
    expect(await lookup.holdBuckets(limit)).toBe(count);
    await (await db).clear('buckets');
    expect((await lookup(['evil.example'])).iocs.map((i) => i.uuid)).toEqual(uuids);
  });

  it.each<[string, (db: ReturnType<typeof openIocDb>) => Promise<unknown>, string[], string[]]>([
    [
      'an IOC added since',
      (db) => createIocRepo(db).put(1, [ioc('i-new', 'new.example', 'DNS')]),
      ['new.example', 'evil.example'],
      ['i-new', 'i-dns'],
    ],
    [
      'an IOC removed since',
      (db) => createIocRepo(db).remove(1, [{ uuid: 'i-dns', value: 'evil.example', type: 'DNS' }]),
      ['evil.example'],
      [],
    ],
    [
      'another generation made visible (a full sync)',
      async (db) => {
        const repo = createIocRepo(db);
        await repo.append(2, [ioc('i-gen2', 'gen2.example', 'DNS')]);
        await repo.seal(2);
        await repo.updateMeta(() => ({ generation: 2 }));
      },
      ['gen2.example', 'evil.example'],
      ['i-gen2'],
    ],
  ])('answers %s, then holds the new buckets', async (_label, write, values, uuids) => {
    const { db, lookup } = await seeded();
    await lookup.holdBuckets();
    await write(db);
    expect((await lookup(values)).iocs.map((i) => i.uuid)).toEqual(uuids);
    // Read again behind that look-up: the next look-ups are answered from the new copy.
    await lookup.holdBuckets();
    await (await db).clear('buckets');
    expect((await lookup(values)).iocs.map((i) => i.uuid)).toEqual(uuids);
  });
});
