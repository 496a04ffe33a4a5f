/**
 * An incremental sync: what changed since the watermark (`updatedAt__gt`, with an overlap for
 * clock skew and late visibility), merged into the visible cache. The API cannot list deletions,
 * so the console's total is compared with ours afterwards; a difference asks for a full reconcile.
 */
import type { S1Client } from '../s1/client';
import { laterIso, shiftIso } from '../s1/timestamps';
import type { CacheMeta } from '../store/db';
import type { IocRepo } from '../store/ioc-repo';

export const WATERMARK_OVERLAP_MS = 5 * 60_000;

export interface IncrementalSyncDeps {
  client: Pick<S1Client, 'listIocs' | 'countIocs'>;
  repo: IocRepo;
  pageSize: number;
  now: () => string;
  onProgress: (fetched: number, total: number | null) => void;
  overlapMs?: number;
  /**
   * Resolves when the cache may be written: the list is asked alongside the token's check
   * (scope-check.ts), but nothing is written before it passed.
   */
  writable?: Promise<unknown>;
  /** The cache's meta as the caller just read it, so that the list is asked without reading it again. */
  meta?: CacheMeta;
}

export interface IncrementalSyncResult {
  changed: number;
  serverTotal: number;
  localCount: number;
  /** True when the totals agree and the cache was marked complete. */
  consistent: boolean;
}

export async function incrementalSync(deps: IncrementalSyncDeps): Promise<IncrementalSyncResult> {
  const { repo } = deps;
  const meta = deps.meta ?? (await repo.meta());
  const since =
    meta.watermark === null ? undefined : shiftIso(meta.watermark, -(deps.overlapMs ?? WATERMARK_OVERLAP_MS));

  let changed = 0;
  let newest = meta.watermark;
  let counted: Promise<number> | null = null;
  deps.onProgress(0, null);
  for await (const page of deps.client.listIocs({
    updatedAt__gt: since,
    sortBy: 'updatedAt',
    sortOrder: 'asc',
    limit: deps.pageSize,
  })) {
    // The console's total is asked once the last page is in, as before, but while that page is
    // written rather than after: a small change is mostly these round trips.
    if (!page.pagination?.nextCursor) {
      counted = deps.client.countIocs();
      counted.catch(() => undefined);
    }
    await deps.writable;
    await repo.put(meta.generation, page.data);
    changed += page.data.length;
    for (const ioc of page.data) newest = laterIso(newest, ioc.updatedAt);
    deps.onProgress(changed, page.pagination?.totalItems ?? null);
  }

  // The cache's count is kept in meta by every write: nothing here is O(cache size). It is compared,
  // and the cache stamped complete, in one transaction.
  await deps.writable;
  const serverTotal = await (counted ?? deps.client.countIocs());
  let localCount: number | null = null;
  await repo.updateMeta((current) => {
    if (current.generation !== meta.generation) return {};
    localCount = current.count;
    return current.count === serverTotal ? { watermark: newest, completeAt: deps.now() } : {};
  });
  localCount ??= await repo.count(meta.generation);
  return { changed, serverTotal, localCount, consistent: serverTotal === localCount };
}
