import { useEffect, useMemo, useState } from 'preact/hooks';
import type { WxtStorageItem } from 'wxt/utils/storage';

/** The current value of a storage item, kept up to date; undefined until first read. */
export function useStorageItem<T>(item: WxtStorageItem<T, Record<string, unknown>>): T | undefined {
  const [value, setValue] = useState<T>();
  // Asked during the first render, not in the effect: effects run after the page's first paint, so
  // every read the page opens with used to wait a frame before the browser was even asked.
  const firstRead = useMemo(() => item.getValue(), [item]);
  useEffect(() => {
    let live = true;
    // A change seen by the watch is newer than the first read, which may answer after it.
    let changed = false;
    void firstRead.then((first) => {
      if (live && !changed) setValue(first);
    });
    const unwatch = item.watch((next) => {
      changed = true;
      setValue(next);
    });
    return () => {
      live = false;
      unwatch();
    };
  }, [item, firstRead]);
  return value;
}
