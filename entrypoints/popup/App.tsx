import { browser } from 'wxt/browser';
import { PopupView } from '../../components/lookup/PopupView';
import { openInManager } from '../../components/page/open-manager';
import { useLazySettings } from '../../components/page/use-lazy-settings';
import { useStorageItem } from '../../components/page/use-storage-item';
import { useWakeWorker } from '../../components/page/use-wake-worker';
import { syncStatusItem } from '../../lib/sync/sync-status';

export function App() {
  const settings = useLazySettings();
  const status = useStorageItem(syncStatusItem);
  useWakeWorker();
  return (
    <PopupView
      settings={settings}
      status={status}
      onOpen={(value) => {
        openInManager(value);
        window.close();
      }}
      onOpenSettings={() => {
        void browser.runtime.openOptionsPage();
        window.close();
      }}
    />
  );
}
