/**
 * The platform's floors the sync's targets are set against, measured in each run in an extension page
 * of the production build that runs none of the extension's code (its manifest.json): what fetching
 * the same pages from the same simulator and storing them takes, with nothing of ours in between.
 *
 * - ingest floor: the requests of a full sync (lib/sync/full-sync.ts through lib/s1/client.ts: the
 *   newest IOC first, then one cursor per query of the sync's plan (slice-plan.ts, read off the same
 *   sample), all at once, `limit` the sync's page size, the
 *   same headers and scope), each page's text written as one record into a scratch database without
 *   indexes while the cursor's next page is fetched, as the sync overlaps them;
 * - one-page floor: the 100 most recently changed IOCs fetched as one page and written the same way,
 *   against which an incremental sync of 100 changes is set.
 *
 * The cursor is read from the end of the text, where the console puts `pagination`, without parsing
 * the page: parsing and shaping records is the extension's work, not the platform's.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { planSlices, SAMPLE_SIZE } from '../../lib/sync/slice-plan';
import { CONSOLE_URL } from '../e2e/fixtures';
import { browserCpuSeconds } from './process-cpu';
import { type Browser, type Console, extensionUrl } from './session';

/** The sync's page size and parallel requests as the extension ships them (config/defaults.yml). */
export function shippedSyncSettings(): { pageSize: number; maxParallelRequests: number } {
  const defaults = parse(readFileSync(path.resolve('config/defaults.yml'), 'utf8')) as {
    sync: { pageSize: number; maxParallelRequests: number };
  };
  return defaults.sync;
}

export interface FloorTimes {
  ms: number;
  /** CPU seconds of every browser process (process-cpu.ts) while it ran. */
  cpuSeconds: number;
  pages: number;
}

interface FloorRequest {
  base: string;
  token: string;
  accountId: string;
  /** First the one request, then the cursors' queries, `concurrency` at a time. */
  first: Record<string, string> | null;
  cursors: Array<Record<string, string>>;
  concurrency: number;
  database: string;
}

// A string, not a function: tsx would wrap named functions in a __name() the page does not have.
// The token is only ever in a header: an error says the status, not the address.
const FLOOR_SCRIPT = `async (request) => {
  const answer = (r) => new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const done = (tx) => new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve(undefined);
    tx.onerror = tx.onabort = () => reject(tx.error);
  });
  await answer(indexedDB.deleteDatabase(request.database));
  const opening = indexedDB.open(request.database, 1);
  opening.onupgradeneeded = () => opening.result.createObjectStore('pages', { autoIncrement: true });
  const db = await answer(opening);
  const headers = { Authorization: 'ApiToken ' + request.token, Accept: 'application/json' };
  const scope = { accountIds: request.accountId };
  let pages = 0;
  const get = async (query, cursor) => {
    const params = new URLSearchParams({ ...query, ...scope, ...(cursor ? { cursor } : {}) });
    const response = await fetch(request.base + '?' + params, { headers });
    const text = await response.text();
    if (!response.ok) throw new Error('HTTP ' + response.status);
    pages++;
    const at = text.lastIndexOf('"nextCursor"');
    const found = at === -1 ? null : /^"nextCursor"\\s*:\\s*"([^"]*)"/.exec(text.slice(at, at + 1000));
    return { text, next: found ? found[1] : null };
  };
  const write = (text) => {
    const tx = db.transaction('pages', 'readwrite', { durability: 'relaxed' });
    tx.objectStore('pages').put(text);
    return done(tx);
  };
  const started = performance.now();
  if (request.first) await write((await get(request.first)).text);
  const queue = [...request.cursors];
  await Promise.all(Array.from({ length: request.concurrency }, async () => {
    for (let query = queue.shift(); query; query = queue.shift()) {
      let writing = Promise.resolve();
      let cursor;
      do {
        const page = await get(query, cursor);
        await writing;
        writing = write(page.text);
        cursor = page.next;
      } while (cursor);
      await writing;
    }
  }));
  const ms = performance.now() - started;
  db.close();
  return { ms, pages };
}`;

async function runFloor(browser: Browser, request: FloorRequest): Promise<FloorTimes> {
  const page = await browser.context.newPage();
  try {
    await page.goto(extensionUrl(browser, 'manifest.json'));
    await page.evaluate(`globalThis.benchFloor = ${FLOOR_SCRIPT};`);
    const cpuBefore = browserCpuSeconds();
    const { ms, pages } = await page.evaluate(
      (given) =>
        (
          globalThis as unknown as { benchFloor(r: FloorRequest): Promise<{ ms: number; pages: number }> }
        ).benchFloor(given),
      request,
    );
    const cpuSeconds = browserCpuSeconds() - cpuBefore;
    // Outside the CPU reading: dropping the scratch pages is not part of storing them.
    await page.evaluate(
      (name) =>
        new Promise((resolve, reject) => {
          const dropping = indexedDB.deleteDatabase(name);
          dropping.onsuccess = () => resolve(undefined);
          dropping.onerror = () => reject(dropping.error);
        }),
      request.database,
    );
    return { ms, cpuSeconds, pages };
  } finally {
    await page.close();
  }
}

const IOCS_PATH = '/web/api/v2.1/threat-intelligence/iocs';

function base(console: Console) {
  return {
    base: `${CONSOLE_URL}${IOCS_PATH}`,
    token: console.sim.defaultToken,
    accountId: console.sim.defaultAccountId,
    database: 'bench-floor-scratch',
  };
}

/** The ingest floor of a full sync of the console's IOCs (see the header). */
export function ingestFloor(browser: Browser, console: Console): Promise<FloorTimes> {
  const { pageSize, maxParallelRequests } = shippedSyncSettings();
  const held = console.sim.iocs(console.sim.defaultAccountId);
  return runFloor(browser, {
    ...base(console),
    first: { limit: '1', sortBy: 'updatedAt', sortOrder: 'desc' },
    // The queries the sync makes: the same plan read off the same sample (the first IOCs by uuid).
    cursors: planSlices({
      sample: held.sort((a, b) => (a.uuid < b.uuid ? -1 : 1)).slice(0, SAMPLE_SIZE),
      total: held.length,
      pageSize,
      concurrency: maxParallelRequests,
    }).map((query) => ({ limit: String(pageSize), ...query })),
    concurrency: maxParallelRequests,
  });
}

/** One page of the `count` most recently changed IOCs, fetched and written (see the header). */
export function onePageFloor(browser: Browser, console: Console, count: number): Promise<FloorTimes> {
  return runFloor(browser, {
    ...base(console),
    first: { limit: String(count), sortBy: 'updatedAt', sortOrder: 'desc' },
    cursors: [],
    concurrency: 1,
  });
}
