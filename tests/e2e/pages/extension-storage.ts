/** Reads the extension's own storage areas from its service worker. */
import type { Worker } from '@playwright/test';

type Area = { get(keys: null): Promise<Record<string, unknown>> };
type ChromeStorage = { storage: { local: Area; sync: Area; session: Area } };

export function readExtensionStorage(worker: Worker) {
  return worker.evaluate(async () => {
    const { storage } = (globalThis as unknown as { chrome: ChromeStorage }).chrome;
    return {
      local: await storage.local.get(null),
      sync: await storage.sync.get(null),
      session: await storage.session.get(null),
    };
  });
}
