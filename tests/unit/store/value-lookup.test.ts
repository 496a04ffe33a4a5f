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

describe('createValueLookup: IOCs and blocks of values in one transaction', () => {
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
    const lookup = await seeded();
    const found = await lookup(values);
    expect(found.iocs.map((i) => i.uuid).sort()).toEqual(iocs);
    expect(found.blocks?.blocklist.map((i) => i.id).sort()).toEqual(blocklist);
    expect(found.blocks?.firewall.map((r) => r.id).sort()).toEqual(firewall);
  });
});
