/**
 * The benchmark's world: the simulator over HTTPS holding N IOCs, and the production build in a
 * fresh headless Chromium profile connected to it through the extension's own connection screen,
 * exactly as in the end-to-end tests (tests/e2e/fixtures.ts), but driven from a plain script.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from '@playwright/test';
import { chromiumExecutable, extensionArgs } from '../e2e/chromium';
import { CONSOLE_URL } from '../e2e/fixtures';
import { createSimulator, type Simulator } from '../simulator';

const EXTENSION_DIR = path.resolve('.output/chrome-mv3');

export interface Console {
  sim: Simulator;
  port: number;
  close(): Promise<void>;
}

export async function startConsole(iocs: number): Promise<Console> {
  const sim = createSimulator({
    iocs,
    includeFixtureIocs: false,
    logBodies: false,
    now: new Date().toISOString(),
  });
  const server = await sim.listen({ https: true });
  return { sim, port: server.port, close: () => server.close() };
}

export interface Browser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** How the demo (tests/demo/) differs from the benchmark: a window for a person. */
export interface LaunchOptions {
  headless?: boolean;
  /** false: the caller closes Chromium itself on Ctrl+C (the demo, which then stops the simulator). */
  handleSIGINT?: boolean;
  /** A browser profile kept on disk to open again (seed/seed-profiles.ts); a fresh one by default. */
  userDataDir?: string;
}

export async function launchBrowser(
  port: number,
  { headless = true, handleSIGINT = true, userDataDir = '' }: LaunchOptions = {},
): Promise<Browser> {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json')))
    throw new Error(`No production build at ${EXTENSION_DIR}: run "npm run build" first.`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumExecutable(),
    headless,
    args: extensionArgs(EXTENSION_DIR, port),
    // A person's window sizes the page itself; headless needs a fixed size for stable figures.
    viewport: headless ? { width: 1400, height: 900 } : null,
    handleSIGINT,
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, worker, extensionId: new URL(worker.url()).host, close: () => context.close() };
}

export function extensionUrl(browser: Browser, file: string): string {
  return `chrome-extension://${browser.extensionId}/${file}`;
}

interface PublishedStatus {
  running: unknown;
  completeAt: string | null;
  lastError: { message: string; at: string } | null;
  iocCount: number;
}

export function readStatus(worker: Worker): Promise<PublishedStatus | undefined> {
  return worker.evaluate(async () => {
    const api = (
      globalThis as unknown as {
        chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
      }
    ).chrome;
    return (await api.storage.local.get('syncStatus')).syncStatus as PublishedStatus | undefined;
  });
}

/**
 * Waits until a sync completes after `after` (epoch ms) and returns when it did, by the extension's
 * own clock (`completeAt`), so polling does not add to the figure.
 */
export async function waitForCompleteSync(worker: Worker, after: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const status = await readStatus(worker);
    if (status?.completeAt && Date.parse(status.completeAt) > after) return Date.parse(status.completeAt);
    const failure = status?.lastError;
    if (failure && !status.running && Date.parse(failure.at) > after)
      throw new Error(`Sync failed: ${failure.message}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`No complete sync within ${timeoutMs / 1000} s`);
}

/**
 * Fills the connection screen and saves; returns the page and the time Save was pressed.
 * `beforeSave` runs just before (a reading of the browser's CPU time, say).
 */
export async function connect(
  browser: Browser,
  sim: Simulator,
  beforeSave: () => void = () => undefined,
): Promise<{ page: Page; savedAt: number }> {
  const page = await browser.context.newPage();
  await page.goto(extensionUrl(browser, 'options.html'));
  await page.getByLabel('Console URL', { exact: true }).fill(CONSOLE_URL);
  await page.getByLabel('API token', { exact: true }).fill(sim.defaultToken);
  await page.getByLabel('Account id', { exact: true }).fill(sim.defaultAccountId);
  const save = page.getByRole('button', { name: 'Save' });
  await save.waitFor();
  beforeSave();
  const savedAt = Date.now();
  await save.click();
  return { page, savedAt };
}
