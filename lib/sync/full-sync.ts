/**
 * A full sync: every IOC of the account, fetched as queries of about equal size paged in parallel
 * (slice-plan.ts; the API pages each query on its own and is sent its filters again with each cursor,
 * docs/sentinelone-api.md#response-envelope-and-cursors), written into a new cache
 * generation, and made visible in one step only when every page arrived. Anything less leaves the previous
 * cache as it was.
 */
import pMap from 'p-map';
import type { S1Client } from '../s1/client';
import type { IocRef } from '../s1/schemas';
import type { IocRepo } from '../store/ioc-repo';
import { planSlices, SAMPLE_SIZE } from './slice-plan';

export interface FullSyncDeps {
  client: Pick<S1Client, 'listIocs' | 'listIocsPage'>;
  repo: IocRepo;
  accountKey: string;
  pageSize: number;
  concurrency: number;
  now: () => string;
  onProgress: (fetched: number, total: number | null) => void;
  /** The IOCs the extension deleted while this sync ran: their pages may have been fetched before. */
  takeLocalDeletes: () => IocRef[];
}

export interface FullSyncResult {
  count: number;
  /** The newest `updatedAt` on the console when the sync began: the next incremental sync starts there. */
  watermark: string | null;
}

export async function fullSync(deps: FullSyncDeps): Promise<FullSyncResult> {
  const { repo } = deps;
  const visible = (await repo.meta()).generation;
  // Pages of an earlier, interrupted sync may still sit in a staging generation.
  await repo.dropOtherGenerations(visible);
  const generation = visible + 1;

  // Asked first, so that anything changed while the pages are fetched is newer and is picked up by
  // the incremental sync that follows. The sample that splits the work is asked alongside.
  const [newest, sample] = await Promise.all([
    deps.client.listIocsPage({ sortBy: 'updatedAt', sortOrder: 'desc', limit: 1 }),
    deps.client.listIocsPage({ sortBy: 'id', sortOrder: 'asc', limit: SAMPLE_SIZE, skipCount: true }),
  ]);
  const watermark = newest.data[0]?.updatedAt ?? null;
  const total = newest.pagination?.totalItems ?? null;
  const slices = planSlices({
    sample: sample.data,
    total,
    pageSize: deps.pageSize,
    concurrency: deps.concurrency,
  });

  let fetched = 0;
  const written = new Set<string>();
  deps.onProgress(fetched, total);
  // One cursor failing stops the others, and the sync reports the failure only once every cursor
  // has stopped: a cursor still running after a failed sync returned would keep appending to the
  // generation number the next sync writes (found by the chaos suite: 13 IOCs the console no
  // longer held in a "complete" cache).
  const failures: unknown[] = [];
  const fail = (error: unknown) => void failures.push(error);
  await pMap(
    slices,
    async (slice) => {
      if (failures.length > 0) return;
      // One page is written while the next is fetched; the write after waits for it.
      let writing: Promise<void> = Promise.resolve();
      try {
        for await (const page of deps.client.listIocs({ ...slice, limit: deps.pageSize })) {
          if (failures.length > 0) return;
          // Appended without look-ups, so an IOC seen twice (it moved between pages while they were
          // fetched) is kept once; a newer version is the following incremental sync's to bring.
          const fresh = page.data.filter((ioc) => !written.has(ioc.uuid));
          for (const ioc of fresh) written.add(ioc.uuid);
          await writing;
          writing = repo.append(generation, fresh);
          // Handled here too, so a failing write is not reported unhandled while the next page loads.
          writing.catch(() => undefined);
          fetched += page.data.length;
          deps.onProgress(fetched, total);
        }
      } catch (error) {
        fail(error);
      } finally {
        await writing.catch(fail);
      }
    },
    { concurrency: deps.concurrency },
  );
  if (failures.length > 0) throw failures[0];

  await repo.seal(generation);
  const count = written.size - (await repo.remove(generation, deps.takeLocalDeletes()));
  const at = deps.now();
  await repo.updateMeta(() => ({
    generation,
    count,
    accountKey: deps.accountKey,
    completeAt: at,
    lastFullSyncAt: at,
    watermark,
  }));
  await repo.dropOtherGenerations(generation);
  return { count, watermark };
}
