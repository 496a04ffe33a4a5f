/**
 * IOCs holding markup, `javascript:` URLs, bidi overrides, invisible and control
 * characters and 100 KB strings are shown as inert text in the manager's table and detail, the
 * popup, the review sheet and notifications; no script runs and the layout holds. The first test
 * proves the traps: the same payloads, made into markup on purpose, are caught. One file past 250
 * lines, because the five views share the traps, the figures and the afterAll that prints them.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  HUGE_FIELDS_VALUE,
  HUGE_RUN,
  hostileIocs,
  LOOKUP_VALUE,
  MARKUP_URL,
  PAYLOAD_NAMES,
  PAYLOADS,
  RTL_FIELDS_VALUE,
} from './pages/hostile-iocs';
import {
  armTraps,
  BIDI_OR_INVISIBLE,
  box,
  layoutOf,
  markupFromData,
  readsLeftToRight,
  readTraps,
  rowGeometry,
  type ScriptTraps,
} from './pages/inert-checks';
import { connectAndSync } from './pages/options-page';
import { chooseMenuItem, openReportPage, recordNotifications, shownNotifications } from './pages/report-page';
import { bodyRows, cellOf, cellsOf, rowsWhere, scrollerOf } from './pages/tables';

test.use({ simOptions: { iocs: 5, now: new Date().toISOString() } });

const ROW_HEIGHT = 32;
const figures = { views: [] as string[], scriptsRun: 0, markup: 0, hostileIocs: 0 };
let traps: ScriptTraps;

test.beforeEach(async ({ context, sim }) => {
  traps = await armTraps(context);
  const iocs = hostileIocs(sim.defaultAccountId, sim.clock.iso());
  sim.putIocs(sim.defaultAccountId, iocs);
  figures.hostileIocs = iocs.length;
});

test.afterEach(async () => {
  const ran = await readTraps(traps);
  figures.scriptsRun += ran.length;
  expect(ran, 'signs of a script that ran').toEqual([]);
});

test.afterAll(() => {
  // biome-ignore lint/suspicious/noConsole: a reliability test prints its figures for the run's log.
  console.log(
    `hostile data: ${PAYLOAD_NAMES.length} payloads in ${figures.hostileIocs} IOCs (every text field); ` +
      `views checked: ${figures.views.length} (${figures.views.join(', ')}); scripts run: ${figures.scriptsRun}; ` +
      `elements or javascript: links made from data: ${figures.markup}`,
  );
});

/** No markup made from data on the page; the view is counted and photographed. */
async function expectInert(page: Page, view: string): Promise<void> {
  const markup = await markupFromData(page);
  figures.markup += markup.length;
  expect(markup, `markup made from data in the ${view}`).toEqual([]);
  figures.views.push(view);
  await page.screenshot({ path: test.info().outputPath(`${view}.png`) });
}

/** Texts shown that still hold a raw bidi control or invisible character. */
const rawInvisibles = (texts: string[]) => texts.filter((text) => BIDI_OR_INVISIBLE.test(text));

test('the traps catch the payloads when they do become markup', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const planted = `${PAYLOADS.img}<a href="${PAYLOADS.jsUrl}">x</a><p id="rtl">${PAYLOADS.rtl}</p>`;
  await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), planted);
  expect(await markupFromData(page)).toEqual(['<img> in the page', 'IMG[onerror]', 'A[href=javascript:]']);
  expect(await readsLeftToRight(page.locator('#rtl'))).toEqual([false]);
  // The layout probes see a row laid out right to left, a tall cell and a page-widening element.
  const row = `<div id="row" style="display:flex;flex-direction:row-reverse"><i>a</i><i style="height:50px">b</i></div>`;
  await page.evaluate(
    (html) => document.body.insertAdjacentHTML('beforeend', html),
    `${row}<pre>${'W'.repeat(5000)}</pre>`,
  );
  expect(await rowGeometry(page.locator('#row'))).toMatchObject({ tallestCell: 50, cellsOutOfOrder: 1 });
  expect((await layoutOf(page.locator('#row'))).overflow).toBeGreaterThan(0);
  // The extension's CSP refuses the inline handler, and the refusal is recorded (Chrome reports it twice).
  await expect.poll(async () => (await readTraps(traps)).length).toBeGreaterThan(0);
  const refused = (await readTraps(traps)).length;
  // On a page without that CSP the same payload runs, and its mark is seen.
  const web = await openReportPage(context);
  await web.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), PAYLOADS.img);
  await expect.poll(() => web.evaluate(() => (window as { __pwned?: string }).__pwned)).toBe('img');
  expect(await readTraps(traps)).toHaveLength(refused + 1);
  // What was planted here is no finding: afterEach checks the pages of the other tests only.
  await Promise.all([page.close(), web.close()]);
  traps.pageErrors.length = 0;
});

test('the manager table and the detail show hostile IOCs as inert text, and their layout holds', async ({
  context,
  extensionId,
  sim,
}) => {
  const page = await connectAndSync(context, extensionId, sim);
  await page.setViewportSize({ width: 1280, height: 800 });
  const total = sim.iocs(sim.defaultAccountId).length;
  await expect(page.getByRole('status', { name: 'Shown IOCs' })).toHaveText(`${total} of ${total} IOCs`);
  const table = page.getByRole('grid', { name: 'IOCs' });
  const rows = bodyRows(table);
  await expect(rows).toHaveCount(total); // all in view: nothing hides behind the virtualizer
  const rowOf = async (value: string) => (await rowsWhere(table, 'Value', value)).first();
  const cell = async (row: Locator, column: string) => cellOf(row, table, column);

  // The markup is there, as text.
  const markupRow = await rowOf(LOOKUP_VALUE);
  await expect(await cell(markupRow, 'Name')).toHaveText(PAYLOADS.img);
  await expect(await cell(markupRow, 'Description')).toHaveText(PAYLOADS.script);
  await expect(await cell(markupRow, 'Creator')).toHaveText(`${PAYLOADS.svg}@acme.example`);
  await expect(await cell(markupRow, 'Source')).toHaveText(PAYLOADS.jsUrl);
  await expect(await cell(await rowOf('xss.badcorp.top'), 'Value')).toHaveText(MARKUP_URL);

  // Every row keeps its 32 px slot and its cells stay in column order; nothing widens the page.
  const { tops, tallestCell, cellsOutOfOrder } = await rowGeometry(rows);
  expect(tops.map((top, i) => top - (tops[0] ?? 0) - i * ROW_HEIGHT)).toEqual(tops.map(() => 0));
  expect(tallestCell).toBeLessThanOrEqual(ROW_HEIGHT);
  expect(cellsOutOfOrder).toBe(0);
  const grid = await box(scrollerOf(table));
  expect(grid.scrollWidth).toBeLessThanOrEqual(grid.clientWidth);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);

  // Bidi overrides reorder nothing: no raw control reaches a cell, and every short cell reads LTR.
  expect(rawInvisibles(await cellsOf(rows).allTextContents())).toEqual([]);
  const rtlRows = rows.filter({ has: page.getByRole('gridcell').filter({ hasText: /^invoice/ }) });
  await expect(rtlRows).toHaveCount(2);
  const order = await readsLeftToRight(cellsOf(rtlRows));
  expect(order).toEqual(order.map(() => true));
  await expectInert(page, 'manager-table');

  for (const [view, value] of [
    ['detail-markup', LOOKUP_VALUE],
    ['detail-rtl', RTL_FIELDS_VALUE],
    ['detail-100kb-fields', HUGE_FIELDS_VALUE],
    ['detail-100kb-value', 'big.badcorp.top'],
  ] as const) {
    await (await rowOf(value)).dblclick();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    const json = dialog.locator('pre');
    await expect(json).toContainText(JSON.stringify(PAYLOADS.img).slice(1, -1)); // metadata, as JSON text
    // The JSON stays JSON but spells invisible characters out, as \u escapes.
    const shown = [
      (await dialog.getByRole('heading', { level: 2 }).textContent()) ?? '',
      (await json.textContent()) ?? '',
    ];
    expect(rawInvisibles(shown)).toEqual([]);
    // The dialog stays inside the viewport and never scrolls sideways; the JSON scrolls within it.
    const frame = await box(dialog);
    expect(frame.top).toBeGreaterThanOrEqual(0);
    expect(frame.bottom).toBeLessThanOrEqual(frame.viewportHeight);
    expect(frame.scrollWidth).toBeLessThanOrEqual(frame.clientWidth);
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeInViewport();
    if (view.startsWith('detail-100kb')) {
      const pre = await box(json);
      expect(pre.scrollHeight).toBeGreaterThan(pre.clientHeight);
      await expect(json).toContainText(HUGE_RUN.slice(-50));
    }
    await expectInert(page, view);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
  }
});

/** Asserts each element is at most `maxHeight` px tall and nothing widens the page past its body. */
async function expectCompact(elements: Locator, maxHeight: number, what: string): Promise<void> {
  const { heights, overflow } = await layoutOf(elements);
  expect(heights.length).toBeGreaterThan(0);
  expect(
    heights.filter((h) => h > maxHeight),
    `${what} taller than ${maxHeight} px`,
  ).toEqual([]);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('the popup answers about hostile IOCs with inert text in a readable size', async ({
  context,
  extensionId,
  sim,
}) => {
  await connectAndSync(context, extensionId, sim);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 440, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup
    .getByLabel(/^Look up values/)
    .fill([LOOKUP_VALUE, MARKUP_URL, RTL_FIELDS_VALUE, HUGE_FIELDS_VALUE].join('\n'));
  const answers = popup.getByRole('list', { name: 'Answers' }).getByRole('listitem');
  await expect(answers).toHaveCount(4);
  await expect(answers.nth(0)).toContainText(
    `DNS · ${PAYLOADS.img} · expires in 29 days · by ${PAYLOADS.svg}`,
  );
  await expect(answers.nth(1)).toContainText(MARKUP_URL);
  await expect(answers.nth(1)).toContainText(`by ${PAYLOADS.jsUrl}`);
  expect(rawInvisibles(await answers.allTextContents())).toEqual([]);
  // The IOC's own line (the block-state line above it, a named status, is the extension's words).
  const order = await readsLeftToRight(answers.nth(2).getByRole('paragraph'));
  expect(order).toEqual([true]);
  // A 100 KB name or creator must not push the other answers out of reach.
  await expectCompact(answers, 160, 'answers');
  await expectInert(popup, 'popup');
});

test('the review sheet and the notifications show hostile IOCs as inert text in a readable size', async ({
  context,
  extensionId,
  serviceWorker,
  sim,
}) => {
  await connectAndSync(context, extensionId, sim);
  await recordNotifications(serviceWorker);
  await openReportPage(context);
  const singles = [LOOKUP_VALUE, RTL_FIELDS_VALUE, HUGE_FIELDS_VALUE];
  for (const value of singles) await chooseMenuItem(serviceWorker, 'lookup-in-s1', { selectionText: value });
  await expect.poll(async () => (await shownNotifications(serviceWorker)).length).toBe(singles.length);
  const notices = (await shownNotifications(serviceWorker)).map((n) => n.message);
  expect(notices[0]).toContain(`${PAYLOADS.img} · expires in 29 days · by ${PAYLOADS.svg}`);
  expect(rawInvisibles(notices)).toEqual([]);
  expect(notices.filter((message) => message.length > 500)).toEqual([]);
  figures.views.push('notifications');

  // Several values, and markup in the selection itself: the sheet, in both of its modes.
  const selection = [...singles, MARKUP_URL, PAYLOADS.img, PAYLOADS.script].join(' ');
  for (const [mode, item] of [
    ['lookup', 'lookup-in-s1'],
    ['block', 'add-to-s1'],
  ] as const) {
    const opened = context.waitForEvent('page', { predicate: (p) => p.url().includes('/sheet.html') });
    await chooseMenuItem(serviceWorker, item, { selectionText: selection });
    const sheet = await opened;
    if (mode === 'lookup') {
      const answers = sheet.getByRole('list', { name: 'Answers' }).getByRole('listitem');
      await expect(answers).toHaveCount(4);
      await expect(answers.nth(0)).toContainText(PAYLOADS.img);
      expect(rawInvisibles(await answers.allTextContents())).toEqual([]);
      await expectCompact(answers, 160, 'answers');
    } else {
      const review = sheet.getByRole('table', { name: 'Review' });
      await expect(bodyRows(review).first()).toContainText(`keeping its source ${PAYLOADS.jsUrl}`);
      await expect(sheet.getByLabel(/^Values or text/)).toHaveValue(new RegExp(PAYLOADS.img.slice(0, 8)));
      expect(rawInvisibles(await cellsOf(review).allTextContents())).toEqual([]);
      await expectCompact(bodyRows(review), 160, 'review rows');
    }
    await expectInert(sheet, `sheet-${mode}`);
  }
});
