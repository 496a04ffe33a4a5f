/**
 * The toolbar popup with three profiles on three consoles (an MSSP analyst's tenants): each value is
 * answered from every profile's cache, tenant by tenant, and a button under a tenant acts on that
 * tenant's console only.
 */
import type { BrowserContext, Page } from '@playwright/test';
import type { Ioc, Simulator } from '../simulator';
import { expect, test } from './fixtures';
import { expectAccessibleInBothSchemes } from './pages/axe';
import { connectAndSync } from './pages/options-page';
import { addProfile } from './pages/profiles-page';

const GLOBEX = 'https://euce1-globex.sentinelone.net';
const INITECH = 'https://apne1-initech.sentinelone.net';
const NOW = new Date().toISOString();

test.use({
  simOptions: { iocs: 0, now: NOW },
  extraConsoles: { [GLOBEX]: { iocs: 0, now: NOW }, [INITECH]: { iocs: 0, now: NOW } },
});

/** An IOC another console user created, as the console stores it. */
function consoleIoc(sim: Simulator, n: number, value: string, name: string): Ioc {
  const at = sim.clock.iso();
  return {
    uuid: `${n}`.padStart(32, 'c'),
    value,
    type: 'DNS',
    source: 'MISP',
    method: 'EQUALS',
    batchId: 'b',
    scope: 'account',
    scopeId: sim.defaultAccountId,
    category: [],
    intrusionSets: [],
    mitreTactic: [],
    reference: [],
    threatActors: [],
    creationTime: at,
    creator: null,
    description: null,
    metadata: null,
    name,
    validUntil: null,
    updatedAt: at,
    uploadTime: at,
  };
}

async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 440, height: 800 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  return popup;
}

/** Each answer's lines as the analyst reads them, joined with ' | '. */
const answerTexts = async (popup: Page) =>
  (await popup.getByRole('list', { name: 'Answers' }).locator(':scope > li').allInnerTexts()).map((text) =>
    text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .join(' | '),
  );

test('the popup answers each value from every tenant, and Detect goes to the tenant it is pressed for', async ({
  consoles,
  context,
  extensionId,
  sim,
}) => {
  // Three consoles connected and synced, and an accessibility check in two schemes: more than a minute on 2 busy cores.
  test.slow();
  // The first profile has no name: it goes by what its connection reaches, as in the manager's switcher.
  const acme = `Account ${sim.defaultAccountId}`;
  const globex = consoles.get(GLOBEX);
  const initech = consoles.get(INITECH);
  sim.putIocs(sim.defaultAccountId, [consoleIoc(sim, 1, 'evil-cdn.badcorp.top', 'Staging')]);
  initech.putIocs(initech.defaultAccountId, [consoleIoc(initech, 2, 'evil-cdn.badcorp.top', 'Phish kit')]);

  const manager = await connectAndSync(context, extensionId, sim);
  await addProfile(manager, { name: 'Globex', connect: { consoleUrl: GLOBEX, sim: globex } });
  await addProfile(manager, { name: 'Initech', connect: { consoleUrl: INITECH, sim: initech } });
  for (const console of [sim, globex, initech]) console.clearRequests();

  const popup = await openPopup(context, extensionId);
  await expect(popup.getByRole('status', { name: 'IOC count' })).toHaveText('2 IOCs cached in 3 tenants');
  await expect(popup.getByRole('status', { name: 'Sync status' })).toHaveText(
    /^All 3 tenants complete as of /,
  );
  const box = popup.getByLabel(/^Look up values/);
  await box.fill('evil-cdn[.]badcorp[.]top 45.77.12.9');
  await expect
    .poll(() => answerTexts(popup))
    .toEqual([
      `evil-cdn.badcorp.top | In 2 of 3 tenants: ${acme}, Initech | Not in Globex | Open in…` +
        ` | ${acme} | In SentinelOne | Detected · Not blocked | DNS · Staging · never expires | Block network | Open in manager` +
        ' | Globex | Not in SentinelOne | Not detected · Not blocked | Detect | Block network | Open in manager' +
        ' | Initech | In SentinelOne | Detected · Not blocked | DNS · Phish kit · never expires | Block network | Open in manager',
      '45.77.12.9 | In none of the 3 tenants | Open in…' +
        ` | ${acme} | Not in SentinelOne | Not detected · Not blocked | Detect | Block network | Open in manager` +
        ' | Globex | Not in SentinelOne | Not detected · Not blocked | Detect | Block network | Open in manager' +
        ' | Initech | Not in SentinelOne | Not detected · Not blocked | Detect | Block network | Open in manager',
    ]);
  await popup.screenshot({ path: test.info().outputPath('popup-tenants.png') });
  await expectAccessibleInBothSchemes(popup, 'popup, answers from three tenants');
  // Every answer came from the local caches.
  for (const console of [sim, globex, initech]) expect(console.requests()).toEqual([]);

  await popup.getByRole('button', { name: 'Detect 45.77.12.9 in Globex' }).click();
  await expect(popup.getByRole('status', { name: 'Detect status of 45.77.12.9 in Globex' })).toHaveText(
    'Detect: Stored',
  );
  const has = (console: Simulator) =>
    console.iocs(console.defaultAccountId).some((i) => i.value === '45.77.12.9');
  expect([has(sim), has(globex), has(initech)]).toEqual([false, true, false]);
  expect(globex.iocs(globex.defaultAccountId).find((i) => i.value === '45.77.12.9')).toMatchObject({
    type: 'IPV4',
    source: 'S1 IOC Manager',
  });
  // Globex's cache follows the write, and the answer with it.
  await expect
    .poll(async () => (await answerTexts(popup))[1]?.split(' | ').slice(0, 3))
    .toEqual(['45.77.12.9', 'In 1 of 3 tenants: Globex', `Not in ${acme}, Initech`]);

  // Open in manager opens the tenant's own manager, filtered to the value.
  const managerOpened = context.waitForEvent('page', {
    predicate: (page) => page.url().includes('profile=p3'),
  });
  await popup.getByRole('button', { name: 'Open in manager evil-cdn.badcorp.top in Initech' }).click();
  const initechManager = await managerOpened;
  await expect(initechManager.getByLabel('Value', { exact: true })).toHaveValue('evil-cdn.badcorp.top');
  await expect(initechManager.getByRole('status', { name: 'Shown IOCs' })).toHaveText('1 of 1 IOCs');
});

test('a tenant never synced says so instead of "not in"', async ({ context, extensionId, sim }) => {
  const acme = `Account ${sim.defaultAccountId}`;
  sim.putIocs(sim.defaultAccountId, [consoleIoc(sim, 1, 'evil-cdn.badcorp.top', 'Staging')]);
  const manager = await connectAndSync(context, extensionId, sim);
  await addProfile(manager, { name: 'Globex' });
  await addProfile(manager, { name: 'Initech' });

  const popup = await openPopup(context, extensionId);
  await popup.getByLabel(/^Look up values/).fill('evil-cdn.badcorp.top');
  await expect
    .poll(async () => (await answerTexts(popup))[0]?.split(' | ').slice(0, 4))
    .toEqual([
      'evil-cdn.badcorp.top',
      `In 1 of 3 tenants: ${acme}`,
      'Globex: not connected',
      'Initech: not connected',
    ]);
  await expect(popup.getByRole('alert')).toHaveText([
    'Globex: not connected: set its console URL and API token in Settings.',
    'Initech: not connected: set its console URL and API token in Settings.',
  ]);
  // Nothing to send to a tenant without a connection: no buttons but the manager's.
  await expect(popup.getByRole('button', { name: /^Detect .* in Globex$/ })).toHaveCount(0);
});

test.describe('with four tenants or more', () => {
  const HOOLI = 'https://usea1-hooli.sentinelone.net';
  test.use({
    extraConsoles: {
      [GLOBEX]: { iocs: 0, now: NOW },
      [INITECH]: { iocs: 0, now: NOW },
      [HOOLI]: { iocs: 0, now: NOW },
    },
  });

  test('the tenants without a value fold into one line, opened by keyboard to act in one of them', async ({
    consoles,
    context,
    extensionId,
    sim,
  }) => {
    test.slow();
    const acme = `Account ${sim.defaultAccountId}`;
    const manager = await connectAndSync(context, extensionId, sim);
    for (const [name, url] of [
      ['Globex', GLOBEX],
      ['Initech', INITECH],
      ['Hooli', HOOLI],
    ] as const)
      await addProfile(manager, { name, connect: { consoleUrl: url, sim: consoles.get(url) } });

    const popup = await openPopup(context, extensionId);
    await expect(popup.getByRole('status', { name: 'IOC count' })).toHaveText('0 IOCs cached in 4 tenants');
    await popup.getByLabel(/^Look up values/).fill('45.77.12.9');
    const fold = popup.locator('details.tenants-folded');
    await expect
      .poll(() => answerTexts(popup))
      .toEqual([`45.77.12.9 | In none of the 4 tenants | Open in… | Act in the 4 tenants without it`]);
    // Folded: no tenant's buttons drawn until it is opened.
    await expect(popup.getByRole('button', { name: /^Detect 45\.77\.12\.9 in / })).toHaveCount(0);
    await popup.locator('details.tenants-folded > summary').focus();
    await popup.keyboard.press('Enter');
    await expect(fold).toHaveAttribute('open', '');
    await expect(
      popup.getByRole('list', { name: 'Tenants without 45.77.12.9' }).locator(':scope > li'),
    ).toHaveCount(4);
    await expectAccessibleInBothSchemes(popup, 'popup, four tenants folded and opened');

    await popup.getByRole('button', { name: 'Detect 45.77.12.9 in Initech' }).click();
    await expect(popup.getByRole('status', { name: 'Detect status of 45.77.12.9 in Initech' })).toHaveText(
      'Detect: Stored',
    );
    const initech = consoles.get(INITECH);
    const holders = [sim, consoles.get(GLOBEX), initech, consoles.get(HOOLI)].map((console) =>
      console.iocs(console.defaultAccountId).some((ioc) => ioc.value === '45.77.12.9'),
    );
    expect(holders).toEqual([false, false, true, false]);
    // Three lacking it fold no more: every tenant is shown, Initech holding it.
    await expect
      .poll(async () => (await answerTexts(popup))[0]?.split(' | ').slice(0, 3))
      .toEqual(['45.77.12.9', 'In 1 of 4 tenants: Initech', `Not in ${acme}, Globex, Hooli`]);
    await expect(fold).toHaveCount(0);
    await expect(
      popup.getByRole('list', { name: 'Tenants of 45.77.12.9' }).locator(':scope > li'),
    ).toHaveCount(4);
  });
});
