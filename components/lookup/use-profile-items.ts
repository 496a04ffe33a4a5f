/**
 * Each profile's sync status and settings, for the popup: read by profile id and kept up to date. The
 * settings load when the popup is idle (as use-lazy-settings.ts does for one profile): their code
 * (schemas, ~90 KB) is not needed for the first answer.
 */
import { useEffect, useState } from 'preact/hooks';
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import type { StoredSettings } from '../../config/settings';
import { type SyncStatus, syncStatusItemOf } from '../../lib/sync/sync-status';
import { whenIdle } from '../page/when-idle';

type Item<T> = WxtStorageItem<T, Record<string, unknown>>;

/**
 * Reads and watches `itemOf(id)` for each id into `set`; returns the unwatch. Read in one storage call
 * and set at once: with ten profiles, ten reads answered one by one rendered the popup ten times while
 * its first answer was being read.
 */
function watchItems<T>(
  ids: readonly string[],
  itemOf: (id: string) => Item<T>,
  set: (values: ReadonlyArray<readonly [string, T]>) => void,
): () => void {
  let live = true;
  const items = ids.map(itemOf);
  void storage.getItems(items).then((read) => {
    const byKey = new Map(read.map(({ key, value }) => [key, value as T]));
    if (live) set(ids.map((id, index) => [id, byKey.get((items[index] as Item<T>).key) as T] as const));
  });
  const unwatches = ids.map((id, index) => (items[index] as Item<T>).watch((value) => set([[id, value]])));
  return () => {
    live = false;
    for (const unwatch of unwatches) unwatch();
  };
}

function useByProfile<T>() {
  const [values, setValues] = useState<ReadonlyMap<string, T>>(new Map());
  const set = (read: ReadonlyArray<readonly [string, T]>) =>
    setValues((current) => {
      const next = new Map(current);
      for (const [id, value] of read) next.set(id, value);
      return next;
    });
  return [values, set] as const;
}

/** Each profile's published sync status; a profile's is absent until read. `ids` joined with ','. */
export function useProfileStatuses(ids: string): ReadonlyMap<string, SyncStatus> {
  const [statuses, set] = useByProfile<SyncStatus>();
  useEffect(() => watchItems(ids.split(','), syncStatusItemOf, set), [ids]);
  return statuses;
}

/** Each profile's settings, read once the popup is idle; a profile's is absent until then. */
export function useProfileSettings(ids: string): ReadonlyMap<string, StoredSettings> {
  const [settings, set] = useByProfile<StoredSettings>();
  useEffect(() => {
    let unwatch: (() => void) | undefined;
    let live = true;
    const cancel = whenIdle(() => {
      void import('../../lib/settings/settings').then(({ settingsItemOf }) => {
        if (live) unwatch = watchItems(ids.split(','), settingsItemOf, set);
      });
    });
    return () => {
      live = false;
      cancel();
      unwatch?.();
    };
  }, [ids]);
  return settings;
}
