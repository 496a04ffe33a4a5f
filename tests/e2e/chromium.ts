/** Where the Chromium for the end-to-end tests comes from, and the flags this closed machine needs. */
import { existsSync } from 'node:fs';

/** PLAYWRIGHT_CHROMIUM_EXECUTABLE, else Debian's /usr/bin/chromium, else Playwright's own download. */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (fromEnv) return fromEnv;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/**
 * Loads the production build and sends *.sentinelone.net to the local simulator, so the extension
 * talks to https://usea1-test.sentinelone.net through the real network stack. `hostRules` come
 * first, so a spec can send one host elsewhere (another local server, or ~NOTFOUND); the first rule
 * that matches a host wins. The background-networking flags keep Chromium from calling home on a
 * machine with no network.
 */
export function extensionArgs(
  extensionDir: string,
  simulatorPort: number,
  hostRules: string[] = [],
): string[] {
  const rules = [...hostRules, `MAP *.sentinelone.net 127.0.0.1:${simulatorPort}`];
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    `--host-resolver-rules=${rules.join(',')}`,
    '--ignore-certificate-errors',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}
