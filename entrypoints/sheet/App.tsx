import { useEffect, useState } from 'preact/hooks';
import { ReviewSheet } from '../../components/lookup/ReviewSheet';
import { openInManager } from '../../components/page/open-manager';
import { pageProfileId } from '../../components/page/page-profile';
import { useStorageItem } from '../../components/page/use-storage-item';
import { type PendingSheet, takeSheet } from '../../lib/menu/pending-sheet';
import { settingsItemOf } from '../../lib/settings/settings';
import { syncStatusItemOf } from '../../lib/sync/sync-status';
import { keepWindowCopy, readWindowCopy } from './window-copy';

/** The review sheet the context menu opens: sheet.html?id=<pending sheet>. */
export function App() {
  const settings = useStorageItem(settingsItemOf(pageProfileId));
  const status = useStorageItem(syncStatusItemOf(pageProfileId));
  const [sheet, setSheet] = useState<PendingSheet | null | undefined>(undefined);
  useEffect(() => {
    const id = new URLSearchParams(location.search).get('id');
    if (!id) return setSheet(null);
    const kept = readWindowCopy(id);
    if (kept) return setSheet(kept);
    void takeSheet(id).then(
      (taken) => {
        if (taken) keepWindowCopy(taken);
        setSheet(taken);
      },
      () => setSheet(null),
    );
  }, []);
  if (sheet === undefined || settings === undefined) return <p>Loading…</p>;
  if (sheet === null)
    return (
      <p role="alert" class="status-error" data-tone="danger">
        This review is no longer available (it was opened in another window, or the browser was restarted).
        Select the text again.
      </p>
    );
  return (
    <ReviewSheet
      sheet={sheet}
      settings={settings}
      status={status}
      onOpen={(value) => openInManager(value, pageProfileId)}
    />
  );
}
