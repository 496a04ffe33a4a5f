import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectAccessibleInBothSchemes } from './pages/axe';
import { connectAndSync } from './pages/options-page';

/**
 * "Will it fire?": the scope's TI user-config, read by each sync, said where a new IOC is made. Threats
 * off → one warning line in the manager's header, the New IOCs review and the popup; an excluded value
 * → a flag on its review row and its popup answer; neither → no word at all. Nothing promises a block.
 */
test.use({ simOptions: { iocs: 0, now: new Date().toISOString() } });

const THREATS_OFF =
  'Threat Intelligence threats are turned off in this scope: new IOCs are stored but raise no threat.';
const EXCLUDED = 'excluded-partner.example';
const NOT_EXCLUDED = 'evil-cdn.badcorp.top';
/** What no "will it fire?" word may say: a TI IOC only detects. */
const PROMISES_A_BLOCK = /\bblock(s|ed)?\b|\bprevent/i;

async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 440, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  return popup;
}

async function reviewOf(page: Page, text: string) {
  await page.getByRole('link', { name: 'New IOCs' }).click();
  await page.getByLabel(/^Values or text/).fill(text);
  const review = page.getByRole('table', { name: 'Review' });
  await expect(review.getByRole('row')).toHaveCount(3);
  return review;
}

const fireNotes = (page: Page | Locator) => page.getByRole('note', { name: 'Will it fire?' });

test('threats turned off in the scope: the header, the review and the popup say so', async ({
  context,
  extensionId,
  sim,
}) => {
  sim.configure({ userConfigs: { [sim.defaultAccountId]: { disableThreat: true } } });
  const page = await connectAndSync(context, extensionId, sim);

  const header = page.getByRole('region', { name: 'Sync' });
  await expect(fireNotes(header)).toHaveText(THREATS_OFF);

  await reviewOf(page, `${NOT_EXCLUDED}, 45.77.12.9`);
  const view = page.getByRole('region', { name: 'New IOCs' });
  await expect(fireNotes(view)).toHaveText(THREATS_OFF);
  // Said once for the page, not on every row.
  await expect(view.locator('.fire-flag')).toHaveCount(0);

  const popup = await openPopup(context, extensionId);
  await expect(fireNotes(popup)).toHaveText(THREATS_OFF);
  await popup.getByLabel(/^Look up values/).fill(NOT_EXCLUDED);
  await expect(popup.getByRole('list', { name: 'Answers' })).toContainText('Not in SentinelOne');

  for (const text of [THREATS_OFF]) expect(text).not.toMatch(PROMISES_A_BLOCK);
});

test('an excluded value is flagged on its review row and in its popup answer, another value is not', async ({
  context,
  extensionId,
  sim,
}) => {
  sim.configure({
    userConfigs: { [sim.defaultAccountId]: { disableThreat: false, excludeTii: [EXCLUDED] } },
  });
  const page = await connectAndSync(context, extensionId, sim);
  // Threats are on: no page-level line.
  await expect(fireNotes(page)).toHaveCount(0);

  const review = await reviewOf(page, `${EXCLUDED}\n${NOT_EXCLUDED}`);
  const excludedRow = review.getByRole('row').filter({ hasText: EXCLUDED });
  const otherRow = review.getByRole('row').filter({ hasText: NOT_EXCLUDED });
  const flag = excludedRow.getByRole('note');
  await expect(flag).toHaveText('Excluded: will not raise a threat');
  await expect(flag).toHaveAccessibleDescription(
    "This domain is in the scope's Threat Intelligence exclusions (excludeTii): this IOC will be stored but will not raise a threat.",
  );
  await expect(otherRow.getByRole('note')).toHaveCount(0);
  await expect(fireNotes(page)).toHaveCount(0);
  await expectAccessibleInBothSchemes(page, 'the review with an excluded value');

  const popup = await openPopup(context, extensionId);
  await expect(fireNotes(popup)).toHaveCount(0);
  await popup.getByLabel(/^Look up values/).fill(`${EXCLUDED}, ${NOT_EXCLUDED}`);
  const answers = popup.getByRole('list', { name: 'Answers' }).getByRole('listitem');
  await expect(answers).toHaveCount(2);
  const answerFlag = answers.filter({ hasText: EXCLUDED }).getByRole('note');
  await expect(answerFlag).toHaveText('Excluded: will not raise a threat');
  await expect(answerFlag).toHaveAccessibleDescription(/exclusions \(excludeTii\)/);
  await expect(answers.filter({ hasText: NOT_EXCLUDED }).getByRole('note')).toHaveCount(0);
  await expectAccessibleInBothSchemes(popup, 'the popup answering an excluded value');
  const said = [await flag.textContent(), await answerFlag.textContent()].join(' ');
  expect(said).not.toMatch(PROMISES_A_BLOCK);
});

test('threats on and nothing excluded: no word of it anywhere', async ({ context, extensionId, sim }) => {
  sim.configure({ userConfigs: { [sim.defaultAccountId]: { disableThreat: false, excludeTii: [] } } });
  const page = await connectAndSync(context, extensionId, sim);
  await expect(fireNotes(page)).toHaveCount(0);
  const review = await reviewOf(page, `${EXCLUDED}\n${NOT_EXCLUDED}`);
  await expect(review.getByRole('note')).toHaveCount(0);
  await expect(page.locator('.fire-flag, .hint').filter({ hasText: /raise a threat/ })).toHaveCount(0);

  const popup = await openPopup(context, extensionId);
  await popup.getByLabel(/^Look up values/).fill(`${EXCLUDED}, ${NOT_EXCLUDED}`);
  await expect(popup.getByRole('list', { name: 'Answers' }).getByRole('listitem')).toHaveCount(2);
  await expect(fireNotes(popup)).toHaveCount(0);
  await expect(popup.getByRole('note')).toHaveCount(0);
});
