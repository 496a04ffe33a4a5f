/**
 * Issue 17 end to end, the review: a SHA256 right-clicked on a page is detected and blocked from
 * running on every OS, and a second time is "already blocked" with nothing duplicated.
 */
import { expect, test } from './fixtures';
import { connectAndSync } from './pages/options-page';
import { chooseMenuItem, openReportPage, selectText } from './pages/report-page';
import {
  addParagraph,
  blocklistPosts,
  HASHES,
  hashDefaults,
  heldBlocklist,
  nextSheet,
  resultLines,
  submit,
  submitStatus,
  tickedActions,
} from './pages/review-blocks';

test.use({ simOptions: { iocs: 0, now: new Date().toISOString() } });

const SHA256 = HASHES.sha256.toLowerCase();

test('a SHA256 right-clicked on a page is detected and blocked on Windows, macOS and Linux; again, already blocked', async ({
  context,
  extensionId,
  serviceWorker,
  sim,
}) => {
  await connectAndSync(context, extensionId, sim);
  const report = await openReportPage(context);
  const hashOnPage = await addParagraph(report, 'payload-hash', HASHES.sha256);

  const addToS1 = async () => {
    const opened = nextSheet(context);
    await chooseMenuItem(serviceWorker, 'add-to-s1', { selectionText: await selectText(report, hashOnPage) });
    const sheet = await opened;
    await expect(sheet.getByRole('heading', { name: 'Add to SentinelOne' })).toBeVisible();
    await expect(sheet.getByLabel(`Detect ${SHA256}`, { exact: true })).toBeVisible();
    expect(await tickedActions(sheet, SHA256)).toEqual(hashDefaults(SHA256));
    return sheet;
  };

  const first = await addToS1();
  sim.clearRequests();
  await submit(first);
  await expect(submitStatus(first)).toHaveText('Detect: 1 of 1 stored. Block execution: 3 of 3 blocked.');
  expect(await resultLines(first, SHA256)).toEqual([
    'Detect: Stored',
    'Block execution: Windows blocked; macOS blocked; Linux blocked',
  ]);
  expect(sim.iocs(sim.defaultAccountId).map((ioc) => [ioc.type, ioc.value])).toEqual([['SHA256', SHA256]]);
  // SHA256 goes in sha256Value, never in value (the SHA1 field), one black_hash item per OS.
  expect(heldBlocklist(sim, SHA256)).toEqual([
    ['linux', null, SHA256],
    ['macos', null, SHA256],
    ['windows', null, SHA256],
  ]);
  expect(sim.blocklist().every((item) => item.type === 'black_hash')).toBe(true);
  expect(blocklistPosts(sim)).toEqual([
    ['linux', SHA256],
    ['macos', SHA256],
    ['windows', SHA256],
  ]);
  await first.close();

  const second = await addToS1();
  await submit(second);
  await expect(submitStatus(second)).toHaveText(
    'Detect: 1 of 1 stored. Block execution: 0 of 3 blocked, 3 already blocked.',
  );
  expect(await resultLines(second, SHA256)).toEqual([
    'Detect: Stored',
    'Block execution: Windows already blocked; macOS already blocked; Linux already blocked',
  ]);
  expect(sim.iocs(sim.defaultAccountId)).toHaveLength(1);
  expect(sim.blocklist()).toHaveLength(3);
});
