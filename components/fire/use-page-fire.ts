import { useMemo } from 'preact/hooks';
import { storedFireStatus } from '../../lib/sync/fire-status';
import { syncStatusItemOf } from '../../lib/sync/sync-status';
import { pageProfileId } from '../page/page-profile';
import { useStorageItem } from '../page/use-storage-item';

/** What the page's profile's last sync read of its scope's TI settings; null until known. */
export function usePageFire() {
  const status = useStorageItem(syncStatusItemOf(pageProfileId));
  // Parsed once per status written, so what is worked out from it (a Set of 500 values) is too.
  return useMemo(() => storedFireStatus(status), [status]);
}
