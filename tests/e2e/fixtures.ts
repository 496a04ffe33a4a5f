/**
 * The end-to-end fixture: a fresh SentinelOne simulator over HTTPS and a fresh Chromium profile with
 * the production build (.output/chrome-mv3) loaded, for every test. Tests drive the extension's own
 * pages and assert on what the simulator then holds and was sent.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type BrowserContext, test as base, chromium, type Worker } from '@playwright/test';
import { createSimulator, type Simulator, type SimulatorOptions } from '../simulator';
import { chromiumExecutable, extensionArgs } from './chromium';

export const EXTENSION_DIR = path.resolve('.output/chrome-mv3');
/** A console host inside the manifest's https://*.sentinelone.net/* grant; mapped to the simulator. */
export const CONSOLE_URL = 'https://usea1-test.sentinelone.net';

interface Fixtures {
  /** What the simulator starts with; a spec changes it with `test.use({ simOptions: … })`. */
  simOptions: SimulatorOptions;
  sim: Simulator;
  simPort: number;
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
}

export const test = base.extend<Fixtures>({
  simOptions: [{ iocs: 25, includeFixtureIocs: true }, { option: true }],
  sim: async ({ simOptions }, use) => {
    await use(createSimulator(simOptions));
  },
  simPort: async ({ sim }, use) => {
    const server = await sim.listen({ https: true });
    await use(server.port);
    await server.close();
  },
  context: async ({ simPort }, use) => {
    if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
      throw new Error(`No production build at ${EXTENSION_DIR}: run "npm run build" first.`);
    }
    const context = await chromium.launchPersistentContext('', {
      executablePath: chromiumExecutable(),
      headless: true,
      args: extensionArgs(EXTENSION_DIR, simPort),
    });
    await use(context);
    await context.close();
  },
  serviceWorker: async ({ context }, use) => {
    const [running] = context.serviceWorkers();
    await use(running ?? (await context.waitForEvent('serviceworker')));
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
});

export { expect } from '@playwright/test';
