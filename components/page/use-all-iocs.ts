/**
 * The cached IOCs of every profile together, for the manager's view across profiles: each profile's
 * cache followed on its own (cache-follower.ts, caught up when that profile's published status says
 * its cache changed), and the parts joined in the profile list's order with the tenant of each row
 * beside them (lib/iocs/tenants.ts). A profile with no connection has no IOCs and is no tenant.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { WxtStorageItem } from 'wxt/utils/storage';
import type { StoredSettings } from '../../config/settings';
import { combineTenants, type Tenant, type TenantRows, tenantOf } from '../../lib/iocs/tenants';
import { normalizeProfileList } from '../../lib/profiles/profile-list';
import { profilesItem } from '../../lib/profiles/profiles-item';
import type { Ioc } from '../../lib/s1/schemas';
import { settingsItemOf } from '../../lib/settings/settings';
import { type SyncStatus, syncStatusItemOf } from '../../lib/sync/sync-status';
import { type CacheFollower, type CacheState, cacheVersionOf, followCache, UNREAD } from './cache-follower';
import { earlyRowsOf, takeEarlyProfileRows, withEarlyRows } from './early-rows';
import { profileCache } from './profile-caches';
import { useStorageItem } from './use-storage-item';

export interface AllIocs {
  /** The connected profiles, in the list's order; null until the list and their settings are read. */
  tenants: Tenant[] | null;
  /** Every tenant's IOCs; null until each has shown its first rows (or failed to). */
  iocs: Ioc[] | null;
  rows: TenantRows | null;
  /** IOCs still being read from the local caches after the first rows (0 when all are here). */
  stillReading: number;
  /** "Globex: The local cache could not be read: …", one per tenant whose cache failed. */
  errors: string[];
  settingsOf(profileId: string): StoredSettings | undefined;
  /** Catches up with what a write changed in `profileId`'s cache. */
  reload(profileId: string): Promise<void>;
}

type AnyItem<T> = WxtStorageItem<T, Record<string, unknown>>;

/** The values of one storage item per profile, kept up to date; a profile is absent until read. */
function useItemPerProfile<T>(ids: readonly string[], itemOf: (id: string) => AnyItem<T>): Map<string, T> {
  const [values, setValues] = useState<Map<string, T>>(new Map());
  const key = ids.join(',');
  useEffect(() => {
    let live = true;
    const set = (id: string, value: T) => live && setValues((previous) => new Map(previous).set(id, value));
    const unwatch = key
      .split(',')
      .filter(Boolean)
      .map((id) => {
        const item = itemOf(id);
        void item.getValue().then((value) => set(id, value));
        return item.watch((value) => set(id, value));
      });
    return () => {
      live = false;
      for (const stop of unwatch) stop();
    };
  }, [key, itemOf]);
  return values;
}

/** Each profile's first reads, started by the manager's early script across profiles where it ran. */
const earlyRows = takeEarlyProfileRows();

/** A promise kept once the first rows are painted (a frame after `shown` is called), and its trigger. */
function afterFirstPaint(): { painted: Promise<void>; shown(): void } {
  let shown = () => {};
  const painted = new Promise<void>((resolve) => {
    shown = () => requestAnimationFrame(() => setTimeout(resolve, 0));
  });
  return { painted, shown };
}

export function useAllIocs(): AllIocs {
  const storedList = useStorageItem(profilesItem);
  const list = useMemo(
    () => (storedList === undefined ? undefined : normalizeProfileList(storedList)),
    [storedList],
  );
  const ids = useMemo(() => list?.profiles.map((profile) => profile.id) ?? [], [list]);
  const settings = useItemPerProfile<StoredSettings>(ids, settingsItemOf);
  const statuses = useItemPerProfile<SyncStatus>(ids, syncStatusItemOf);

  const tenants = useMemo(() => {
    if (!list || ids.some((id) => !settings.has(id))) return null;
    return list.profiles
      .filter((profile) => settings.get(profile.id)?.connection)
      .map((profile) => tenantOf(list, profile, settings.get(profile.id)?.connection));
  }, [list, ids, settings]);

  const [states, setStates] = useState<ReadonlyMap<string, CacheState>>(new Map());
  const [firstPaint] = useState(afterFirstPaint);
  const followers = useRef(new Map<string, CacheFollower>());
  const followerOf = useCallback(
    (id: string) => {
      let follower = followers.current.get(id);
      if (!follower) {
        follower = followCache(
          withEarlyRows(profileCache(id).repo, earlyRowsOf(earlyRows, id)),
          (update) => setStates((previous) => new Map(previous).set(id, update(previous.get(id) ?? UNREAD))),
          () => firstPaint.painted,
        );
        followers.current.set(id, follower);
      }
      return follower;
    },
    [firstPaint],
  );

  // Every profile's first rows are read as soon as the list is: each database opens and answers
  // while the settings (which say which profiles are connected) and statuses are still being read.
  useEffect(() => {
    for (const id of ids) if (!followers.current.has(id)) void followerOf(id).reload();
  }, [ids, followerOf]);

  // Each tenant's cache is read again when its own status says it changed. The first status read
  // asks too: after a read under way that costs one look at the cache's changes (cache-follower.ts).
  const versions = useRef(new Map<string, string>());
  useEffect(() => {
    for (const tenant of tenants ?? []) {
      const version = cacheVersionOf(statuses.get(tenant.id));
      if (version === null || versions.current.get(tenant.id) === version) continue;
      versions.current.set(tenant.id, version);
      void followerOf(tenant.id).reload();
    }
  }, [tenants, statuses, followerOf]);

  const combined = useMemo(() => {
    if (!tenants) return null;
    const parts = tenants.map((tenant) => ({ tenant, state: states.get(tenant.id) ?? UNREAD }));
    if (parts.some(({ state }) => state.iocs === null && state.error === null)) return null;
    return combineTenants(parts.map(({ tenant, state }) => ({ tenant, items: state.iocs ?? [] })));
  }, [tenants, states]);

  // The rows are painted in the frame after the render that first has them all.
  useEffect(() => {
    if (combined) firstPaint.shown();
  }, [combined, firstPaint]);

  let stillReading = 0;
  const errors: string[] = [];
  for (const tenant of tenants ?? []) {
    const state = states.get(tenant.id) ?? UNREAD;
    if (state.error) errors.push(`${tenant.label}: ${state.error}`);
    else if (!state.complete)
      stillReading += Math.max(0, (statuses.get(tenant.id)?.iocCount ?? 0) - (state.iocs?.length ?? 0));
  }

  return {
    tenants,
    iocs: combined?.items ?? null,
    rows: combined?.rows ?? null,
    stillReading,
    errors,
    settingsOf: useCallback((id: string) => settings.get(id), [settings]),
    reload: useCallback((id: string) => followerOf(id).reload(), [followerOf]),
  };
}
