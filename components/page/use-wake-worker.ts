/**
 * Wakes the service worker when a page opens. A worker the browser stopped mid-sync leaves a status
 * that says "syncing" (and a disabled refresh button) until a worker runs again; the new one sees
 * that status, says the sync was interrupted and starts another (lib/sync/status-publisher.ts).
 */
import { useEffect } from 'preact/hooks';
import { sendAboutPage } from './page-profile';
import { whenIdle } from './when-idle';

export function useWakeWorker(): void {
  useEffect(
    () =>
      // When idle: starting a stopped worker is work for the browser the page's first look-up would wait behind.
      whenIdle(() => {
        // A page that cannot reach the worker still shows the cache; the status will say why.
        sendAboutPage('wake', undefined).catch(() => undefined);
      }),
    [],
  );
}
