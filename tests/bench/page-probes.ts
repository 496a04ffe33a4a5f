/**
 * Measurements taken inside the extension's pages, with the page's own performance.now(), so that
 * the driver's round trips do not count. "Painted" means: the DOM was updated and the next animation
 * frame has run.
 */
import type { Page } from '@playwright/test';
import { PERF_MARKS } from '../../lib/perf-marks';
import { type Browser, extensionUrl } from './session';

/** Opens the manager tab; returns the page and the ms from navigation start to the first rows painted. */
export async function openManager(browser: Browser): Promise<{ page: Page; firstRowsMs: number }> {
  const page = await browser.context.newPage();
  await page.goto(extensionUrl(browser, 'options.html#iocs'));
  const firstRowsMs = await page.evaluate(async (mark) => {
    for (;;) {
      const [entry] = performance.getEntriesByName(mark);
      if (entry) return entry.startTime;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }, PERF_MARKS.firstRows);
  return { page, firstRowsMs };
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

/**
 * Opens the popup and types `value` the moment its box exists; returns the ms from navigation start
 * to the answer painted, i.e. what the analyst waits from the click on the toolbar button.
 */
export async function popupLookup(browser: Browser, value: string): Promise<number> {
  const page = await browser.context.newPage();
  await page.goto(extensionUrl(browser, 'popup.html'));
  const ms = await page.evaluate(async (wanted) => {
    let box = document.querySelector<HTMLTextAreaElement>('#lookup');
    while (!box) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      box = document.querySelector<HTMLTextAreaElement>('#lookup');
    }
    box.value = wanted;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    while (!document.querySelector('.answers .answer-in-s1'))
      await new Promise((resolve) => setTimeout(resolve, 1));
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now();
  }, value);
  await page.close();
  return ms;
}
