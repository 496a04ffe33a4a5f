/** Reads the extension's own storage areas from its service worker (or any extension page). */
/** The worker or an extension page: both run code in the extension's origin. */
export interface ExtensionContext {
  evaluate<R>(code: () => R | Promise<R>): Promise<R>;
}

type Area = { get(keys: null): Promise<Record<string, unknown>> };
type ChromeStorage = { storage: { local: Area; sync: Area; session: Area } };

export function readExtensionStorage(context: ExtensionContext) {
  return context.evaluate(async () => {
    const { storage } = (globalThis as unknown as { chrome: ChromeStorage }).chrome;
    return {
      local: await storage.local.get(null),
      sync: await storage.sync.get(null),
      session: await storage.session.get(null),
    };
  });
}
