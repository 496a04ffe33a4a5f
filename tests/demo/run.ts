/**
 * `npm run demo [-- --headless] [--out demo-screenshots]`: the product working
 * without a SentinelOne console. Builds, starts the simulator over HTTPS with 5,000 generated IOCs
 * (and a few blocks for the Blocks tab), loads the production build into Chromium, connects it
 * through the extension's own connection screen, waits for the first sync and shows the manager.
 *   headed (default): runs until the browser is closed or Ctrl+C, then stops the simulator.
 *   --headless: writes every view in the light and the dark scheme (tests/demo/screenshots.ts),
 *   prints where, and exits 0.
 * Any failed step prints what failed and exits 1.
 *
 * README's pictures (the manager, the review sheet and the popup, in both schemes) are retaken with
 *   npm run demo -- --headless && cp demo-screenshots/{manager,sheet,popup}-{light,dark}.png docs/screenshots/
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from '@playwright/test';
import {
  type Browser,
  type Console,
  connect,
  launchBrowser,
  startConsole,
  waitForCompleteSync,
} from '../bench/session';
import { CONSOLE_URL } from '../e2e/fixtures';
import { SHOT_NAMES, takeScreenshots } from './screenshots';

const IOC_COUNT = 5_000;
const SYNC_TIMEOUT_MS = 120_000;

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    out: { type: 'string', default: 'demo-screenshots' },
  },
});
const headless = values.headless;
const outDir = path.resolve(values.out);
const say = (line: string) => process.stdout.write(`${line}\n`);

let simConsole: Console | undefined;
let browser: Browser | undefined;
let ready = false;

/** Runs one step; a failure names the step, so the message says what did not work. */
async function step<T>(label: string, run: () => Promise<T> | T): Promise<T> {
  say(`demo: ${label}…`);
  try {
    return await run();
  } catch (error) {
    throw new Error(`${label} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

let stopping: Promise<void> | undefined;
/** Closes Chromium, then the simulator (a tab still syncing would otherwise see it vanish); once. */
function stop(): Promise<void> {
  stopping ??= (async () => {
    await browser?.close().catch(() => undefined);
    await simConsole?.close().catch(() => undefined);
  })();
  return stopping;
}

// Chromium runs in a process group of its own, so Ctrl+C reaches only this process: without this
// handler Node would exit at once and leave Chromium and the simulator's port behind.
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    say(ready ? 'demo: stopping the simulator.' : `demo: interrupted (${signal}), stopping.`);
    void stop().then(() => process.exit(ready ? 0 : 130));
  });

/** A hash another console user blocked on two OSes, and the extension's own rule for a domain. */
function plantBlocks(c: Console): void {
  const hash = '5d41402abc4b2a76b9719d911017c592ae2b1f3c9e8d7a6b5c4d3e2f1a0b9c8d';
  c.sim.putBlocklist([
    { osType: 'windows', sha256Value: hash },
    { osType: 'linux', sha256Value: hash },
  ]);
  const domain = 'c2.badcorp.top';
  c.sim.putFirewallRules([
    {
      name: `S1 IOC Manager: ${domain}`,
      description: `Blocked by analyst@acme.example with S1 IOC Manager. [expires ${new Date(Date.now() + 30 * 86_400_000).toISOString()}]`,
      direction: 'outbound',
      remoteHosts: [{ type: 'fqdn', values: [domain] }],
    },
  ]);
}

async function connectAndOpenManager(b: Browser, c: Console): Promise<Page> {
  const { page, savedAt } = await connect(b, c.sim);
  await waitForCompleteSync(b.worker, savedAt, SYNC_TIMEOUT_MS);
  await page.getByRole('link', { name: 'IOCs', exact: true }).click();
  await page.getByRole('grid', { name: 'IOCs' }).waitFor({ timeout: 15_000 });
  return page;
}

async function main(): Promise<void> {
  if (!headless && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    throw new Error('No display to show Chromium on: run `npm run demo -- --headless` instead.');
  await step('building the extension (npm run build)', () => {
    const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error(`npm run build exited with ${build.status ?? build.signal}`);
  });
  const c = await step(`starting the simulator over HTTPS with ${IOC_COUNT} IOCs`, () =>
    startConsole(IOC_COUNT),
  );
  simConsole = c;
  plantBlocks(c);
  const b = await step(`starting Chromium${headless ? ' (headless)' : ''} with the extension`, () =>
    launchBrowser(c.port, { headless, handleSIGINT: false }).catch((error: unknown) => {
      throw new Error(
        `${error instanceof Error ? error.message : String(error)}\n  Chromium comes from ` +
          'PLAYWRIGHT_CHROMIUM_EXECUTABLE or /usr/bin/chromium (Debian: apt-get install chromium).',
      );
    }),
  );
  browser = b;
  const manager = await step('connecting through the settings screen and waiting for the first sync', () =>
    connectAndOpenManager(b, c),
  );

  if (headless) {
    mkdirSync(outDir, { recursive: true });
    // Pictures from an earlier run must not pass for this run's.
    for (const name of SHOT_NAMES) rmSync(path.join(outDir, `${name}.png`), { force: true });
    const shots = await step('taking screenshots', () =>
      takeScreenshots(b, manager, c.sim, outDir, (label) => say(`demo:   ${label}`)),
    );
    await stop();
    say(`demo: ${shots.length} screenshots in ${outDir}`);
    for (const shot of shots) say(`  ${shot.file} (${Math.round(statSync(shot.file).size / 1024)} KB)`);
    return;
  }

  for (const page of b.context.pages())
    if (page !== manager && page.url() === 'about:blank') await page.close();
  say(`demo: ready: the manager shows ${c.sim.iocs().length} IOCs from the simulator at ${CONSOLE_URL}`);
  say(`      (mapped to 127.0.0.1:${c.port}). Close the browser or press Ctrl+C to stop.`);
  ready = true;
  await new Promise<void>((resolve) => b.context.once('close', () => resolve()));
  // Closed by the person, not by the Ctrl+C handler (which has said so already).
  if (!stopping) say('demo: the browser was closed; stopping the simulator.');
  await stop();
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
    await stop();
    process.exit(1);
  },
);
