/**
 * Measurements taken inside the extension's pages, with the page's own performance.now(), so that
 * the driver's round trips do not count. "Painted" means: the DOM was updated and the next animation
 * frame has run.
 */
import type { Page } from '@playwright/test';
import { valueKey } from '../../lib/store/ioc-chunks';
import { PERF_MARKS } from '../../lib/ui/perf-marks';
import { type Browser, extensionUrl } from './session';

/** ms from navigation start to the performance mark `name`, waiting for it to be set. */
function markTime(page: Page, name: string): Promise<number> {
  return page.evaluate(async (mark) => {
    for (;;) {
      const [entry] = performance.getEntriesByName(mark);
      if (entry) return entry.startTime;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }, name);
}

/**
 * Opens the manager tab; returns the page, the ms from navigation start to the first rows painted,
 * and to every cached IOC loaded (the page is then ready for filter and sort measurements).
 */
export async function openManager(
  browser: Browser,
): Promise<{ page: Page; firstRowsMs: number; allRowsMs: number }> {
  const page = await browser.context.newPage();
  await page.goto(extensionUrl(browser, 'options.html#iocs'));
  const firstRowsMs = await markTime(page, PERF_MARKS.firstRows);
  const allRowsMs = await markTime(page, PERF_MARKS.allRows);
  // The full list renders in the task after the mark: let it paint before measuring anything else.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  return { page, firstRowsMs, allRowsMs };
}

/**
 * Opens the manager at `address` (a page of the extension, with its query and hash) and returns the
 * ms from navigation start to the first rows painted; the tab is closed without waiting for the rest.
 */
export async function managerFirstRows(browser: Browser, address: string): Promise<number> {
  const page = await browser.context.newPage();
  await page.goto(extensionUrl(browser, address));
  const firstRowsMs = await markTime(page, PERF_MARKS.firstRows);
  await page.close();
  return firstRowsMs;
}

/** JS heap in use after a full garbage collection, in MB (Chromium DevTools protocol). */
export async function heapUsedMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

export type FilterKeystroke = readonly [field: 'value' | 'name' | 'creator' | 'description', text: string];

/** Types each text into its filter field; ms from the input event to the updated table painted. */
export function filterKeystrokes(page: Page, keystrokes: readonly FilterKeystroke[]): Promise<number[]> {
  return page.evaluate(async (strokes) => {
    // No named helper functions in here: tsx would wrap them in a __name() the page does not have.
    const times: number[] = [];
    for (const [field, text] of strokes) {
      const input = document.querySelector<HTMLInputElement>(`form.filters input[name="${field}"]`);
      if (!input) throw new Error(`No ${field} filter`);
      const started = performance.now();
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      times.push(performance.now() - started);
    }
    return times;
  }, keystrokes);
}

/** Clicks a column's sort button; ms from the click to the sorted table painted. */
export function sortBy(page: Page, column: string): Promise<number> {
  return page.evaluate(async (label) => {
    const button = [...document.querySelectorAll<HTMLButtonElement>('th button')].find((b) =>
      b.textContent?.trim().startsWith(label),
    );
    if (!button) throw new Error(`No ${label} column`);
    const started = performance.now();
    button.click();
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - started;
  }, column);
}

/** From the popup's first answer to the first value pasted. */
const PASTE_AFTER_MS = 1000;

/** What the popup's opening measured, in ms from navigation start. */
export interface PopupTimes {
  /** The answer painted: what the analyst waits from the click on the toolbar button. */
  answerMs: number;
  /**
   * The document parsed (domInteractive), which includes fetching and running its first, small
   * classic script: the platform's floor, before which no code of the popup can run.
   */
  parsedMs: number;
  /** Per value pasted after the first answer: ms from the paste to its answer painted. */
  pasteMs: number[];
}

/**
 * Opens the popup and types `value` the moment its box exists, and times the answer. The typing is
 * installed before the page loads (an init script), so the driver's own round trips after the load
 * event do not count. Then pastes each of `pastes` in turn over the box's text (see pasteLookups).
 */
export async function popupLookup(
  browser: Browser,
  value: string,
  pastes: readonly string[] = [],
): Promise<PopupTimes> {
  const page = await browser.context.newPage();
  // A string, not a function: tsx would wrap named functions in a __name() the page does not have.
  await page.addInitScript({
    content: `(() => {
      const wanted = ${JSON.stringify(value)};
      const poll = () => {
        const box = document.querySelector('#lookup');
        if (!box) return void setTimeout(poll, 1);
        box.value = wanted;
        box.dispatchEvent(new Event('input', { bubbles: true }));
        const wait = () => {
          if (!document.querySelector('.answers .answer-in-s1')) return void setTimeout(wait, 1);
          requestAnimationFrame(() => setTimeout(() => (globalThis.answeredAt = performance.now()), 0));
        };
        wait();
      };
      poll();
    })();`,
  });
  await page.goto(extensionUrl(browser, 'popup.html'));
  const times = await page.evaluate(async () => {
    const scope = globalThis as unknown as { answeredAt?: number };
    while (scope.answeredAt === undefined) await new Promise((resolve) => setTimeout(resolve, 5));
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return { answerMs: scope.answeredAt, parsedMs: navigation?.domInteractive ?? Number.NaN };
  });
  let pasteMs: number[] = [];
  if (pastes.length > 0) {
    // An analyst pastes a moment after the popup opens, not in the millisecond it answered: by then
    // the popup has loaded what it defers to idle time (the full look-up's code).
    await page.waitForTimeout(PASTE_AFTER_MS);
    pasteMs = await pasteLookups(page, pastes);
  }
  await page.close();
  return { ...times, pasteMs };
}

/**
 * In an open popup, pastes each value over the box's text; ms from the paste's input event to the
 * value's answer painted: its entry in the answers, in a final state (in SentinelOne, or not), which
 * the look-up shows only once every cache it reads has answered.
 */
export function pasteLookups(page: Page, values: readonly string[]): Promise<number[]> {
  // Each value as its answer shows it: validated, so an IPv6 address in its one written form.
  const pastes = values.map((value) => ({ value, shown: valueKey(value) }));
  return page.evaluate(async (pasted) => {
    // No named helper functions in here: tsx would wrap them in a __name() the page does not have.
    const box = document.querySelector<HTMLTextAreaElement>('#lookup');
    if (!box) throw new Error('No look-up box');
    const times: number[] = [];
    for (const { value, shown } of pasted) {
      const started = performance.now();
      box.value = value;
      box.dispatchEvent(
        new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: value }),
      );
      for (;;) {
        // As the value key folds it: the answer shows a value as validated, which may differ in case
        // or, for IPv6, in written form.
        const answered = [...document.querySelectorAll('.answers li.answer')].some(
          (entry) =>
            (entry.classList.contains('answer-in-s1') || entry.classList.contains('answer-absent')) &&
            entry.querySelector('.answer-value')?.textContent?.toLowerCase() === shown,
        );
        if (answered) break;
        // A run that waits for ever measures nothing: an answer that never comes fails the bench loudly.
        if (performance.now() - started > 10_000)
          throw new Error(`No answer painted within 10 s for the pasted value ${value}`);
        await new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            observer.disconnect();
            clearTimeout(timer);
            resolve(undefined);
          });
          const timer = setTimeout(() => {
            observer.disconnect();
            resolve(undefined);
          }, 1_000);
          observer.observe(document.body, {
            subtree: true,
            childList: true,
            characterData: true,
            attributes: true,
          });
        });
      }
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      times.push(performance.now() - started);
    }
    return times;
  }, pastes);
}

/**
 * The platform's floor of a look-up across profiles: in a fresh page of the extension that runs none
 * of its code, the databases `names` opened side by side and one value read in each as the popup's
 * look-up reads it (the meta record, a bucket of the value look-up, a chunk); ms from the first open
 * to the last answer.
 */
export async function databasesFloorMs(browser: Browser, names: readonly string[]): Promise<number> {
  const page = await browser.context.newPage();
  await page.goto(extensionUrl(browser, 'manifest.json'));
  // A string, not a function: tsx would wrap named functions in a __name() the page does not have.
  const ms = (await page.evaluate(`(async () => {
    const names = ${JSON.stringify(names)};
    const answer = (request) => new Promise((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const started = performance.now();
    await Promise.all(names.map(async (name) => {
      const db = await answer(indexedDB.open(name));
      const tx = db.transaction(['chunks', 'buckets', 'meta']);
      const meta = await answer(tx.objectStore('meta').get('cache'));
      const generation = meta ? meta.generation : 1;
      await answer(tx.objectStore('buckets').get([generation, 7919 % 256]));
      await answer(tx.objectStore('chunks').getAll(IDBKeyRange.bound([generation], [generation, []]), 1));
    }));
    return performance.now() - started;
  })()`)) as number;
  await page.close();
  return ms;
}
