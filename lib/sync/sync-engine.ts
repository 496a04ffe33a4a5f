/**
 * Decides which sync to run and runs one at a time. A trigger that arrives while a sync runs joins
 * it, except a write of the extension's own or a forced full sync: those need a run that starts
 * after them, so one follow-up is queued (and shared by every such trigger meanwhile).
 */
import type { Connection } from '../../config/connection';
import type { Settings } from '../../config/settings';
import { logFor } from '../log/log';
import { registerSecret } from '../log/redact';
import type { S1Client } from '../s1/client';
import { S1Error } from '../s1/errors';
import type { IocRef } from '../s1/schemas';
import { savedScope } from '../s1/scope-check';
import type { BlockRepo } from '../store/block-repo';
import type { IocRepo } from '../store/ioc-repo';
import { errorText } from '../text/error-text';
import { type BlockSyncDeps, syncBlocks } from './block-sync';
import { fireFailure, fireStatusOf } from './fire-status';
import { fullSync } from './full-sync';
import { incrementalSync } from './incremental-sync';
import type { SyncProgress, SyncStatus } from './sync-status';

export type SyncTrigger = 'install' | 'startup' | 'alarm' | 'manual' | 'write' | 'settings';

export interface SyncOutcome {
  result: 'full' | 'incremental' | 'not-configured' | 'failed';
  count: number;
  error?: SyncStatus['lastError'];
}

export interface SyncEngineDeps {
  repo: IocRepo;
  readSettings: () => Promise<Settings>;
  createClient: (
    connection: Connection,
    /** Told true when the console starts limiting the request rate, false once back to full speed. */
    onSlowDown?: (slowed: boolean) => void,
  ) => Pick<S1Client, 'listIocs' | 'listIocsPage' | 'countIocs' | 'getUser' | 'getUserConfig'> &
    Partial<BlockSyncDeps['client']>;
  /**
   * The block cache (the Blocklist and the extension's firewall rules), synced after the IOCs when
   * given; its client calls must then be there too.
   */
  blockRepo?: BlockRepo;
  /** Publishes the status for the UI and the badge; called often while running. */
  publish: (change: Partial<SyncStatus>) => void | Promise<void>;
  now?: () => Date;
  /** A full reconcile at least this often, since only it notices deletions that keep counts equal. */
  reconcileEveryMs?: number;
}

const DAY_MS = 24 * 60 * 60_000;
const log = logFor('sync');

/** The cache's owner: a site's key adds the site, so moving between a site and its account re-syncs in full. */
export const accountKeyOf = (connection: Connection) =>
  `${connection.consoleUrl}|${connection.accountId}${connection.scope ? `|site:${connection.scope.siteId}` : ''}`;

export function createSyncEngine(deps: SyncEngineDeps) {
  const now = deps.now ?? (() => new Date());
  const iso = () => now().toISOString();
  const localDeletes = new Map<string, IocRef>();
  let current: Promise<SyncOutcome> | null = null;
  let followUp: Promise<SyncOutcome> | null = null;
  let followUpFull = false;

  function start(full: boolean): Promise<SyncOutcome> {
    current = run(full).finally(() => {
      current = null;
    });
    return current;
  }

  /** Starts a sync, or joins or queues behind the running one (see the file comment). */
  function sync(trigger: SyncTrigger, options: { full?: boolean } = {}): Promise<SyncOutcome> {
    if (!current) return start(Boolean(options.full));
    // Automatic triggers join the running sync. A write, or the analyst pressing the button, asks
    // about the console as it is now: the running sync may have counted the console before the
    // change the analyst knows about, so another one follows it (found by the chaos suite: a
    // press during an alarm's sync reported "complete" without ten deletes made just before).
    if (trigger !== 'write' && trigger !== 'manual' && !options.full) return current;
    followUpFull ||= Boolean(options.full);
    followUp ??= current.then(() => {
      const full = followUpFull;
      followUp = null;
      followUpFull = false;
      return start(full);
    });
    return followUp;
  }

  async function run(forceFull: boolean): Promise<SyncOutcome> {
    // Both read at once: the incremental sync's list waits on them.
    const metaRead = deps.repo.meta();
    metaRead.catch(() => undefined);
    const settings = await deps.readSettings();
    const connection = settings.connection;
    // No token for the saved console (a vault cleared, or settings pointed elsewhere behind the
    // form's back): said plainly rather than left to a 401.
    if (!connection?.apiToken) {
      const error = {
        kind: 'not-configured' as const,
        message: connection
          ? `No API token is saved for ${connection.consoleUrl}: enter it in Settings.`
          : 'Not connected: enter the console URL and API token in Settings.',
        at: iso(),
      };
      await deps.publish({ running: null, lastError: error });
      return { result: 'not-configured', count: 0, error };
    }
    registerSecret(connection.apiToken);
    const accountKey = accountKeyOf(connection);
    // The status says so while the console limits the rate: the sync slows down rather than fails.
    let slowed = false;
    let shown: SyncProgress | null = null;
    const showProgress = (running: SyncProgress) => {
      shown = running;
      void deps.publish({ running: slowed ? { ...running, slowedByConsole: true } : running, accountKey });
    };
    const client = deps.createClient(connection, (value) => {
      slowed = value;
      if (shown) showProgress(shown);
    });
    const meta = await metaRead;
    const lastFull = meta.lastFullSyncAt ? Date.parse(meta.lastFullSyncAt) : 0;
    let full =
      forceFull ||
      meta.accountKey !== accountKey ||
      meta.completeAt === null ||
      now().getTime() - lastFull > (deps.reconcileEveryMs ?? DAY_MS);
    const startedAt = iso();
    const progress = (kind: SyncProgress['kind']) => (fetched: number, total: number | null) =>
      showProgress({ kind, phase: 'fetching', fetched, total, startedAt });
    const common = { client, repo: deps.repo, pageSize: settings.sync.pageSize, now: iso };

    // Who the token is and when it expires: the popup and header warn before it stops working. A
    // token that cannot hold this scope's IOCs is told why (scope-check.ts), and nothing is written
    // before that check passed; an incremental sync's list is asked alongside, since its answer
    // changes nothing until then.
    const checked = client.getUser().then(async (user) => {
      await deps.publish({ tokenExpiresAt: user.apiToken?.expiresAt ?? null });
      savedScope(user, connection);
    });
    checked.catch(() => undefined);
    // The blocks are synced beside the IOCs once the token's check passed (they are few, and their
    // requests fill the IOC sync's waits); the sync is complete, and says so, when both are.
    const blocksFull = full;
    const blocks = checked.then(() =>
      deps.blockRepo
        ? syncBlocks({
            client: client as BlockSyncDeps['client'],
            repo: deps.blockRepo,
            accountKey,
            now,
            full: blocksFull,
            pageSize: settings.sync.pageSize,
            reconcileEveryMs: deps.reconcileEveryMs,
            onLog: (message) => log.info(message),
          })
        : undefined,
    );
    blocks.catch(() => undefined);
    // Whether an IOC of this scope would raise a threat (fire-status.ts), asked once the token's check
    // passed, beside the IOC list, which never waits on it. It is advice: a refusal or a failure is
    // published as "unknown" and fails nothing.
    const fire = checked.then(
      async () => {
        const value = await client.getUserConfig().then(
          (outcome) => fireStatusOf(outcome, accountKey),
          (error: unknown) => {
            log.warn(`Could not read the Threat Intelligence settings: ${errorText(error)}`);
            return fireFailure(error, accountKey);
          },
        );
        await deps.publish({ fire: value });
      },
      () => undefined,
    );
    fire.catch(() => undefined);
    try {
      if (!full) {
        const incremental = await incrementalSync({
          ...common,
          meta,
          writable: checked,
          onProgress: progress('incremental'),
        });
        await checked;
        if (incremental.consistent) return await finished('incremental', incremental.changed);
        log.info(
          `The console holds ${incremental.serverTotal} IOCs and the cache ${incremental.localCount}: reconciling with a full sync.`,
        );
        full = true;
      }
      await checked;
      localDeletes.clear();
      const result = await fullSync({
        ...common,
        accountKey,
        concurrency: settings.sync.maxParallelRequests,
        onProgress: progress('full'),
        takeLocalDeletes: () => [...localDeletes.values()],
      });
      // What changed on the console while the pages were fetched.
      await incrementalSync({ ...common, onProgress: progress('incremental') });
      return await finished('full', result.count);
    } catch (caught) {
      // No request of this sync outlives it: the blocks settle before the failure is told.
      await Promise.all([blocks.catch(() => undefined), fire.catch(() => undefined)]);
      // The token's check speaks first: an IOC call refused for the scope it names says less.
      const error =
        (await checked.then(
          () => null,
          (refusal: unknown) => refusal,
        )) ?? caught;
      return await failed(error, `${full ? 'Full' : 'Incremental'} sync`);
    } finally {
      localDeletes.clear();
    }

    /** The IOCs are complete: once the blocks are too, the sync is published complete. */
    async function finished(kind: 'full' | 'incremental', changed: number): Promise<SyncOutcome> {
      await fire.catch(() => undefined);
      try {
        await blocks;
      } catch (error) {
        return await failed(error, 'Block sync');
      }
      const [meta, count] = await Promise.all([deps.repo.meta(), deps.repo.count()]);
      log.info(
        kind === 'full'
          ? `Full sync complete: ${count} IOCs.`
          : `Incremental sync complete: ${changed} changed, ${count} IOCs.`,
      );
      await deps.publish({
        running: null,
        completeAt: meta.completeAt,
        lastError: null,
        iocCount: count,
        accountKey,
        ...(await blocksStatus()),
      });
      return { result: kind, count };
    }
  }

  async function failed(error: unknown, what: string): Promise<SyncOutcome> {
    const failure = {
      kind: error instanceof S1Error ? error.kind : ('internal' as const),
      message: errorText(error),
      at: iso(),
    };
    log.error(`${what} failed: ${failure.message}`);
    await deps.publish({
      running: null,
      lastError: failure,
      iocCount: await deps.repo.count(),
      ...(await blocksStatus()),
    });
    return { result: 'failed', count: 0, error: failure };
  }

  /** The block cache's figures for the status, as the block repo's meta holds them; none without it. */
  async function blocksStatus(): Promise<Partial<SyncStatus>> {
    if (!deps.blockRepo) return {};
    const meta = await deps.blockRepo.meta();
    return {
      blocklistCount: meta.blocklistCount,
      blocks: { blocklist: { ...meta.blocklist }, firewall: { ...meta.firewall } },
    };
  }

  return {
    sync,
    /** The extension deleted these: a full sync running now must not bring them back. */
    noteLocalDeletes(gone: readonly IocRef[]) {
      if (current) for (const target of gone) localDeletes.set(target.uuid, target);
    },
    /** Resolves when no sync is running or queued. */
    async idle(): Promise<void> {
      while (current || followUp) await (followUp ?? current)?.catch(() => undefined);
    },
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
