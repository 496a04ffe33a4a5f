import { describe, expect, it } from 'vitest';
import type { BlocklistItem, FirewallRule } from '../../../lib/s1/block-schemas';
import { createBlockRepo, hashKeysOf, hostKeysOf } from '../../../lib/store/block-repo';
import { EMPTY_BLOCKS_META, openIocDb } from '../../../lib/store/db';

let n = 0;
const freshRepo = () => createBlockRepo(openIocDb(`block-repo-test-${++n}`));

const SHA1 = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const SHA256 = 'BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB';

const item = (
  id: string,
  osType: string,
  hashes: { value?: string; sha256Value?: string },
): BlocklistItem => ({
  id,
  type: 'black_hash',
  osType,
  ...hashes,
  description: 'test',
  scope: { accountIds: ['1'] },
  createdAt: '2026-01-01T00:00:00.000000Z',
  updatedAt: '2026-01-01T00:00:00.000000Z',
});

const rule = (id: string, hosts: Array<{ type: string; values: string[] }>): FirewallRule => ({
  id,
  name: `S1 IOC Manager ${id}`,
  action: 'Block',
  status: 'Enabled',
  direction: 'outbound',
  osTypes: ['windows', 'macos', 'linux'],
  remoteHosts: hosts,
});

describe('look-up keys', () => {
  it.each([
    [{ value: SHA1 }, [SHA1.toLowerCase()]],
    [{ sha256Value: SHA256 }, [SHA256.toLowerCase()]],
    [{ value: SHA1, sha256Value: SHA256 }, [SHA1.toLowerCase(), SHA256.toLowerCase()]],
    [{ value: null, sha256Value: ` ${SHA256} ` }, [SHA256.toLowerCase()]],
    [{ value: SHA1, sha256Value: SHA1 }, [SHA1.toLowerCase()]],
  ])('hashKeysOf %j', (hashes, keys) => {
    expect(hashKeysOf(item('x', 'windows', hashes as { value?: string }))).toEqual(keys);
  });

  it.each([
    [[{ type: 'fqdn', values: ['Evil.Example'] }], ['evil.example']],
    [
      [
        { type: 'addresses', values: ['10.0.0.1', '10.0.0.2'] },
        { type: 'fqdn', values: ['A.example', 'a.EXAMPLE'] },
      ],
      ['10.0.0.1', '10.0.0.2', 'a.example'],
    ],
    [[], []],
  ])('hostKeysOf %j', (hosts, keys) => {
    expect(hostKeysOf(rule('r', hosts))).toEqual(keys);
  });

  it('hostKeysOf a rule without remote hosts', () => {
    expect(hostKeysOf({ id: 'r', name: 'n', remoteHosts: null })).toEqual([]);
  });
});

describe('createBlockRepo', () => {
  it('starts empty, with the empty meta record', async () => {
    const repo = freshRepo();
    expect(await repo.meta()).toEqual(EMPTY_BLOCKS_META);
    expect(await repo.allBlocklist()).toEqual([]);
    expect(await repo.allFirewallRules()).toEqual([]);
  });

  it('replaces the whole Blocklist and meta in one step, returning items without their keys', async () => {
    const repo = freshRepo();
    await repo.replaceBlocklist([item('old', 'linux', { value: SHA1 })]);
    const items = [item('1', 'windows', { value: SHA1 }), item('2', 'macos', { sha256Value: SHA256 })];
    const meta = await repo.replaceBlocklist(items, { watermark: 'w', completeAt: 'c', accountKey: 'k' });
    expect(meta).toMatchObject({ watermark: 'w', completeAt: 'c', accountKey: 'k', blocklistCount: 2 });
    expect(await repo.meta()).toEqual(meta);
    expect(await repo.allBlocklist()).toEqual(items);
  });

  it('leaves the previous list whole when a replacement fails', async () => {
    const repo = freshRepo();
    const before = [item('1', 'windows', { value: SHA1 })];
    await repo.replaceBlocklist(before, { watermark: 'w1' });
    // An id IndexedDB cannot store aborts the transaction after the clear was issued.
    const broken = { ...item('2', 'macos', { value: SHA1 }), id: {} as unknown as string };
    await expect(
      repo.replaceBlocklist([item('3', 'linux', { value: SHA1 }), broken], { watermark: 'w2' }),
    ).rejects.toThrow();
    expect(await repo.allBlocklist()).toEqual(before);
    expect(await repo.meta()).toMatchObject({ watermark: 'w1', blocklistCount: 1 });
  });

  it('puts and removes items by id, keeping the count', async () => {
    const repo = freshRepo();
    await repo.replaceBlocklist([item('1', 'windows', { value: SHA1 })]);
    const changed = { ...item('1', 'windows', { value: SHA1 }), description: 'changed' };
    expect(await repo.putBlocklist([changed, item('2', 'linux', { value: SHA1 })], { watermark: 'w' })).toBe(
      1,
    );
    expect(await repo.meta()).toMatchObject({ blocklistCount: 2, watermark: 'w' });
    expect((await repo.allBlocklist()).find((i) => i.id === '1')?.description).toBe('changed');
    expect(await repo.removeBlocklist(['2', 'never-held'])).toBe(1);
    expect((await repo.meta()).blocklistCount).toBe(1);
    expect((await repo.allBlocklist()).map((i) => i.id)).toEqual(['1']);
  });

  it('replaces and removes firewall rules, keeping their count apart from the Blocklist’s', async () => {
    const repo = freshRepo();
    await repo.replaceBlocklist([item('1', 'windows', { value: SHA1 })]);
    const rules = [rule('r1', [{ type: 'fqdn', values: ['evil.example'] }]), rule('r2', [])];
    await repo.replaceFirewallRules(rules, { firewall: { available: true, reason: null } });
    expect(await repo.meta()).toMatchObject({
      blocklistCount: 1,
      firewallCount: 2,
      firewall: { available: true, reason: null },
    });
    expect(await repo.allFirewallRules()).toEqual(rules);
    expect(await repo.removeFirewallRules(['r1'])).toBe(1);
    expect(await repo.allFirewallRules()).toEqual([rules[1]]);
    expect((await repo.meta()).firewallCount).toBe(1);
  });

  it('finds blocks by value ignoring case, each item once, through both hashes and hosts', async () => {
    const repo = freshRepo();
    const both = item('both', 'windows', { value: SHA1, sha256Value: SHA256 });
    const sha256Only = item('mac', 'macos', { sha256Value: SHA256.toLowerCase() });
    const other = item('other', 'linux', { value: 'c'.repeat(40) });
    await repo.replaceBlocklist([both, sha256Only, other]);
    const domain = rule('r1', [{ type: 'fqdn', values: ['Evil.Example'] }]);
    const ip = rule('r2', [{ type: 'addresses', values: ['10.0.0.1'] }]);
    await repo.replaceFirewallRules([domain, ip]);

    const bySha256 = await repo.blocksByValues([SHA256.toLowerCase()]);
    expect(bySha256.blocklist.map((i) => i.id).sort()).toEqual(['both', 'mac']);
    expect(bySha256.firewall).toEqual([]);
    // Both hashes of one item asked at once: the item is answered once.
    expect((await repo.blocksByValues([SHA1.toLowerCase(), SHA256])).blocklist).toHaveLength(2);
    expect(await repo.blocksByValues(['EVIL.example', '10.0.0.1', 'nothing'])).toEqual({
      blocklist: [],
      firewall: [domain, ip],
    });
    expect(await repo.blocksByValues([])).toEqual({ blocklist: [], firewall: [] });
  });

  it('updates meta with a function of the current record', async () => {
    const repo = freshRepo();
    await repo.updateMeta({ blocklist: { readable: false, reason: 'no' } });
    const next = await repo.updateMeta((current) => ({ firewallCount: current.firewallCount + 5 }));
    expect(next).toMatchObject({ blocklist: { readable: false, reason: 'no' }, firewallCount: 5 });
  });
});
