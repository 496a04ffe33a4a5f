import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createMenus } from '../lib/menu/menus';
import { createBackgroundServices } from '../lib/worker/background-services';
import { serveMessages } from '../lib/worker/serve-messages';
import { restrictStorageToTrustedContexts } from '../lib/worker/storage-access';

// Wiring only (the work itself lives in lib/): main() stays synchronous and registers every listener
// at once, so that an event that woke the worker finds its listener.
export default defineBackground(() => {
  const services = createBackgroundServices();
  // At every start: the settings in storage.local are then out of reach of any script the worker
  // injects into a page (the token is not among them: see lib/settings/token-vault.ts). After the services,
  // so that what it logs reaches the activity log.
  void restrictStorageToTrustedContexts(browser.storage);
  serveMessages(services);
  browser.runtime.onInstalled.addListener(() => {
    void createMenus(browser.contextMenus);
    void services.applySettings();
    void services.syncAll('install');
  });
  browser.runtime.onStartup.addListener(() => {
    void services.applySettings();
    void services.syncAll('startup');
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    void services.onMenuClick({
      menuItemId: info.menuItemId,
      selectionText: info.selectionText,
      linkUrl: info.linkUrl,
      tabId: tab?.id,
      frameId: info.frameId,
    });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    void services.onAlarm(alarm.name);
  });
});
