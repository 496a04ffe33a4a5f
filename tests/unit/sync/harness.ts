/**
 * A sync engine wired to the in-process simulator over HTTP and a fresh fake-IndexedDB database, as
 * the service worker wires it, with back-off that takes no wall time.
 */
import { DEFAULT_SETTINGS, type Settings } from '../../../config/settings';
import { createS1Client } from '../../../lib/s1/client';
import { createBlockRepo } from '../../../lib/store/block-repo';
import { openIocDb } from '../../../lib/store/db';
import { createIocRepo } from '../../../lib/store/ioc-repo';
import { storedFireStatus } from '../../../lib/sync/fire-status';
import { createSyncEngine } from '../../../lib/sync/sync-engine';
import { IDLE_STATUS, type SyncStatus } from '../../../lib/sync/sync-status';
import type { Simulator } from '../../simulator';

let databases = 0;

/**
 * `options.blocks`: the engine also syncs the block cache, in the same database, as the worker does.
 * `options.realTime`: the client's holds are real sleeps and it reports slowing down, for a console
 * whose rate limit is a wall-clock window.
 */
export function createSyncHarness(
  sim: Simulator,
  origin: string,
  overrides: Partial<Settings> = {},
  options: {
    blocks?: boolean;
    realTime?: boolean;
    /** Changes the client the engine gets (a slower or different answer to one call). */
    wrapClient?: (client: ReturnType<typeof createS1Client>) => ReturnType<typeof createS1Client>;
  } = {},
) {
  const database = openIocDb(`sync-test-${++databases}`);
  const repo = createIocRepo(database);
  const blockRepo = options.blocks ? createBlockRepo(database) : undefined;
  let settings: Settings = {
    ...DEFAULT_SETTINGS,
    connection: {
      consoleUrl: origin,
      apiToken: sim.defaultToken,
      accountId: sim.defaultAccountId,
      accountName: '',
      creatorEmail: '',
      tagPrefix: '',
    },
    ...overrides,
  };
  const statuses: SyncStatus[] = [];
  const changes: Partial<SyncStatus>[] = [];
  let status = IDLE_STATUS;
  const engine = createSyncEngine({
    repo,
    blockRepo,
    readSettings: async () => settings,
    createClient: (connection, onSlowDown) => {
      const client = createS1Client(
        connection,
        options.realTime
          ? { timeoutMs: 5_000, onSlowDown }
          : { sleep: async () => undefined, timeoutMs: 5_000 },
      );
      return options.wrapClient ? options.wrapClient(client) : client;
    },
    publish: (change) => {
      changes.push(change);
      status = { ...status, ...change };
      statuses.push(status);
    },
  });
  return {
    repo,
    blockRepo,
    engine,
    statuses,
    status: () => status,
    /** The "will it fire?" field as a page reads it from the status (null when absent or another scope's). */
    fire: () => storedFireStatus(status),
    /** How many published changes carried the field: one per sync that read the user-config. */
    firePublishes: () => changes.filter((change) => 'fire' in change).length,
    setSettings(change: Partial<Settings>) {
      settings = { ...settings, ...change };
    },
  };
}

const byUuid = (a: { uuid: string }, b: { uuid: string }) => (a.uuid < b.uuid ? -1 : 1);

/** Both sides sorted by uuid, so that `toEqual` compares them field for field. */
export async function cacheAndServer(sim: Simulator, repo: ReturnType<typeof createIocRepo>) {
  return { cache: (await repo.all()).sort(byUuid), server: sim.iocs(sim.defaultAccountId).sort(byUuid) };
}
