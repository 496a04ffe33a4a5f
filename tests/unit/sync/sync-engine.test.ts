import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createS1Client } from '../../../lib/s1/client';
import { IocSchema } from '../../../lib/s1/schemas';
import { IDLE_STATUS } from '../../../lib/sync/sync-status';
import { createSimulator, SECOND_ACCOUNT_ID, SIM_TOKENS } from '../../simulator';
import { changeOnConsole } from '../../support/console-changes';
import { cacheAndServer, createSyncHarness } from './harness';

const sim = createSimulator({ iocs: 2345 });
let origin = '';
let close: () => Promise<void>;

beforeAll(async () => {
  const server = await sim.listen();
  origin = server.url;
  close = server.close;
});
afterAll(() => close());
beforeEach(() => sim.reset());

const api = () =>
  createS1Client(
    { consoleUrl: origin, apiToken: sim.defaultToken, accountId: sim.defaultAccountId },
    { sleep: async () => undefined },
  );
const iocGets = () =>
  sim.requests().filter((r) => r.method === 'GET' && r.path.endsWith('/threat-intelligence/iocs'));

async function expectCacheEqualsServer(harness: ReturnType<typeof createSyncHarness>) {
  const { cache, server } = await cacheAndServer(sim, harness.repo);
  expect(cache.length).toBe(server.length);
  expect(cache).toEqual(server);
}

describe('full sync', () => {
  it('copies 2,345 IOCs over several pages, field for field', async () => {
    const harness = createSyncHarness(sim, origin);
    const outcome = await harness.engine.sync('install');
    expect(outcome).toEqual({ result: 'full', count: 2345 });
    await expectCacheEqualsServer(harness);
    expect(harness.status()).toMatchObject({ running: null, lastError: null, iocCount: 2345 });
    expect(harness.status().completeAt).not.toBeNull();
  });

  it('pages each time range with its own cursor, re-sending its filters, scoped to the account', async () => {
    const harness = createSyncHarness(sim, origin, {
      sync: { intervalMinutes: 15, pageSize: 100, maxParallelRequests: 4 },
    });
    await harness.engine.sync('install');
    const ranged = iocGets().filter((r) => r.query.updatedAt__lt || r.query.updatedAt__gte);
    const rangeOf = (r: (typeof ranged)[number]) => `${r.query.updatedAt__gte}..${r.query.updatedAt__lt}`;
    // As many ranges as requests allowed in flight, about equal: 2,345 IOCs in pages of 100.
    const ranges = new Set(ranged.map(rangeOf));
    expect(ranges.size).toBe(4);
    for (const range of ranges) {
      const pages = ranged.filter((r) => rangeOf(r) === range).length;
      expect(pages).toBeGreaterThanOrEqual(5);
      expect(pages).toBeLessThanOrEqual(8);
    }
    for (const request of ranged) {
      expect(request.query).toMatchObject({ limit: '100', accountIds: sim.defaultAccountId });
      expect(request.query.type).toBeUndefined();
    }
    expect(ranged.filter((r) => r.query.cursor !== undefined).length).toBeGreaterThanOrEqual(4 * 4);
    await expectCacheEqualsServer(harness);
  });

  it('brings the IOCs updated, created and deleted on the console while its ranges are paged', async () => {
    const harness = createSyncHarness(sim, origin, {
      sync: { intervalMinutes: 15, pageSize: 100, maxParallelRequests: 4 },
    });
    sim.configure({ latencyMs: 5 });
    const syncing = harness.engine.sync('install');
    while ((harness.status().running?.fetched ?? 0) < 800) await new Promise((r) => setTimeout(r, 1));
    // Renamed (a newer updatedAt: out of the range it was in), created and deleted mid-way.
    await changeOnConsole(sim, origin, { created: 10, updated: 200, deleted: 5, round: 0 });
    expect((await syncing).result).toBe('full');
    // The renamed and created ones are newer than the watermark taken first: the incremental sync
    // after the full one brought them.
    const { cache, server } = await cacheAndServer(sim, harness.repo);
    const held = new Map(cache.map((ioc) => [ioc.uuid, ioc]));
    expect(server.filter((ioc) => !held.has(ioc.uuid))).toEqual([]);
    expect(server.filter((ioc) => JSON.stringify(held.get(ioc.uuid)) !== JSON.stringify(ioc))).toEqual([]);
    // A deletion cannot be listed: the counts disagree, and the next sync reconciles.
    expect(await harness.engine.sync('alarm')).toMatchObject({ count: server.length });
    await expectCacheEqualsServer(harness);
  }, 30_000);

  // The setting governs the IOC pages; the few requests asked beside them (the user-config, and the
  // blocks in the worker) are not counted.
  it('keeps at most the configured number of IOC list requests in flight', async () => {
    const harness = createSyncHarness(sim, origin, {
      sync: { intervalMinutes: 15, pageSize: 100, maxParallelRequests: 2 },
    });
    sim.configure({ latencyMs: 20 });
    let inFlight = 0;
    let peak = 0;
    const original = globalThis.fetch;
    globalThis.fetch = async (...args) => {
      const url = new URL(args[0] instanceof Request ? args[0].url : String(args[0]));
      if (!url.pathname.endsWith('/threat-intelligence/iocs')) return original(...args);
      peak = Math.max(peak, ++inFlight);
      try {
        return await original(...args);
      } finally {
        inFlight--;
      }
    };
    try {
      await harness.engine.sync('install');
    } finally {
      globalThis.fetch = original;
    }
    expect(peak).toBe(2);
    await expectCacheEqualsServer(harness);
  });

  it('recovers from 429 and 5xx answers in the middle of the sync', async () => {
    const harness = createSyncHarness(sim, origin);
    sim.faults.add({
      method: 'GET',
      path: 'threat-intelligence/iocs',
      kind: 'status',
      status: 429,
      retryAfter: 1,
      times: 2,
    });
    sim.faults.add({
      method: 'GET',
      path: 'threat-intelligence/iocs',
      kind: 'status',
      status: 503,
      times: 1,
    });
    expect((await harness.engine.sync('install')).result).toBe('full');
    expect(iocGets().filter((r) => r.status !== 200)).toHaveLength(3);
    await expectCacheEqualsServer(harness);
  });

  it('leaves the previous complete cache in place, readable, when a full sync fails half-way', async () => {
    const harness = createSyncHarness(sim, origin, {
      sync: { intervalMinutes: 15, pageSize: 100, maxParallelRequests: 1 },
    });
    await harness.engine.sync('install');
    const before = await harness.repo.all();
    await api().deleteIocs(before.slice(0, 10).map((ioc) => ioc.uuid));

    let faulted = false;
    const failing = harness.engine.sync('manual', { full: true });
    // Fail every IOC read once the new generation has some pages in it.
    while (!faulted) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (harness.status().running?.kind === 'full' && (harness.status().running?.fetched ?? 0) >= 300) {
        sim.faults.add({
          method: 'GET',
          path: 'threat-intelligence/iocs',
          kind: 'status',
          status: 500,
          times: 1000,
        });
        faulted = true;
      }
    }
    const outcome = await failing;
    expect(outcome.result).toBe('failed');
    expect(outcome.error).toMatchObject({ kind: 'server' });
    expect(harness.status().lastError?.message).toMatch(/HTTP 500/);
    expect((await harness.repo.all()).length).toBe(before.length);
    expect(await harness.repo.byValue(before[0]?.value ?? '')).toContainEqual(before[0]);

    sim.faults.clear();
    expect((await harness.engine.sync('manual', { full: true })).result).toBe('full');
    await expectCacheEqualsServer(harness);
  });
});

describe('incremental sync', () => {
  it('merges what changed since the watermark', async () => {
    const harness = createSyncHarness(sim, origin);
    await harness.engine.sync('install');
    const changed = IocSchema.parse(sim.iocs(sim.defaultAccountId)[0]);
    sim.clock.advance(60_000);
    await api().createIocs([
      {
        type: changed.type,
        value: changed.value,
        source: changed.source,
        method: 'EQUALS',
        name: 'renamed by the analyst',
      },
      { type: 'DNS', value: 'brand-new.example.org', source: 'S1 IOC Manager', method: 'EQUALS' },
    ]);
    sim.clearRequests();

    expect(await harness.engine.sync('alarm')).toEqual({ result: 'incremental', count: 2346 });
    expect((await harness.repo.byValue(changed.value)).find((i) => i.uuid === changed.uuid)?.name).toBe(
      'renamed by the analyst',
    );
    await expectCacheEqualsServer(harness);
    expect(iocGets().filter((r) => r.query.countOnly !== 'true')).toHaveLength(1);
  });

  it('asks from the watermark taken before the full sync, minus a five-minute overlap', async () => {
    const harness = createSyncHarness(sim, origin);
    await harness.engine.sync('install');
    const newest = sim
      .iocs(sim.defaultAccountId)
      .map((ioc) => ioc.updatedAt)
      .sort()
      .at(-1);
    expect((await harness.repo.meta()).watermark).toBe(newest);
    sim.clearRequests();
    await harness.engine.sync('alarm');
    const since = new Date(Date.parse(newest ?? '') - 5 * 60_000).toISOString();
    expect(iocGets()[0]?.query).toMatchObject({
      updatedAt__gt: since,
      sortBy: 'updatedAt',
      sortOrder: 'asc',
    });
  });

  it('notices a deletion on the console and reconciles with a full sync', async () => {
    const harness = createSyncHarness(sim, origin);
    await harness.engine.sync('install');
    const [victim] = sim.iocs(sim.defaultAccountId);
    await api().deleteIocs([victim?.uuid ?? '']);
    expect(await harness.engine.sync('alarm')).toEqual({ result: 'full', count: 2344 });
    expect((await harness.repo.all()).some((i) => i.uuid === victim?.uuid)).toBe(false);
    await expectCacheEqualsServer(harness);
  });
});

describe('the engine', () => {
  it('runs one sync for concurrent triggers', async () => {
    const harness = createSyncHarness(sim, origin);
    const [a, b, c] = await Promise.all([
      harness.engine.sync('install'),
      harness.engine.sync('startup'),
      harness.engine.sync('alarm'),
    ]);
    expect(a).toEqual(b);
    expect(b).toEqual(c);
    expect(iocGets().filter((r) => r.query.sortOrder === 'desc')).toHaveLength(1);
  });

  it('runs once more after a write made while it ran', async () => {
    const harness = createSyncHarness(sim, origin);
    const first = harness.engine.sync('install');
    await api().createIocs([
      { type: 'DNS', value: 'written-meanwhile.example.org', source: 'S1 IOC Manager', method: 'EQUALS' },
    ]);
    const second = harness.engine.sync('write');
    await first;
    expect((await second).result).toBe('incremental');
    expect((await harness.repo.byValue('WRITTEN-MEANWHILE.example.org')).map((ioc) => ioc.value)).toEqual([
      'written-meanwhile.example.org',
    ]);
    await expectCacheEqualsServer(harness);
  });

  it('runs once more when the analyst presses the button during an automatic sync', async () => {
    const harness = createSyncHarness(sim, origin);
    await harness.engine.sync('install');
    const automatic = harness.engine.sync('alarm');
    // Deleted on the console after the alarm's sync has begun: only a sync that starts later sees it.
    const [victim] = sim.iocs(sim.defaultAccountId);
    await api().deleteIocs([victim?.uuid ?? '']);
    const pressed = harness.engine.sync('manual');
    expect(pressed).not.toBe(automatic);
    const users = () => sim.requests().filter((r) => r.path.endsWith('/user')).length;
    const before = users();
    await automatic;
    expect(['incremental', 'full']).toContain((await pressed).result);
    // The press's own sync asked the console again, after the one it did not join.
    expect(users()).toBeGreaterThan(before);
    await expectCacheEqualsServer(harness);
  });

  it('stops on an expired token with a clear state and keeps the cache', async () => {
    const harness = createSyncHarness(sim, origin);
    await harness.engine.sync('install');
    sim.tokens.expire(sim.defaultToken);
    const outcome = await harness.engine.sync('alarm');
    expect(outcome.error).toMatchObject({ kind: 'token-invalid' });
    expect(harness.status().lastError?.message).toMatch(/invalid or has expired/);
    expect(harness.status().iocCount).toBe(2345);
    expect(await harness.repo.count()).toBe(2345);
    // GET /user and the list asked alongside it; nothing after.
    const refused = sim.requests().filter((r) => r.status === 401);
    expect(refused.map((r) => r.path.split('/').at(-1)).sort()).toEqual(['iocs', 'user']);
  });

  it('writes nothing an incremental sync listed before the token’s check passed, and reports the check', async () => {
    let refuse = false;
    const harness = createSyncHarness(
      sim,
      origin,
      {},
      {
        // Once `refuse` is set, GET /user answers late, as a token spanning two accounts.
        wrapClient: (client) => ({
          ...client,
          getUser: async () => {
            if (!refuse) return client.getUser();
            await new Promise((r) => setTimeout(r, 150));
            return createS1Client(
              { consoleUrl: origin, apiToken: SIM_TOKENS.multiAccount, accountId: sim.defaultAccountId },
              { sleep: async () => undefined },
            ).getUser();
          },
        }),
      },
    );
    await harness.engine.sync('install');
    const before = await harness.repo.all();
    await changeOnConsole(sim, origin, { created: 5, updated: 5, deleted: 0, round: 0 });
    sim.clearRequests();
    refuse = true;
    const outcome = await harness.engine.sync('manual');
    expect(outcome).toMatchObject({ result: 'failed', error: { kind: 'multi-scope-token' } });
    // The changes were listed, and not written.
    expect(iocGets().filter((r) => r.query.updatedAt__gt && r.status === 200)).toHaveLength(1);
    expect(await harness.repo.all()).toEqual(before);
  });

  it('reports a token spanning accounts by its own reason, not the IOC call’s 403 asked alongside', async () => {
    const harness = createSyncHarness(sim, origin);
    await harness.engine.sync('install');
    harness.setSettings({
      connection: {
        consoleUrl: origin,
        apiToken: SIM_TOKENS.multiAccount,
        accountId: sim.defaultAccountId,
        accountName: '',
        creatorEmail: '',
        tagPrefix: '',
      },
    });
    sim.faults.add({ path: 'user', kind: 'latency', latencyMs: 100, times: 1 });
    const outcome = await harness.engine.sync('manual');
    expect(outcome.error).toMatchObject({ kind: 'multi-scope-token' });
    expect(harness.status().lastError?.message).toMatch(/spans 2 accounts/);
    expect(await harness.repo.count()).toBe(2345);
  });

  it('says so when not connected, without asking anything', async () => {
    const harness = createSyncHarness(sim, origin, { connection: null });
    expect((await harness.engine.sync('install')).result).toBe('not-configured');
    expect(harness.status().lastError?.kind).toBe('not-configured');
    expect(sim.requests()).toEqual([]);
  });

  it('says so when no token is saved for the console, without asking anything', async () => {
    const harness = createSyncHarness(sim, origin);
    const connection = { consoleUrl: origin, apiToken: '', accountId: '1' };
    harness.setSettings({ connection: { ...connection, accountName: '', creatorEmail: '', tagPrefix: '' } });
    expect((await harness.engine.sync('install')).result).toBe('not-configured');
    expect(harness.status().lastError?.message).toBe(
      `No API token is saved for ${origin}: enter it in Settings.`,
    );
    expect(sim.requests()).toEqual([]);
  });

  it('replaces the cache with the new account’s IOCs when the account changes', async () => {
    const harness = createSyncHarness(sim, origin);
    await harness.engine.sync('install');
    const globexToken = 'sim-token-globex-analyst-0123456789abcdef0123456789abcdef';
    sim.tokens.add(globexToken, { label: 'globex', accountIds: [SECOND_ACCOUNT_ID] });
    sim.seed({ count: 50, seed: 9, accountId: SECOND_ACCOUNT_ID });
    harness.setSettings({
      connection: {
        consoleUrl: origin,
        apiToken: globexToken,
        accountId: SECOND_ACCOUNT_ID,
        accountName: '',
        creatorEmail: '',
        tagPrefix: '',
      },
    });
    expect(await harness.engine.sync('settings')).toEqual({ result: 'full', count: 50 });
    const cached = (await harness.repo.all()).map((ioc) => ioc.uuid).sort();
    expect(cached).toEqual(
      sim
        .iocs(SECOND_ACCOUNT_ID)
        .map((ioc) => ioc.uuid)
        .sort(),
    );
    expect((await harness.repo.meta()).accountKey).toBe(`${origin}|${SECOND_ACCOUNT_ID}`);
  });
});

describe('the engine with the block cache', () => {
  const isIocRequest = (path: string) => path.includes('/threat-intelligence/iocs');
  const isBlockRequest = (path: string) =>
    path.endsWith('/restrictions') || path.endsWith('/firewall-control');
  const plant = (count: number, from = 0) =>
    sim.putBlocklist(
      Array.from({ length: count }, (_, i) => ({
        osType: 'windows' as const,
        sha256Value: (from + i + 1).toString(16).padStart(64, '0'),
      })),
    );

  it('syncs the blocks beside the IOCs once the token is checked, and publishes complete only when both are', async () => {
    plant(30);
    const harness = createSyncHarness(sim, origin, {}, { blocks: true });
    expect(await harness.engine.sync('install')).toEqual({ result: 'full', count: 2345 });
    const paths = sim.requests().map((r) => r.path);
    const user = paths.findIndex((path) => path.endsWith('/user'));
    const firstBlock = paths.findIndex(isBlockRequest);
    expect(user).toBeGreaterThan(-1);
    expect(firstBlock).toBeGreaterThan(user);
    // Beside, not after: the blocks do not wait for the last IOC page.
    expect(firstBlock).toBeLessThan(paths.findLastIndex(isIocRequest));
    // The first status that says complete already carries the blocks.
    expect(harness.statuses.find((s) => s.running === null && s.completeAt !== null)).toMatchObject({
      blocklistCount: 30,
    });
    expect((await harness.blockRepo?.allBlocklist())?.map((i) => i.id).sort()).toEqual(
      sim
        .blocklist()
        .map((i) => i.id)
        .sort(),
    );
    expect(harness.status()).toMatchObject({
      lastError: null,
      blocklistCount: 30,
      blocks: { blocklist: { readable: true, reason: null }, firewall: { available: true, reason: null } },
    });
    // The IOC sync was full, and so was the Blocklist's: it listed every item.
    expect(
      sim.requests().some((r) => r.path.endsWith('/restrictions') && r.query.updatedAt__gt === undefined),
    ).toBe(true);
  });

  it('brings an item blocked meanwhile with the incremental sync', async () => {
    plant(5);
    const harness = createSyncHarness(sim, origin, {}, { blocks: true });
    await harness.engine.sync('install');
    sim.clock.advance(60_000);
    const [added] = plant(1, 100);
    sim.clearRequests();
    expect((await harness.engine.sync('alarm')).result).toBe('incremental');
    expect(harness.status().blocklistCount).toBe(6);
    expect((await harness.blockRepo?.blocksByValues([added?.sha256Value ?? '']))?.blocklist).toEqual([added]);
    const listed = sim
      .requests()
      .filter((r) => r.path.endsWith('/restrictions') && r.query.countOnly !== 'true');
    expect(listed.every((r) => r.query.updatedAt__gt !== undefined)).toBe(true);
  });

  it('fails the sync when the block sync fails, keeping the IOCs it synced', async () => {
    const harness = createSyncHarness(sim, origin, {}, { blocks: true });
    sim.faults.add({ method: 'GET', path: 'restrictions', kind: 'status', status: 500, times: 1000 });
    const outcome = await harness.engine.sync('install');
    expect(outcome).toMatchObject({ result: 'failed', error: { kind: 'server' } });
    expect(harness.status().lastError?.message).toMatch(/HTTP 500/);
    expect(await harness.repo.count()).toBe(2345);
    // Never said complete: the sync is complete only when the blocks are too.
    expect(harness.statuses.some((s) => s.running === null && s.completeAt !== null)).toBe(false);
  });

  it('does not fail the sync for a token that may not read the Blocklist, and says so in the status', async () => {
    const harness = createSyncHarness(sim, origin, {}, { blocks: true });
    harness.setSettings({
      connection: {
        consoleUrl: origin,
        apiToken: SIM_TOKENS.noBlocklist,
        accountId: sim.defaultAccountId,
        accountName: '',
        creatorEmail: '',
        tagPrefix: '',
      },
    });
    expect((await harness.engine.sync('install')).result).toBe('full');
    expect(harness.status().lastError).toBeNull();
    expect(harness.status().blocks.blocklist.readable).toBe(false);
    expect(harness.status().blocks.blocklist.reason).toMatch(/Blocklist permission/);
    expect(harness.status().blocks.firewall.available).toBe(true);
  });

  it('asks nothing about blocks without a block cache', async () => {
    plant(3);
    const harness = createSyncHarness(sim, origin);
    await harness.engine.sync('install');
    expect(sim.requests().filter((r) => isBlockRequest(r.path))).toEqual([]);
    expect(harness.status()).toMatchObject({ blocklistCount: 0, blocks: IDLE_STATUS.blocks });
  });
});
