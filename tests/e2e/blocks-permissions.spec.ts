/**
 * Blocks end to end, permissions: a token without the Blocklist permission still detects, and the
 * refused block says why without touching the Detect part of the same submission.
 */
import { SIM_TOKENS } from '../simulator';
import { expect, test } from './fixtures';
import {
  connectWithToken,
  HASHES,
  hashDefaults,
  pasteForReview,
  requestsTo,
  resultLines,
  submit,
  submitStatus,
  tickedActions,
} from './pages/review-blocks';

test.use({ simOptions: { iocs: 0, now: new Date().toISOString() } });

const SHA256 = HASHES.sha256.toLowerCase();

test('a token without the Blocklist permission: Detect stores the IOC, Block execution is refused with the reason', async ({
  context,
  extensionId,
  sim,
}) => {
  const page = await connectWithToken(context, extensionId, sim, SIM_TOKENS.noBlocklist);
  await pasteForReview(page, SHA256, 1);
  expect(await tickedActions(page, SHA256)).toEqual(hashDefaults(SHA256));

  sim.clearRequests();
  await submit(page);
  const status = submitStatus(page);
  await expect(status).toContainText('Detect: 1 of 1 stored.');
  await expect(status).toContainText('Block execution did not run: ');
  await expect(status).toContainText('Detect was not affected.');
  await expect(status).toHaveText(/Blocklist/);

  const [detect, block] = await resultLines(page, SHA256);
  expect(detect).toBe('Detect: Stored');
  // The first OS met the 403; the others were not sent, for the same reason.
  expect(block).toMatch(
    /^Block execution: Windows refused: .*Blocklist.*; macOS not sent: .*; Linux not sent: /,
  );
  expect(sim.iocs(sim.defaultAccountId).map((ioc) => ioc.value)).toEqual([SHA256]);
  expect(sim.blocklist()).toEqual([]);
  // One refused call, and nothing sent after the console said no.
  expect(sim.requests().filter((r) => r.path.includes('/restrictions') && r.method !== 'GET').length).toBe(1);
  expect(requestsTo(sim, 'POST', 'restrictions')).toEqual([]);
});
