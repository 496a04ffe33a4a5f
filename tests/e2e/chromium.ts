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
 * talks to https://usea1-test.sentinelone.net through the real network stack (house-style.md §6).
 * The background-networking flags keep Chromium from calling home on a machine with no network.
 */
export function extensionArgs(extensionDir: string, simulatorPort: number): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    `--host-resolver-rules=MAP *.sentinelone.net 127.0.0.1:${simulatorPort}`,
    '--ignore-certificate-errors',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}
