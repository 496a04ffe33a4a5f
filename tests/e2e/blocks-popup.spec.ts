/**
 * Blocks end to end, the popup and the IOC detail: each says what the console does with the value,
 * as the simulator holds it after a sync, and the popup offers the actions not yet in place.
 */

import { firewallRuleDraft } from '../../lib/blocks/firewall-rules';
import { expect, test } from './fixtures';
import { blockOnConsole, createOnConsole, firewallRuleOnConsole } from './pages/console-api';
import { connectAndSync, visibleValues } from './pages/options-page';
import {
  answerFor,
  blockStateOf,
  HASHES,
  heldBlocklist,
  openPopup,
  requestsTo,
  syncNow,
} from './pages/review-blocks';

test.use({ simOptions: { iocs: 0, now: new Date().toISOString() } });

const BLOCKED = HASHES.sha256.toLowerCase();
const NEITHER = HASHES.sha256b;

test('the popup says Detected · Blocked on Windows, macOS as the console holds it; a hash that is neither gets both actions', async ({
  context,
  extensionId,
  sim,
  simPort,
}) => {
  await createOnConsole(sim, simPort, [{ type: 'SHA256', value: BLOCKED, source: 'MISP', method: 'EQUALS' }]);
  const manager = await connectAndSync(context, extensionId, sim);
  // Another analyst blocks the hash on two OSes; the next sync mirrors it.
  blockOnConsole(sim, [
    { osType: 'windows', sha256Value: BLOCKED },
    { osType: 'macos', sha256Value: BLOCKED },
  ]);
  await syncNow(manager);

  const popup = await openPopup(context, extensionId);
  const box = popup.getByLabel(/^Look up values/);
  await box.fill(`${BLOCKED}\n${NEITHER}`);
  const blocked = answerFor(popup, BLOCKED);
  await expect(blockStateOf(popup, BLOCKED)).toHaveText('Detected · Blocked on Windows, macOS');
  await expect(blocked.getByRole('button', { name: `Detect ${BLOCKED}` })).toHaveCount(0);
  // Linux is still open: Block execution stays on offer.
  await expect(blocked.getByRole('button', { name: `Block execution ${BLOCKED}` })).toBeVisible();

  const neither = answerFor(popup, NEITHER);
  await expect(blockStateOf(popup, NEITHER)).toHaveText('Not detected · Not blocked');
  await expect(neither.getByRole('button')).toHaveText(['Detect', 'Block execution', 'Open in manager']);

  sim.clearRequests();
  await neither.getByRole('button', { name: `Block execution ${NEITHER}` }).click();
  await expect(popup.getByRole('status', { name: `Block execution status of ${NEITHER}` })).toHaveText(
    'Block execution: Windows blocked; macOS blocked; Linux blocked',
  );
  expect(heldBlocklist(sim, NEITHER)).toEqual([
    ['linux', null, NEITHER],
    ['macos', null, NEITHER],
    ['windows', null, NEITHER],
  ]);
  // Only the block: no Threat Intelligence IOC was written for it.
  expect(requestsTo(sim, 'POST', 'threat-intelligence/iocs')).toEqual([]);
  // The sync after the write brings the answer up to date.
  await expect(blockStateOf(popup, NEITHER)).toHaveText('Not detected · Blocked on Windows, macOS, Linux');
  await expect(neither.getByRole('button', { name: `Block execution ${NEITHER}` })).toHaveCount(0);
});

test("an IOC's detail in the manager says what the console does with its value, as the simulator holds it", async ({
  context,
  extensionId,
  sim,
  simPort,
}) => {
  const DOMAIN = 'c2.badcorp.top';
  await createOnConsole(sim, simPort, [
    { type: 'SHA256', value: BLOCKED, source: 'MISP', method: 'EQUALS' },
    { type: 'DNS', value: DOMAIN, source: 'MISP', method: 'EQUALS' },
  ]);
  blockOnConsole(sim, [
    { osType: 'windows', sha256Value: BLOCKED },
    { osType: 'linux', sha256Value: BLOCKED },
  ]);
  // A rule of the extension's, as another analyst's browser made it.
  firewallRuleOnConsole(sim, [
    firewallRuleDraft({
      value: DOMAIN,
      type: 'DNS',
      creator: 'ana@acme.example',
      validUntil: '2099-01-01T00:00:00Z',
    }),
  ]);
  const manager = await connectAndSync(context, extensionId, sim);

  const expectLine = async (value: string, line: string) => {
    await manager.getByLabel('Value', { exact: true }).fill(value);
    await expect.poll(() => visibleValues(manager)).toEqual([value]);
    await manager.getByRole('grid', { name: 'IOCs' }).focus();
    await manager.keyboard.press('Enter');
    const dialog = manager.getByRole('dialog');
    await expect(dialog.getByRole('status', { name: 'Block state' })).toHaveText(line);
    await dialog.getByRole('button', { name: 'Close' }).click();
  };
  await expectLine(BLOCKED, 'Detected · Blocked on Windows, Linux');
  await expectLine(DOMAIN, 'Detected · Network-blocked');
});
