/**
 * Every tone, the body text, the hints, the buttons and the focus ring, measured on the rendered
 * pages in both colour schemes: text ≥ 4.5:1 and the ring ≥ 3:1 (WCAG 2 AA). Real elements where
 * the flow shows them (the sync state, the review's statuses, the popup's answers), and a probe of
 * each tone in each page, so a tone no view happens to show right now is measured too.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { focusRingContrast, type Measured, textContrasts } from './pages/computed-contrast';
import { createOnConsole } from './pages/console-api';
import { reportFigure } from './pages/figures';
import { connectAndSync } from './pages/options-page';

test.use({ simOptions: { iocs: 0, now: new Date().toISOString() } });

const TONES = ['danger', 'warn', 'ok', 'info', 'muted'];
const TEXT = 4.5;
const RING = 3;

/** One element of each tone, added to the page's main content so that the page's own sheet colours it. */
async function addToneProbes(page: Page): Promise<void> {
  await page.evaluate((tones) => {
    const host = document.querySelector('main') ?? document.body;
    for (const tone of tones) {
      const probe = document.createElement('p');
      probe.className = 'contrast-probe';
      probe.dataset.tone = tone;
      probe.textContent = `${tone} probe`;
      host.append(probe);
    }
  }, TONES);
}

/** The text of a page: its tones (real and probes), body text, hints and enabled buttons. */
async function pageText(page: Page): Promise<Measured[]> {
  await addToneProbes(page);
  const measured = [
    ...(await textContrasts(page.locator('[data-tone]'))),
    ...(await textContrasts(page.locator('body'), 'ink')),
    ...(await textContrasts(page.locator('.hint, .count'), 'muted')),
    ...(await textContrasts(page.locator('button:not(:disabled)'), 'button')),
  ];
  await page.locator('.contrast-probe').evaluateAll((probes) => {
    for (const probe of probes) probe.remove();
  });
  return measured;
}

/** Focus `target` by keyboard (a Tab away and back), as :focus-visible needs, and measure its ring. */
async function ringOf(page: Page, target: ReturnType<Page['locator']>): Promise<Measured> {
  await target.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  return focusRingContrast(page);
}

for (const colorScheme of ['light', 'dark'] as const) {
  /** What was measured, kept beside the test's report for a look. */
  const shoot = (page: Page, view: string) =>
    page.screenshot({ path: test.info().outputPath(`${view}-${colorScheme}.png`) });

  test(`every tone, text and focus ring has its contrast in the ${colorScheme} scheme`, async ({
    context,
    extensionId,
    sim,
    simPort,
  }) => {
    await createOnConsole(sim, simPort, [
      { type: 'DNS', value: 'evil-cdn.badcorp.top', source: 'MISP', method: 'EQUALS', name: 'Staging' },
    ]);
    const manager = await connectAndSync(context, extensionId, sim);
    await manager.emulateMedia({ colorScheme });
    const measured: Measured[] = [];

    // The manager: the sync state (ok), the grid, the header's buttons.
    await expect(manager.getByRole('status', { name: 'Sync status' })).toHaveAttribute('data-tone', 'ok');
    measured.push(...(await pageText(manager)));
    measured.push(await ringOf(manager, manager.getByRole('button', { name: /^Grab the IOC/ })));
    await shoot(manager, 'manager');

    // The review of New IOCs: an invalid row (danger), a repeat (muted row), a private address (warn).
    await manager.getByRole('link', { name: 'New IOCs' }).click();
    await manager.getByLabel(/^Values or text/).fill('45.77.12.9\n300.1.1.1\n45.77.12.9\n10.1.2.3');
    const review = manager.getByRole('table', { name: 'Review' });
    await expect(review.locator('td[data-tone="danger"]')).not.toHaveCount(0);
    await expect(review.locator('tr[data-tone="muted"]')).not.toHaveCount(0);
    measured.push(...(await pageText(manager)));
    await shoot(manager, 'review');

    // Settings: the primary button and the hints.
    await manager.getByRole('link', { name: 'Settings' }).click();
    measured.push(...(await pageText(manager)));
    measured.push(await ringOf(manager, manager.getByRole('button', { name: 'Save' })));
    await shoot(manager, 'settings');

    // The popup: an answer in SentinelOne (ok), one absent (warn); the look-up box has the focus.
    const popup = await context.newPage();
    await popup.emulateMedia({ colorScheme });
    await popup.setViewportSize({ width: 440, height: 600 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.getByLabel(/^Look up values/).fill('evil-cdn.badcorp.top 45.77.12.9');
    await expect(popup.getByRole('list', { name: 'Answers' }).locator('[data-tone]')).toHaveCount(2);
    measured.push(...(await pageText(popup)));
    measured.push(await ringOf(popup, popup.getByLabel(/^Look up values/)));
    await shoot(popup, 'popup');

    const lowest = new Map<string, number>();
    for (const { label, ratio } of measured)
      lowest.set(label, Math.min(ratio, lowest.get(label) ?? Number.POSITIVE_INFINITY));
    reportFigure(
      `contrast ${colorScheme}`,
      [...lowest].map(([label, ratio]) => `${label} ${ratio.toFixed(2)}`).join(', '),
    );
    for (const tone of [...TONES, 'ink', 'button']) expect(lowest.has(tone), tone).toBe(true);
    for (const { label, ratio } of measured)
      expect(ratio, label).toBeGreaterThanOrEqual(label.startsWith('focus ring') ? RING : TEXT);
  });
}
