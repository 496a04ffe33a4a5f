/**
 * A threat report open in a tab, and the context-menu click on it. The page is served by Playwright
 * on a *.sentinelone.net host, which the extension may script, standing in for the activeTab grant
 * Chrome gives when the analyst really chooses the menu item (a native menu cannot be driven from a
 * test). The click goes to the extension's own onClicked listener through Chrome's event dispatch.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';

export const REPORT_URL = 'https://threat-report.sentinelone.net/ghost.html';

export const REPORT_HTML = `<!doctype html><html><head><title>Ghost report</title></head><body>
<h1>Campaign Ghost</h1>
<p id="single">Staging host: <span id="single-value">evil-cdn[.]badcorp[.]top</span></p>
<pre id="report">Indicators
hxxps://login-verify[.]badcorp[.]top/owa/auth.php
45[.]77[.]12[.]9
0A1B2C3D4E5F60718293A4B5C6D7E8F9</pre>
<p id="prose">Nothing to see here, just words.</p>
<p><a id="link" href="https://payload.badcorp.top/drop/invoice.exe">the dropper</a></p>
</body></html>`;

export async function openReportPage(context: BrowserContext): Promise<Page> {
  await context.route(REPORT_URL, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: REPORT_HTML }),
  );
  const page = await context.newPage();
  await page.goto(REPORT_URL);
  return page;
}

/** Selects the element's text as a mouse would; returns what Chrome would put in selectionText. */
export function selectText(page: Page, selector: string): Promise<string> {
  return page.evaluate((css) => {
    const element = document.querySelector(css);
    if (!element) throw new Error(`No ${css} on the page`);
    const range = document.createRange();
    range.selectNodeContents(element);
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    // Chrome's selectionText: the selection with runs of white space joined into single spaces.
    return (selection?.toString() ?? '').replace(/\s+/g, ' ').trim();
  }, selector);
}

export type MenuItem = 'add-to-s1' | 'lookup-in-s1';

/** The few extension APIs the test reaches in the service worker (no @types/chrome here). */
interface WorkerChrome {
  tabs: { query(q: { url: string }): Promise<Array<{ id?: number }>> };
  contextMenus: { onClicked: { dispatch(...args: unknown[]): void } };
  notifications: { create: (...args: unknown[]) => unknown };
}

/** The review sheet the next menu click opens, in its own window. */
export function nextSheet(context: BrowserContext, timeout?: number): Promise<Page> {
  return context.waitForEvent('page', { predicate: (page) => page.url().includes('/sheet.html'), timeout });
}

/** Selects `selector`'s text on the report, chooses "Add to SentinelOne…" and returns the sheet it opens. */
export async function addSelectionToS1(worker: Worker, report: Page, selector: string): Promise<Page> {
  const selectionText = await selectText(report, selector);
  const sheetOpened = nextSheet(report.context());
  await chooseMenuItem(worker, 'add-to-s1', { selectionText });
  return sheetOpened;
}

/** Chooses a context-menu item on the report tab, as Chrome reports the click to the extension. */
export async function chooseMenuItem(
  worker: Worker,
  menuItemId: MenuItem,
  target: { selectionText?: string; linkUrl?: string },
): Promise<void> {
  await worker.evaluate(
    async ({ menuItemId, target, pageUrl }) => {
      const api = (globalThis as unknown as { chrome: WorkerChrome }).chrome;
      const [tab] = await api.tabs.query({ url: pageUrl });
      if (!tab) throw new Error(`No tab at ${pageUrl}`);
      const info = { menuItemId, editable: false, frameId: 0, pageUrl, ...target };
      api.contextMenus.onClicked.dispatch(info, tab);
    },
    { menuItemId, target, pageUrl: REPORT_URL },
  );
}

/**
 * Records the notifications the extension shows from now on (they still go to the system): the
 * notification centre is outside the extension, so the test reads what was asked of it.
 */
export async function recordNotifications(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const scope = globalThis as unknown as {
      chrome: WorkerChrome;
      shownNotifications?: Array<{ title: string; message: string }>;
    };
    if (scope.shownNotifications) return;
    scope.shownNotifications = [];
    const api = scope.chrome.notifications;
    const original = api.create.bind(api);
    api.create = (...args: unknown[]) => {
      const options = (typeof args[0] === 'string' ? args[1] : args[0]) as { title: string; message: string };
      scope.shownNotifications?.push({ title: options.title, message: options.message });
      return original(...args);
    };
  });
}

export function shownNotifications(worker: Worker): Promise<Array<{ title: string; message: string }>> {
  return worker.evaluate(
    () =>
      (globalThis as unknown as { shownNotifications?: Array<{ title: string; message: string }> })
        .shownNotifications ?? [],
  );
}
