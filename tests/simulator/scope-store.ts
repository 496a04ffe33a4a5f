/**
 * IOCs of one scope (docs/sentinelone-api.md#routing-auth-and-storage), built for 1M-item full syncs:
 * records sit in an array sorted by uuid (the default `id` sort), so a keyset page is a binary search
 * plus a forward scan; views for the other sort orders and match counts are cached per store version.
 * A few changes patch the cached views (drop the old records, merge the new ones in: O(N + k log k))
 * instead of re-sorting them, so an incremental sync after a small write does not pay a full sort.
 */
import { type IocRecord, keyOf } from './ioc-model';

export const SORT_FIELDS = ['id', 'creationTime', 'uploadTime', 'updatedAt', 'source', 'type'] as const;
export type SortBy = (typeof SORT_FIELDS)[number];
export type SortKey = string | number;

export function sortKeyOf(r: IocRecord, sortBy: SortBy): SortKey {
  switch (sortBy) {
    case 'id':
      return r.uuid;
    case 'creationTime':
      return r.creation ?? Number.NEGATIVE_INFINITY; // null sorts first ascending
    case 'uploadTime':
      return r.upload;
    case 'updatedAt':
      return r.updated;
    case 'source':
      return r.ioc.source;
    case 'type':
      return r.ioc.type;
  }
}

/** Order by sort key, then uuid: the stable tie-break that makes keyset cursors exact. */
export function compareKeys(ka: SortKey, ua: string, kb: SortKey, ub: string): number {
  if (ka < kb) return -1;
  if (ka > kb) return 1;
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

const byUuid = (a: IocRecord, b: IocRecord) => (a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0);

/**
 * Sorts by uuid in place. Large batches go through 65,536 buckets on the first four hex digits
 * first (uuids are random hex), which makes seeding 1M IOCs several times faster than one sort.
 */
function sortByUuid(recs: IocRecord[]): void {
  if (recs.length < 4096 || !recs.every((r) => /^[0-9a-f]{4}/.test(r.uuid))) {
    recs.sort(byUuid);
    return;
  }
  const buckets: IocRecord[][] = Array.from({ length: 65536 }, () => []);
  for (const r of recs) (buckets[Number.parseInt(r.uuid.slice(0, 4), 16)] as IocRecord[]).push(r);
  let k = 0;
  for (const bucket of buckets) {
    if (bucket.length > 1) bucket.sort(byUuid);
    for (const r of bucket) recs[k++] = r;
  }
}

export class ScopeStore {
  /** Bumped on every change; invalidates views and counts. */
  version = 0;
  /** Latest visibleAt of any record, so counts only depend on the clock while something is pending. */
  maxVisibleAt = 0;
  private readonly byUuid = new Map<string, IocRecord>();
  private byId: IocRecord[] = [];
  private views = new Map<SortBy, IocRecord[]>();
  private counts = new Map<string, number>();
  private cacheVersion = -1;
  /** What changed since the views were built, while it is little enough to patch them; else null. */
  private changes: { removed: Set<IocRecord>; added: IocRecord[] } | null = { removed: new Set(), added: [] };
  private keyIndex: Map<string, IocRecord> | null = null;
  private keyIndexFields = '';

  get size(): number {
    return this.byId.length;
  }
  get(uuid: string): IocRecord | undefined {
    return this.byUuid.get(uuid);
  }
  /** All records by uuid ascending; do not mutate. */
  all(): readonly IocRecord[] {
    return this.byId;
  }

  /** Adds records (an existing uuid is replaced). Large batches merge in O(N + k log k). */
  insert(recs: IocRecord[]): void {
    const fresh: IocRecord[] = [];
    const freshAt = new Map<string, number>();
    for (const r of recs) {
      const pending = freshAt.get(r.uuid);
      const old = this.byUuid.get(r.uuid);
      if (pending !== undefined) fresh[pending] = r;
      else if (old) this.replace(old, r);
      else {
        freshAt.set(r.uuid, fresh.length);
        fresh.push(r);
      }
      this.byUuid.set(r.uuid, r);
      if (r.visibleAt > this.maxVisibleAt) this.maxVisibleAt = r.visibleAt;
    }
    if (fresh.length === 0) return;
    sortByUuid(fresh);
    const merged: IocRecord[] = new Array(this.byId.length + fresh.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < this.byId.length && j < fresh.length) {
      const a = this.byId[i] as IocRecord;
      const b = fresh[j] as IocRecord;
      if (a.uuid < b.uuid) {
        merged[k++] = a;
        i++;
      } else {
        merged[k++] = b;
        j++;
      }
    }
    while (i < this.byId.length) merged[k++] = this.byId[i++] as IocRecord;
    while (j < fresh.length) merged[k++] = fresh[j++] as IocRecord;
    this.byId = merged;
    if (this.keyIndex) for (const r of fresh) this.keyIndex.set(keyOf(r.ioc, this.fieldList()), r);
    this.noteChange(null, fresh);
    this.version++;
  }

  /** Swaps a record for a new one with the same uuid (an upsert). */
  replace(old: IocRecord, next: IocRecord): void {
    const idx = this.indexOfUuid(old.uuid);
    if (idx < 0) throw new Error(`replace: unknown uuid ${old.uuid}`);
    this.byId[idx] = next;
    this.byUuid.set(next.uuid, next);
    if (this.keyIndex) {
      const oldKey = keyOf(old.ioc, this.fieldList());
      if (this.keyIndex.get(oldKey) === old) this.keyIndex.delete(oldKey);
      this.keyIndex.set(keyOf(next.ioc, this.fieldList()), next);
    }
    if (next.visibleAt > this.maxVisibleAt) this.maxVisibleAt = next.visibleAt;
    this.noteChange(old, [next]);
    this.version++;
  }

  removeWhere(pred: (r: IocRecord) => boolean): number {
    const kept: IocRecord[] = [];
    const gone: IocRecord[] = [];
    for (const r of this.byId) {
      if (pred(r)) {
        gone.push(r);
        this.byUuid.delete(r.uuid);
      } else kept.push(r);
    }
    if (gone.length > 0) {
      this.byId = kept;
      this.keyIndex = null;
      this.noteRemoved(gone);
      this.version++;
    }
    return gone.length;
  }

  /**
   * Brings the cached views up to date now. Called when a write request ends, so that the write
   * pays for its index upkeep, as a console's database does, rather than the next list request
   * (which an incremental sync sends right after a change).
   */
  settle(): void {
    this.syncCaches();
  }

  /** The record an upsert would hit, by the configured key fields (scopeId is implicit). */
  findByKey(key: string, fields: readonly string[]): IocRecord | undefined {
    if (!this.keyIndex || this.keyIndexFields !== fields.join(',')) {
      this.keyIndexFields = fields.join(',');
      this.keyIndex = new Map();
      for (const r of this.byId) this.keyIndex.set(keyOf(r.ioc, fields), r);
    }
    return this.keyIndex.get(key);
  }

  /** Records ordered by (sortBy, uuid) ascending; cached until the next change. */
  view(sortBy: SortBy): IocRecord[] {
    if (sortBy === 'id') return this.byId;
    this.syncCaches();
    let view = this.views.get(sortBy);
    if (!view) {
      view = sortedBy(this.byId, sortBy);
      this.views.set(sortBy, view);
    }
    return view;
  }

  private noteChange(old: IocRecord | null, added: readonly IocRecord[]): void {
    if (!this.changes) return;
    // Seeding inserts a million records at once: too many to patch in, and to spread into push().
    if (this.changes.added.length + added.length > this.byId.length / 8) {
      this.changes = null;
      return;
    }
    if (old) this.changes.removed.add(old);
    for (const r of added) this.changes.added.push(r);
  }

  cachedCount(key: string, compute: () => number): number {
    this.syncCaches();
    let n = this.counts.get(key);
    if (n === undefined) {
      n = compute();
      this.counts.set(key, n);
    }
    return n;
  }

  private noteRemoved(gone: readonly IocRecord[]): void {
    if (!this.changes) return;
    if (this.changes.removed.size + gone.length > this.byId.length / 8) {
      this.changes = null;
      return;
    }
    for (const r of gone) this.changes.removed.add(r);
  }

  private syncCaches(): void {
    if (this.cacheVersion === this.version) return;
    const { changes } = this;
    if (changes) {
      const added = changes.added.filter((r) => !changes.removed.has(r));
      for (const [sortBy, view] of this.views)
        this.views.set(sortBy, patched(view, changes.removed, added, sortBy));
    } else this.views.clear();
    this.changes = { removed: new Set(), added: [] };
    this.counts.clear();
    this.cacheVersion = this.version;
  }

  private fieldList(): string[] {
    return this.keyIndexFields.split(',');
  }

  private indexOfUuid(uuid: string): number {
    let lo = 0;
    let hi = this.byId.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const u = (this.byId[mid] as IocRecord).uuid;
      if (u === uuid) return mid;
      if (u < uuid) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

function sortedBy(recs: readonly IocRecord[], sortBy: SortBy): IocRecord[] {
  const keyed = recs.map((r) => ({ k: sortKeyOf(r, sortBy), r }));
  keyed.sort((a, b) => compareKeys(a.k, a.r.uuid, b.k, b.r.uuid));
  return keyed.map((x) => x.r);
}

/** A sorted view without `removed` and with `added` merged in, in the view's order. */
function patched(
  view: readonly IocRecord[],
  removed: ReadonlySet<IocRecord>,
  added: readonly IocRecord[],
  sortBy: SortBy,
): IocRecord[] {
  const fresh = sortedBy(added, sortBy);
  const out: IocRecord[] = [];
  let j = 0;
  for (const r of view) {
    if (removed.has(r)) continue;
    const k = sortKeyOf(r, sortBy);
    while (j < fresh.length) {
      const f = fresh[j] as IocRecord;
      if (compareKeys(sortKeyOf(f, sortBy), f.uuid, k, r.uuid) >= 0) break;
      out.push(f);
      j++;
    }
    out.push(r);
  }
  while (j < fresh.length) out.push(fresh[j++] as IocRecord);
  return out;
}
