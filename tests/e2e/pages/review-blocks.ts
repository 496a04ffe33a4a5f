/**
 * The review's actions as the analyst reads them: each row's Detect, Block execution and
 * Block network boxes and its Result lines, the sheet the menu opens, and what the simulator then
 * holds and was sent, for the blocks specs (tests/e2e/blocks-*.spec.ts).
 */
import { type BrowserContext, expect, type Locator, type Page } from '@playwright/test';
import type { LoggedRequest, Simulator } from '../../simulator';
import { CONSOLE_URL } from '../fixtures';
import { readSyncStatus } from './extension-cache';
import { fillConnection, openOptionsPage } from './options-page';
import { cellOf, tableRows } from './tables';

/** Hashes no fixture or seed holds; SHA256 upper-case, as a report prints it. */
export const HASHES = {
  sha256: '5D41402ABC4B2A76B9719D911017C592AE2B1F3C9E8D7A6B5C4D3E2F1A0B9C8D',
  sha256b: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  sha1: '2fd4e1c67a2d28fced849ee1bb76e7391b93eb12',
  md5: '7215ee9c7d9dc229d2921a40e899ec5f',
} as const;

export const OS_NAMES = ['Windows', 'macOS', 'Linux'] as const;

/** Puts a paragraph with `text` on the page (a report that names the value), for selectText. */
export async function addParagraph(page: Page, id: string, text: string): Promise<string> {
  await page.evaluate(
    ({ id, text }) => {
      const p = document.createElement('p');
      p.id = id;
      p.textContent = text;
      document.body.append(p);
    },
    { id, text },
  );
  return `#${id}`;
}

/** The review row that shows `value` (its Detect box names it). */
export function reviewRow(page: Page, value: string): Locator {
  return tableRows(page, 'Review').filter({ has: page.getByLabel(`Detect ${value}`, { exact: true }) });
}

const reviewCell = (page: Page, value: string, column: string): Promise<Locator> =>
  cellOf(reviewRow(page, value), page.getByRole('table', { name: 'Review' }), column);

/** The row's Result column, one string per line ("Detect: Stored", "Block execution: …"). */
export async function resultLines(page: Page, value: string): Promise<string[]> {
  return (await reviewCell(page, value, 'Result')).locator('div').allInnerTexts();
}

/** The row's boxes that are ticked, by their accessible names. */
export async function tickedActions(page: Page, value: string): Promise<string[]> {
  return (await reviewCell(page, value, 'Actions'))
    .getByRole('checkbox')
    .evaluateAll((boxes) =>
      boxes.filter((b) => (b as HTMLInputElement).checked).map((b) => b.getAttribute('aria-label') ?? ''),
    );
}

/** Detect plus Block execution on every OS: what a SHA1 or SHA256 row ticks by default. */
export const hashDefaults = (value: string): string[] => [
  `Detect ${value}`,
  ...OS_NAMES.map((os) => `Block execution of ${value} on ${os}`),
];

export const submitStatus = (page: Page): Locator => page.getByRole('status', { name: 'Submit status' });

/**
 * Presses "Submit N" (whatever N is) and waits for this press's summary: the status line shows
 * "Sending…" first, which a watcher set up before the click records, so an earlier press's summary
 * is never taken for this one's.
 */
export async function submit(page: Page): Promise<void> {
  const status = submitStatus(page);
  await status.evaluate((element) => {
    const scope = window as unknown as { sendingSeen?: boolean };
    scope.sendingSeen = false;
    const watcher = new MutationObserver(() => {
      if (element.textContent?.startsWith('Sending')) {
        scope.sendingSeen = true;
        watcher.disconnect();
      }
    });
    watcher.observe(element, { childList: true, characterData: true, subtree: true });
  });
  await page.getByRole('button', { name: /^Submit \d+$/ }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { sendingSeen?: boolean }).sendingSeen))
    .toBe(true);
  await expect(status).not.toHaveText(/^(Sending|$)/, { timeout: 20_000 });
}

const API = '/web/api/v2.1/';

/** The requests of one method whose path is the API path `endpoint` (e.g. 'restrictions'), in order. */
export function requestsTo(sim: Simulator, method: string, endpoint: string): LoggedRequest[] {
  return sim.requests().filter((r) => r.method === method && r.path === `${API}${endpoint}`);
}

/** The `data` of a logged write request. */
export const dataOf = (request: LoggedRequest): Record<string, unknown> =>
  ((request.body as { data?: Record<string, unknown> } | null)?.data ?? {}) as Record<string, unknown>;

/** POST restrictions bodies as [osType, the hash sent] pairs, sorted. */
export function blocklistPosts(sim: Simulator): Array<[string, string]> {
  return requestsTo(sim, 'POST', 'restrictions')
    .map((r) => {
      const data = dataOf(r);
      return [String(data.osType), String(data.sha256Value ?? data.value ?? '')] as [string, string];
    })
    .sort();
}

/** The simulator's Blocklist as [osType, value, sha256Value] for one hash (any case), sorted by OS. */
export function heldBlocklist(sim: Simulator, hash: string): Array<[string, string | null, string | null]> {
  const key = hash.toLowerCase();
  return sim
    .blocklist()
    .filter((item) => item.value?.toLowerCase() === key || item.sha256Value?.toLowerCase() === key)
    .map(
      (item) =>
        [item.osType, item.value ?? null, item.sha256Value ?? null] as [string, string | null, string | null],
    )
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/** Opens the manager's New IOCs view and pastes `text`; waits until `rows` review rows show. */
export async function pasteForReview(page: Page, text: string, rows: number): Promise<void> {
  await page.getByRole('link', { name: 'New IOCs' }).click();
  await page.getByLabel(/^Values or text/).fill(text);
  await expect(tableRows(page, 'Review')).toHaveCount(rows);
}

/** Presses "Grab the IOC ✊" and waits until a new sync has completed. */
export async function syncNow(page: Page): Promise<void> {
  const before = (await readSyncStatus(page))?.completeAt ?? null;
  await page.getByRole('button', { name: 'Grab the IOC ✊' }).click();
  await expect
    .poll(
      async () => {
        const status = await readSyncStatus(page);
        return status?.running === null && status.completeAt !== before;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  await expect(page.getByRole('status', { name: 'Sync status' })).toHaveText(/^Complete as of /);
}

/** Connects with `apiToken` (one of SIM_TOKENS) to the default account and waits for the first sync. */
export async function connectWithToken(
  context: BrowserContext,
  extensionId: string,
  sim: Simulator,
  apiToken: string,
): Promise<Page> {
  const page = await openOptionsPage(context, extensionId);
  await fillConnection(page, { consoleUrl: CONSOLE_URL, apiToken, accountId: sim.defaultAccountId });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status', { name: 'Sync status' })).toHaveText(/^Complete as of /, {
    timeout: 30_000,
  });
  return page;
}

/** The toolbar popup, opened as its own page (what the toolbar button shows), as popup.spec.ts does. */
export async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 440, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  return popup;
}

/** The popup's answer for `value`: the item that shows the value as a line of its own. */
export function answerFor(popup: Page, value: string): Locator {
  return popup
    .getByRole('list', { name: 'Answers' })
    .getByRole('listitem')
    .filter({ has: popup.getByText(value, { exact: true }) });
}

/** The answer's block-state line ("Detected · Blocked on Windows, macOS"). */
export const blockStateOf = (popup: Page, value: string): Locator =>
  answerFor(popup, value).getByRole('status', { name: `Block state of ${value}`, exact: true });
