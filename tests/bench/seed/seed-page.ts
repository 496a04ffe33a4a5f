/**
 * Runs inside an extension page of the production build (bundled by seed-bundle.ts, evaluated by
 * seed-profiles.ts): fills a profile's cache through the product's own full sync (lib/sync/full-sync.ts
 * and the IOC repo it writes with), fed with the simulator's IOCs for that profile instead of the
 * network, and builds the storage.local items a connected, synced profile has.
 *
 * Why not a sync from the simulator: ten full syncs of 100,000 IOCs take minutes on two cores, most of
 * it the simulator and the HTTP round trips, none of which the popup or the manager ever waits for.
 * The one-profile figure the ten are compared with is seeded the same way.
 */
import { DEFAULT_SETTINGS } from '../../../config/settings';
import { storageNamesOf } from '../../../lib/profiles/profile-storage-names';
import type { Ioc, IocPage } from '../../../lib/s1/schemas';
import { openIocDb } from '../../../lib/store/db';
import { createIocRepo } from '../../../lib/store/ioc-repo';
import { fullSync } from '../../../lib/sync/full-sync';
import { IDLE_STATUS, type SyncStatus } from '../../../lib/sync/sync-status';
import { generateIocs } from '../../simulator/seed';

export interface SeedRequest {
  profileId: string;
  count: number;
  /** The simulator's generator seed: each profile its own, so the tenants hold different IOCs. */
  seed: number;
  consoleUrl: string;
  accountId: string;
  /** epoch µs the generator spreads the IOCs' times before. */
  nowUs: number;
}

/** The storage.local items (raw keys) of a connected profile whose cache holds `count` IOCs. */
export interface SeededItems {
  settings: Record<string, unknown>;
  status: Record<string, unknown>;
}

/** Pages of `pageSize`, per type, as the console's cursors hand them out, each one parsed anew like a response. */
function* pagesOf(iocs: readonly Ioc[], type: string, pageSize: number): Generator<IocPage> {
  const ofType = iocs.filter((ioc) => ioc.type === type);
  for (let at = 0; at < ofType.length; at += pageSize)
    yield JSON.parse(JSON.stringify({ data: ofType.slice(at, at + pageSize) })) as IocPage;
}

async function seedCache(request: SeedRequest): Promise<SeededItems> {
  const iocs = generateIocs({
    count: request.count,
    seed: request.seed,
    scopeId: request.accountId,
    now: request.nowUs,
  }) as unknown as Ioc[];
  const newest = iocs.reduce((a, b) => (a.updatedAt >= b.updatedAt ? a : b));
  const accountKey = `${request.consoleUrl}|${request.accountId}`;
  const names = storageNamesOf(request.profileId);
  const db = openIocDb(names.database);
  const { pageSize, maxParallelRequests } = DEFAULT_SETTINGS.sync;
  const at = new Date().toISOString();
  const result = await fullSync({
    client: {
      listIocsPage: async () => ({ data: [newest], pagination: { totalItems: iocs.length } }) as IocPage,
      listIocs: async function* (query = {}) {
        yield* pagesOf(iocs, String(query.type), pageSize);
      },
    },
    repo: createIocRepo(db),
    accountKey,
    pageSize,
    concurrency: maxParallelRequests,
    now: () => at,
    onProgress: () => undefined,
    takeLocalDeletes: () => [],
  });
  (await db).close();

  const status: SyncStatus = {
    ...IDLE_STATUS,
    completeAt: at,
    iocCount: result.count,
    accountKey,
    blocks: { blocklist: { readable: true, reason: null }, firewall: { available: true, reason: null } },
  };
  const settings = {
    ...DEFAULT_SETTINGS,
    connection: {
      consoleUrl: request.consoleUrl,
      accountId: request.accountId,
      accountName: `Tenant ${request.profileId.slice(1)}`,
      creatorEmail: '',
      tagPrefix: '',
      // No token in the vault: nothing syncs while the bench measures (a sync without a token stops
      // at once), and no token can reach a log.
      tokenHint: '',
      tokenSavedAt: 0,
    },
  };
  const key = (storageKey: string) => storageKey.replace(/^local:/, '');
  return {
    // `<key>$` is the storage item's version record (wxt storage): version 3, so no migration runs.
    settings: { [key(names.settingsKey)]: settings, [`${key(names.settingsKey)}$`]: { v: 3 } },
    status: { [key(names.syncStatusKey)]: status },
  };
}

(globalThis as unknown as { benchSeed: unknown }).benchSeed = { seedCache };
