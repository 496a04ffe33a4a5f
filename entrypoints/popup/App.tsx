import { browser } from 'wxt/browser';
import { openInManager } from '../../components/open-manager';
import { PopupView } from '../../components/PopupView';
import { useLazySettings } from '../../components/use-lazy-settings';
import { useStorageItem } from '../../components/use-storage-item';
import { useWakeWorker } from '../../components/use-wake-worker';
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
