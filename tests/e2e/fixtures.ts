/**
 * The end-to-end fixture: a fresh SentinelOne simulator over HTTPS and a fresh Chromium profile with
 * the production build (.output/chrome-mv3) loaded, for every test. Tests drive the extension's own
 * pages and assert on what the simulator then holds and was sent. Every test also ends with a scan
 * for the API token outside the Authorization header (pages/secret-scan.ts).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type BrowserContext, test as base, chromium, expect, type Worker } from '@playwright/test';
import {
  type Consoles,
  createConsoles,
  createSimulator,
  type Simulator,
  type SimulatorOptions,
} from '../simulator';
import { chromiumExecutable, extensionArgs } from './chromium';
import { describeReport, type SecretScan, watchForSecrets } from './pages/secret-scan';

/** The production build; E2E_EXTENSION_DIR points at a copy, so that a build running meanwhile cannot mix it. */
export const EXTENSION_DIR = path.resolve(process.env.E2E_EXTENSION_DIR ?? '.output/chrome-mv3');
/** A console host inside the manifest's https://*.sentinelone.net/* grant; mapped to the simulator. */
export const CONSOLE_URL = 'https://usea1-test.sentinelone.net';

interface Fixtures {
  /** What the simulator starts with; a spec changes it with `test.use({ simOptions: … })`. */
  simOptions: SimulatorOptions;
  sim: Simulator;
  /**
   * Consoles beside CONSOLE_URL, by URL (`https://euce1-globex.sentinelone.net`): each its own
   * simulator, with tokens of its own (consoleTokens) unless its options name `tokens`.
   */
  extraConsoles: Record<string, SimulatorOptions>;
  /**
   * Every console on the simulator's port, told apart by Host: CONSOLE_URL is `sim`, which also answers
   * any host not named (127.0.0.1, other *.sentinelone.net names); `consoles.get(url)` gives the others.
   */
  consoles: Consoles;
  simPort: number;
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  /** Extra --host-resolver-rules, before the one that sends *.sentinelone.net to the simulator. */
  hostRules: string[];
  /**
   * Where the API token may be sent besides the consoles (each of which takes its own tokens only); a
   * spec that points Test connection elsewhere adds the origin.
   */
  consoleOrigins: string[];
  /** Only the scan's own negative control plants tokens, and then expects them found. */
  secretsPlanted: boolean;
  secretScan: SecretScan;
}

export const test = base.extend<Fixtures>({
  simOptions: [{ iocs: 25, includeFixtureIocs: true }, { option: true }],
  sim: async ({ simOptions }, use) => {
    await use(createSimulator(simOptions));
  },
  extraConsoles: [{}, { option: true }],
  consoles: async ({ sim, extraConsoles }, use) => {
    if (CONSOLE_URL in extraConsoles)
      throw new Error(`${CONSOLE_URL} is \`sim\`: set its options with simOptions`);
    await use(createConsoles({ [CONSOLE_URL]: sim, ...extraConsoles }, { fallback: CONSOLE_URL }));
  },
  simPort: async ({ consoles }, use) => {
    const server = await consoles.listen({ https: true });
    await use(server.port);
    await server.close();
  },
  hostRules: [[], { option: true }],
  context: async ({ simPort, hostRules }, use) => {
    if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
      throw new Error(`No production build at ${EXTENSION_DIR}: run "npm run build" first.`);
    }
    const context = await chromium.launchPersistentContext('', {
      executablePath: chromiumExecutable(),
      headless: true,
      args: extensionArgs(EXTENSION_DIR, simPort, hostRules),
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
  consoleOrigins: [[new URL(CONSOLE_URL).origin], { option: true }],
  secretsPlanted: [false, { option: true }],
  secretScan: [
    async ({ context, consoles, consoleOrigins, secretsPlanted }, use) => {
      const byOrigin = Object.fromEntries(
        consoles.hosts.map((host) => [`https://${host}`, consoles.get(host)]),
      );
      const scan = watchForSecrets(context, byOrigin, consoleOrigins);
      await use(scan);
      const report = await scan.finish();
      // biome-ignore lint/suspicious/noConsole: a reliability test prints its figures for the run's log.
      console.log(describeReport(report));
      if (secretsPlanted) {
        expect(report.findings.length, 'the planted tokens were found').toBeGreaterThan(0);
        return;
      }
      expect(report.findings, 'the API token outside the Authorization header').toEqual([]);
      expect(report.authorizedElsewhere, 'Authorization headers to another origin').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect } from '@playwright/test';
