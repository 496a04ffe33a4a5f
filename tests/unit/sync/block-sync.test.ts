import { describe, expect, it } from 'vitest';
import { FIREWALL_RULE_PREFIX, firewallRuleDraft } from '../../../lib/blocks/firewall-rules';
import { createBlockRepo } from '../../../lib/store/block-repo';
import { openIocDb } from '../../../lib/store/db';
import { syncBlocks } from '../../../lib/sync/block-sync';
import { SIM_TOKENS } from '../../simulator';
import { useSimulatedConsole } from '../simulated-console';

const { sim, client: consoleClient, origin } = useSimulatedConsole();

let databases = 0;
const freshRepo = () => createBlockRepo(openIocDb(`block-sync-test-${++databases}`));
const simNow = () => new Date(Date.parse(sim.clock.iso()));
const accountKey = () => `${origin()}|${sim.defaultAccountId}`;

const hex = (n: number, length: number) => n.toString(16).padStart(length, '0');
const OSES = ['windows', 'macos', 'linux'] as const;

/** `count` Blocklist items planted by another console user: SHA1, SHA256 or both, on the three OSes. */
function plantBlocklist(count: number, from = 0) {
  return sim.putBlocklist(
    Array.from({ length: count }, (_, i) => {
      const n = from + i;
      const kind = n % 3;
      return {
        osType: OSES[n % 3],
        ...(kind !== 1 ? { value: hex(n + 1, 40) } : {}),
        ...(kind !== 0 ? { sha256Value: hex(n + 1, 64) } : {}),
        description: `planted ${n}`,
      };
    }),
  );
}

function run(
  repo: ReturnType<typeof freshRepo>,
  options: { full?: boolean; token?: string; accountKey?: string } = {},
) {
  const logs: string[] = [];
  const client = consoleClient(options.token);
  const result = syncBlocks({
    client,
    repo,
    accountKey: options.accountKey ?? accountKey(),
    now: simNow,
    full: options.full ?? false,
    pageSize: 50,
    onLog: (message) => logs.push(message),
  });
  return { result, logs };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);

/** The cache holds exactly the simulator's Blocklist and own rules: the same ids, field for field. */
async function expectCacheEqualsServer(repo: ReturnType<typeof freshRepo>) {
  const cache = (await repo.allBlocklist()).sort(byId);
  const server = sim.blocklist().sort(byId);
  expect(cache.map((i) => i.id)).toEqual(server.map((i) => i.id));
  expect(cache).toEqual(server);
  expect((await repo.meta()).blocklistCount).toBe(server.length);
  const ownRules = sim
    .firewallRules()
    .filter((rule) => rule.name.startsWith(FIREWALL_RULE_PREFIX))
    .sort(byId);
  expect((await repo.allFirewallRules()).sort(byId)).toEqual(ownRules);
  expect((await repo.meta()).firewallCount).toBe(ownRules.length);
}

const restrictionGets = () =>
  sim.requests().filter((r) => r.method === 'GET' && r.path.endsWith('/restrictions'));

const ruleFor = (value: string, validUntil: string) =>
  firewallRuleDraft({ value, type: 'DNS', creator: 'analyst@acme.example', validUntil });

describe('syncBlocks: the Blocklist', () => {
  it('copies the whole Blocklist over several pages, field for field, on the first sync', async () => {
    plantBlocklist(120);
    const repo = freshRepo();
    const { result } = run(repo);
    expect(await result).toMatchObject({ blocklist: 'full', firewall: 'synced', expired: [] });
    await expectCacheEqualsServer(repo);
    const newest = sim
      .blocklist()
      .map((i) => i.updatedAt)
      .sort()
      .at(-1);
    expect(await repo.meta()).toMatchObject({
      accountKey: accountKey(),
      watermark: newest,
      completeAt: simNow().toISOString(),
      lastFullSyncAt: simNow().toISOString(),
      blocklistCount: 120,
      blocklist: { readable: true, reason: null },
      firewall: { available: true, reason: null },
    });
    // Paged with cursors, and only ever the account's black_hash items.
    expect(restrictionGets().filter((r) => r.query.cursor !== undefined).length).toBeGreaterThanOrEqual(2);
    for (const request of restrictionGets())
      expect(request.query).toMatchObject({ type: 'black_hash', accountIds: sim.defaultAccountId });
  });

  it('merges what changed since the watermark, minus five minutes, and counts to confirm', async () => {
    const [first] = plantBlocklist(60);
    const repo = freshRepo();
    await run(repo).result;
    const watermark = (await repo.meta()).watermark ?? '';
    sim.clock.advance(60_000);
    sim.putBlocklist([{ ...first, description: 'edited on the console' }]);
    plantBlocklist(2, 1000);
    sim.clearRequests();

    expect((await run(repo).result).blocklist).toBe('incremental');
    await expectCacheEqualsServer(repo);
    expect((await repo.allBlocklist()).find((i) => i.id === first?.id)?.description).toBe(
      'edited on the console',
    );
    const since = new Date(Date.parse(watermark) - 5 * 60_000).toISOString();
    const [listing, counts] = [
      restrictionGets().filter((r) => r.query.countOnly === undefined),
      restrictionGets().filter((r) => r.query.countOnly === 'true'),
    ];
    // The overlap brings the first sync's items again: 62 items in two pages, then one count.
    expect(listing).toHaveLength(2);
    for (const request of listing)
      expect(request.query).toMatchObject({ updatedAt__gt: since, sortBy: 'updatedAt', sortOrder: 'asc' });
    expect(counts).toHaveLength(1);
    expect((await repo.meta()).watermark).toBe(
      sim
        .blocklist()
        .map((i) => i.updatedAt)
        .sort()
        .at(-1),
    );
  });

  it('notices an item deleted on the console behind its back and reconciles with a full sync', async () => {
    const planted = plantBlocklist(70);
    const repo = freshRepo();
    await run(repo).result;
    sim.clock.advance(60_000);
    sim.removeBlocklist([planted[5]?.id ?? '', planted[6]?.id ?? '']);
    const { result, logs } = run(repo);
    expect((await result).blocklist).toBe('full');
    await expectCacheEqualsServer(repo);
    expect(await repo.blocksByValues([planted[5]?.value ?? planted[5]?.sha256Value ?? ''])).toEqual({
      blocklist: [],
      firewall: [],
    });
    expect(logs.join('\n')).toMatch(/holds 68 items and the cache 70: reconciling/);
  });

  it.each<[string, (repo: ReturnType<typeof freshRepo>) => Promise<{ full?: boolean; accountKey?: string }>]>(
    [
      ['asked for', async () => ({ full: true })],
      ['the cache belongs to another account', async () => ({ accountKey: 'https://other.example|1' })],
      [
        'the last full sync is more than a day old',
        async () => {
          sim.clock.advance(24 * 60 * 60_000 + 1);
          return {};
        },
      ],
      [
        'the cache was never complete',
        async (repo) => {
          await repo.updateMeta({ completeAt: null });
          return {};
        },
      ],
    ],
  )('runs a full sync when %s', async (_why, prepare) => {
    plantBlocklist(10);
    const repo = freshRepo();
    await run(repo).result;
    expect((await run(repo).result).blocklist).toBe('incremental');
    const options = await prepare(repo);
    expect((await run(repo, options).result).blocklist).toBe('full');
    await expectCacheEqualsServer(repo);
  });

  it('keeps the previous list whole when the console fails half-way, and says so', async () => {
    plantBlocklist(120);
    const repo = freshRepo();
    await run(repo).result;
    const before = await repo.allBlocklist();
    plantBlocklist(5, 500);
    sim.faults.add({ method: 'GET', path: 'restrictions', kind: 'status', status: 500, times: 1000 });
    await expect(run(repo, { full: true }).result).rejects.toMatchObject({ kind: 'server' });
    expect(await repo.allBlocklist()).toEqual(before);
    expect((await repo.meta()).blocklistCount).toBe(120);
  });

  it('records a token without Blacklist permission as unreadable, empties the list, and still syncs rules', async () => {
    plantBlocklist(10);
    sim.putFirewallRules([ruleFor('evil.example', '2027-01-01T00:00:00Z')]);
    const repo = freshRepo();
    await run(repo).result;
    expect((await repo.meta()).blocklistCount).toBe(10);

    const { result } = run(repo, { token: SIM_TOKENS.noBlocklist });
    expect(await result).toMatchObject({ blocklist: 'unreadable', firewall: 'synced' });
    const meta = await repo.meta();
    expect(meta.blocklist.readable).toBe(false);
    expect(meta.blocklist.reason).toMatch(/Blocklist permission/);
    expect(meta).toMatchObject({ blocklistCount: 0, completeAt: null, firewallCount: 1 });
    expect(await repo.allBlocklist()).toEqual([]);
    expect((await repo.allFirewallRules()).map((r) => r.name)).toEqual([
      `${FIREWALL_RULE_PREFIX}evil.example`,
    ]);

    // The permission granted again: a full sync refills it.
    expect((await run(repo).result).blocklist).toBe('full');
    await expectCacheEqualsServer(repo);
    expect((await repo.meta()).blocklist).toEqual({ readable: true, reason: null });
  });
});

describe('syncBlocks: the extension’s firewall rules', () => {
  it('caches its own rules, removes the expired ones on the console and in the cache, and leaves others alone', async () => {
    const [expired, current] = sim.putFirewallRules([
      ruleFor('expired.example', '2026-11-27T11:00:00Z'),
      ruleFor('10.0.0.1', '2026-12-31T00:00:00Z'),
    ]);
    const others = sim.putFirewallRules([
      { name: 'Corporate: block evil.example', remoteHosts: [{ type: 'fqdn', values: ['evil.example'] }] },
      // Holds the prefix, but not at the start: not the extension's.
      {
        name: `Copy of ${FIREWALL_RULE_PREFIX}old.example`,
        description: 'Blocked by x with S1 IOC Manager. [expires 2020-01-01T00:00:00.000Z]',
        remoteHosts: [{ type: 'fqdn', values: ['old.example'] }],
      },
    ]);
    const repo = freshRepo();
    const { result, logs } = run(repo);
    const outcome = await result;
    expect(outcome.expired.map((rule) => rule.id)).toEqual([expired?.id]);
    expect(
      sim
        .firewallRules()
        .map((rule) => rule.id)
        .sort(),
    ).toEqual([current?.id, ...others.map((rule) => rule.id)].sort());
    await expectCacheEqualsServer(repo);
    expect((await repo.allFirewallRules()).map((rule) => rule.id)).toEqual([current?.id]);
    expect(logs).toContain(
      'Block network on expired.example expired on 2026-11-27T11:00:00.000Z: rule removed.',
    );
    expect((await repo.blocksByValues(['evil.example', 'old.example'])).firewall).toEqual([]);
    expect((await repo.blocksByValues(['10.0.0.1'])).firewall).toHaveLength(1);
  });

  it('keeps one rule per value: a second one for the same value (a create sent twice) is removed', async () => {
    const [first, second, third] = sim.putFirewallRules([
      ruleFor('twice.example', '2026-12-31T00:00:00Z'),
      ruleFor('twice.example', '2026-12-31T00:00:00Z'),
      ruleFor('once.example', '2026-12-31T00:00:00Z'),
    ]);
    const repo = freshRepo();
    const { result, logs } = run(repo);
    await result;
    // The older of two equal rules stays: its id is the one the extension may already have shown.
    expect(
      sim
        .firewallRules()
        .map((rule) => rule.id)
        .sort(),
    ).toEqual([first?.id, third?.id].sort());
    expect(sim.firewallRules().map((rule) => rule.id)).not.toContain(second?.id);
    await expectCacheEqualsServer(repo);
    expect(logs).toContain('Block network on twice.example: a second rule for it was removed.');
  });

  it('forgets a rule deleted on the console, and picks up one made elsewhere by the extension', async () => {
    const [gone] = sim.putFirewallRules([ruleFor('a.example', '2027-01-01T00:00:00Z')]);
    const repo = freshRepo();
    await run(repo).result;
    sim.removeFirewallRules([gone?.id ?? '']);
    sim.putFirewallRules([ruleFor('b.example', '2027-01-01T00:00:00Z')]);
    expect((await run(repo).result).blocklist).toBe('incremental');
    await expectCacheEqualsServer(repo);
  });

  it.each<[string, () => void, string | undefined]>([
    ['the console has no Control SKU', () => sim.configure({ firewallControl: false }), undefined],
    ['the token lacks the Firewall Control permission', () => undefined, SIM_TOKENS.noFirewall],
  ])(
    'records Firewall Control as unavailable when %s, and still syncs the Blocklist',
    async (_why, setUp, token) => {
      plantBlocklist(10);
      sim.putFirewallRules([ruleFor('evil.example', '2027-01-01T00:00:00Z')]);
      const repo = freshRepo();
      await run(repo).result;
      setUp();
      const outcome = await run(repo, { token }).result;
      expect(outcome).toMatchObject({ blocklist: 'incremental', firewall: 'unavailable' });
      expect(outcome.meta.firewall.available).toBe(false);
      expect(outcome.meta.firewall.reason).toMatch(/Firewall Control is not available/);
      expect(outcome.meta).toMatchObject({ firewallCount: 0, blocklistCount: 10 });
      expect(await repo.allFirewallRules()).toEqual([]);

      sim.configure({ firewallControl: true });
      expect((await run(repo).result).firewall).toBe('synced');
      expect((await repo.meta()).firewall).toEqual({ available: true, reason: null });
      await expectCacheEqualsServer(repo);
    },
  );
});
