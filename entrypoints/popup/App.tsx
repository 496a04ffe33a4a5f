import { browser } from 'wxt/browser';
import { PopupView } from '../../components/lookup/PopupView';
import { openInManager } from '../../components/page/open-manager';
import { useWakeWorker } from '../../components/page/use-wake-worker';

export function App() {
  useWakeWorker();
  return (
    <PopupView
      onOpen={(value, profileId) => {
        openInManager(value, profileId);
        window.close();
      }}
      onOpenSettings={() => {
        void browser.runtime.openOptionsPage();
        window.close();
      }}
    />
  );
}
