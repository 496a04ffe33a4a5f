/**
 * A fresh browser with the production build whose profiles are connected and synced, each cache filled
 * in an extension page by seed-page.ts (the product's own full sync, fed the simulator's IOCs), and the
 * storage.local items written as the extension writes them: the profile list, each profile's settings
 * and its published sync status.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Worker } from '@playwright/test';
import { PROFILE_COLOURS } from '../../../lib/profiles/profile-list';
import { CONSOLE_URL } from '../../e2e/fixtures';
import { DEFAULT_ACCOUNT_ID } from '../../simulator';
import { generateIocs } from '../../simulator/seed';
import { type Browser, extensionUrl, launchBrowser } from '../session';
import type { SeededItems, SeedRequest } from './seed-page';

/** No console answers here: nothing in these measurements goes to the network (see seed-page.ts). */
const NO_CONSOLE_PORT = 9;
const SEED_PARALLEL = 2;

export const profileIdOf = (index: number) => `p${index + 1}`;
/** Each tenant its own account id, as each holds its own IOCs. */
const accountIdOf = (index: number) => (BigInt(DEFAULT_ACCOUNT_ID) + BigInt(index)).toString();
/** The generator's seed of each profile; SEED_ABSENT's IOCs are in none of them. */
const seedOf = (index: number) => 1000 + index;
const SEED_ABSENT = 999;

/** The same IOCs on both sides: the generator's values depend on the seed and the count alone. */
export function profileValues(index: number, count: number, nowUs: number): string[] {
  return generateIocs({ count, seed: seedOf(index), scopeId: accountIdOf(index), now: nowUs }).map(
    (ioc) => ioc.value,
  );
}

export function absentValues(count: number, nowUs: number): string[] {
  return generateIocs({ count, seed: SEED_ABSENT, scopeId: '1', now: nowUs }).map((ioc) => ioc.value);
}

interface StoredStatus {
  lastError: { kind: string; at: string } | null;
}

const localGet = (worker: Worker, key: string) =>
  worker.evaluate(async (name) => {
    const api = (
      globalThis as unknown as {
        chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
      }
    ).chrome;
    return (await api.storage.local.get(name))[name];
  }, key);

const localSet = (worker: Worker, items: Record<string, unknown>) =>
  worker.evaluate(async (values) => {
    const api = (
      globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
    ).chrome;
    await api.storage.local.set(values);
  }, items);

/**
 * Waits (at most `timeoutMs`) until each status key shows a sync stopped after `after`: the worker
 * starts one when a profile's settings are saved or the browser starts, and with no token it stops
 * at once and publishes "not configured", which the complete status written next replaces.
 */
async function waitForTokenlessSyncs(
  worker: Worker,
  keys: readonly string[],
  after: number,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const pending = new Set(keys);
  while (pending.size > 0 && Date.now() < deadline) {
    for (const key of [...pending]) {
      const status = (await localGet(worker, key)) as StoredStatus | undefined;
      if (status?.lastError && Date.parse(status.lastError.at) >= after - 1000) pending.delete(key);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A browser profile on disk whose extension profiles are seeded; open it with openSeeded(). */
export interface SeededProfile {
  dir: string;
  profiles: number;
  /** Each extension profile's complete status (raw storage.local key → value). */
  statuses: Record<string, unknown>;
  remove(): Promise<void>;
}

/**
 * Seeds `profiles` extension profiles of `count` IOCs each into a new browser profile on disk. Done
 * once per benchmark: each run opens it afresh, as an analyst starts a browser whose caches were
 * synced before (and the one-profile side the same way).
 */
export async function seedBrowserProfile(
  script: string,
  profiles: number,
  count: number,
  nowUs: number,
): Promise<SeededProfile> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `s1-bench-${profiles}p-`));
  const remove = () => rm(dir, { recursive: true, force: true });
  const browser = await launchBrowser(NO_CONSOLE_PORT, { userDataDir: dir });
  try {
    const page = await browser.context.newPage();
    // Any page of the extension's origin opens its databases; this one runs none of its code.
    await page.goto(extensionUrl(browser, 'manifest.json'));
    await page.evaluate(script);
    const requests = Array.from(
      { length: profiles },
      (_, index): SeedRequest => ({
        profileId: profileIdOf(index),
        count,
        seed: seedOf(index),
        consoleUrl: CONSOLE_URL,
        accountId: accountIdOf(index),
        nowUs,
      }),
    );
    // Two at a time: each profile is its own database, and the page holds two profiles' IOCs at most.
    const seeded: SeededItems[] = [];
    for (let at = 0; at < requests.length; at += SEED_PARALLEL) {
      const batch = requests.slice(at, at + SEED_PARALLEL);
      seeded.push(
        ...(await page.evaluate(
          (some) =>
            Promise.all(
              some.map((request) =>
                (
                  globalThis as unknown as { benchSeed: { seedCache(r: SeedRequest): Promise<SeededItems> } }
                ).benchSeed.seedCache(request),
              ),
            ),
          batch,
        )),
      );
    }
    await page.close();
    const settings = Object.assign({}, ...seeded.map((items) => items.settings));
    const statuses: Record<string, unknown> = Object.assign({}, ...seeded.map((items) => items.status));
    const list = {
      profiles: requests.map((request, index) => ({
        id: request.profileId,
        // The first keeps the empty name an install starts with; the others are named as the analyst adds them.
        name: index === 0 ? '' : `Tenant ${index + 1}`,
        colour: PROFILE_COLOURS[index % PROFILE_COLOURS.length],
      })),
      activeId: profileIdOf(0),
    };
    // Settings and list first: only the first profile's settings are watched yet; its sync is waited
    // for, so that the complete statuses written after it stay.
    const savedAt = Date.now();
    await localSet(browser.worker, { ...settings, profiles: list });
    await waitForTokenlessSyncs(browser.worker, ['syncStatus'], savedAt, 10_000);
    await localSet(browser.worker, statuses);
    await browser.close();
    return { dir, profiles, statuses, remove };
  } catch (error) {
    await browser.close();
    await remove();
    throw error;
  }
}

/** Starts a browser on a seeded profile; resolves once the syncs of its start have stopped. */
export async function openSeeded(seeded: SeededProfile): Promise<Browser> {
  const launchedAt = Date.now();
  const browser = await launchBrowser(NO_CONSOLE_PORT, { userDataDir: seeded.dir });
  try {
    await waitForTokenlessSyncs(browser.worker, Object.keys(seeded.statuses), launchedAt, 5_000);
    await localSet(browser.worker, seeded.statuses);
    return browser;
  } catch (error) {
    await browser.close();
    throw error;
  }
}
