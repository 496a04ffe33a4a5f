import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { connectAndSync, reviewRows, tickedValues } from './pages/options-page';

/** Threat-intel files into the New IOCs review: STIX 2.1 bundles and MISP events, their context sent along. */
test.use({ simOptions: { iocs: 0 } });

const DOMAIN = 'evil-cdn.badcorp.top';
const SHA256 = 'b5a2c96250612366ea272ffac6d9744aaf4b45aacd96aa7cfcb931ee3b558259';
const COMPOUND = "[domain-name:value = 'a.badcorp.top'] AND [ipv4-addr:value = '45.77.12.9']";
const TIMES = {
  created: '2026-01-05T00:00:00.000Z',
  modified: '2026-01-05T00:00:00.000Z',
  spec_version: '2.1',
};

const indicator = (n: number, pattern: string, more: Record<string, unknown> = {}) => ({
  type: 'indicator',
  id: `indicator--00000000-0000-4000-8000-00000000000${n}`,
  ...TIMES,
  pattern,
  pattern_type: 'stix',
  valid_from: '2026-01-05T00:00:00.000Z',
  ...more,
});
const relationship = (n: number, source: string, target: string) => ({
  type: 'relationship',
  id: `relationship--00000000-0000-4000-8000-00000000010${n}`,
  ...TIMES,
  relationship_type: 'indicates',
  source_ref: source,
  target_ref: target,
});
const ACTOR = {
  type: 'threat-actor',
  id: 'threat-actor--00000000-0000-4000-8000-000000000201',
  ...TIMES,
  name: 'APT28',
};
const MALWARE = {
  type: 'malware',
  id: 'malware--00000000-0000-4000-8000-000000000202',
  ...TIMES,
  name: 'X-Agent',
  is_family: true,
};
const DOMAIN_INDICATOR = indicator(1, `[domain-name:value = '${DOMAIN.replace(/\./g, '[.]')}']`, {
  name: 'Stage host',
  labels: ['c2', 'apt'],
  x_s1_severity: 4,
});
const HASH_INDICATOR = indicator(2, `[file:hashes.'SHA-256' = '${SHA256}']`, { labels: ['dropper'] });
const BUNDLE = {
  type: 'bundle',
  id: 'bundle--00000000-0000-4000-8000-000000000001',
  objects: [
    DOMAIN_INDICATOR,
    HASH_INDICATOR,
    indicator(3, COMPOUND),
    ACTOR,
    MALWARE,
    relationship(1, DOMAIN_INDICATOR.id, ACTOR.id),
    relationship(2, DOMAIN_INDICATOR.id, MALWARE.id),
    relationship(3, HASH_INDICATOR.id, MALWARE.id),
  ],
};

async function openNewIocs(page: Page) {
  await page.getByRole('link', { name: 'New IOCs' }).click();
}

const importFile = (page: Page, name: string, content: unknown) =>
  page.getByLabel(/^Or import a file/).setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(typeof content === 'string' ? content : JSON.stringify(content, null, 2)),
  });

test('a STIX bundle file becomes reviewed IOCs that keep its threat actor, malware, labels and severity', async ({
  context,
  extensionId,
  sim,
}) => {
  const page = await connectAndSync(context, extensionId, sim);
  await openNewIocs(page);
  await importFile(page, 'bundle.json', BUNDLE);
  const status = page.getByRole('status', { name: 'Submit status' });
  await expect(status).toHaveText('bundle.json: STIX 2.1 bundle, 3 rows to review (1 not importable).');

  const rows = await reviewRows(page);
  expect(rows.map(([value, type, state]) => [value, type, state.split(':')[0]])).toEqual([
    [DOMAIN, 'DNS', 'Valid'],
    [SHA256, 'SHA256', 'Valid'],
    [COMPOUND, '', 'Not importable'],
  ]);
  const review = page.getByRole('table', { name: 'Review' });
  // Each row shows what the file said about it and where in the file it comes from.
  await expect(review).toContainText(
    'Severity: 4 (High) · Labels: c2, apt · Threat actors: APT28 · Malware: X-Agent',
  );
  await expect(review).toContainText(`From ${DOMAIN_INDICATOR.id}`);
  await expect(page.getByRole('checkbox', { name: `Send ${COMPOUND}` })).toBeDisabled();
  expect(await tickedValues(page)).toEqual([DOMAIN, SHA256]);

  await page.getByRole('button', { name: 'Submit 2' }).click();
  // A hash also runs its default Block execution; the Detect IOCs are what this test is about.
  await expect(status).toHaveText(/^Detect: 2 of 2 stored\./);
  const held = sim.iocs(sim.defaultAccountId).sort((a, b) => (a.value < b.value ? -1 : 1));
  expect(
    held.map((ioc) => [
      ioc.value,
      ioc.threatActors ?? [],
      ioc.malwareNames,
      ioc.labels,
      ioc.severity ?? null,
    ]),
  ).toEqual([
    [SHA256, [], ['X-Agent'], ['dropper'], null],
    [DOMAIN, ['APT28'], ['X-Agent'], ['c2', 'apt'], 4],
  ]);
  expect(held[1]?.name).toBe('Stage host');
});

test('a pasted MISP event is reviewed as such: its to_ids false attribute is unticked and not sent', async ({
  context,
  extensionId,
  sim,
}) => {
  const event = {
    Event: {
      info: 'Phishing wave',
      Tag: [{ name: 'misp-galaxy:threat-actor="Example Spider"' }],
      Attribute: [
        { type: 'domain', category: 'Network activity', value: DOMAIN, to_ids: true },
        { type: 'ip-dst', category: 'Network activity', value: '45.77.12.9', to_ids: false },
      ],
    },
  };
  const page = await connectAndSync(context, extensionId, sim);
  await openNewIocs(page);
  await page.getByLabel(/^Values or text/).fill(JSON.stringify(event, null, 2));
  const status = page.getByRole('status', { name: 'Submit status' });
  await expect(status).toHaveText(
    'Pasted text: MISP event, 2 rows to review (1 left unticked as the file marks them not for detection).',
  );
  expect((await reviewRows(page)).map(([value, type]) => [value, type])).toEqual([
    [DOMAIN, 'DNS'],
    ['45.77.12.9', 'IPV4'],
  ]);
  expect(await tickedValues(page)).toEqual([DOMAIN]);

  await page.getByRole('button', { name: 'Submit 1' }).click();
  await expect(status).toHaveText('Detect: 1 of 1 stored.');
  const held = sim.iocs(sim.defaultAccountId);
  expect(held.map((ioc) => [ioc.value, ioc.threatActors])).toEqual([[DOMAIN, ['Example Spider']]]);
});

test('a malformed bundle says where it broke, and nothing is sent', async ({ context, extensionId, sim }) => {
  const page = await connectAndSync(context, extensionId, sim);
  await openNewIocs(page);
  const broken = {
    ...BUNDLE,
    objects: [DOMAIN_INDICATOR, { ...HASH_INDICATOR, pattern: "[file:hashes.MD5 = 'x'" }],
  };
  await importFile(page, 'broken.json', broken);
  const status = page.getByRole('status', { name: 'Submit status' });
  await expect(status).toContainText('broken.json was not imported, nothing changed. objects[1].pattern');
  await importFile(page, 'truncated.json', JSON.stringify(BUNDLE).slice(0, 120));
  await expect(status).toContainText(
    'truncated.json was not imported, nothing changed. line 1, column 106: not valid JSON',
  );
  // Half a file never reaches the review, so there is nothing to send.
  expect(await reviewRows(page)).toEqual([]);
  await expect(page.getByRole('button', { name: /^Submit/ })).toBeDisabled();
  expect(sim.requests().filter((r) => r.method === 'POST')).toEqual([]);
});

test('a file dropped onto the text box is imported', async ({ context, extensionId, sim }) => {
  const page = await connectAndSync(context, extensionId, sim);
  await openNewIocs(page);
  const text = JSON.stringify(BUNDLE);
  const drop = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'dropped.json', { type: 'application/json' }));
    return transfer;
  }, text);
  await page.getByLabel(/^Values or text/).dispatchEvent('drop', { dataTransfer: drop });
  await expect(page.getByRole('status', { name: 'Submit status' })).toHaveText(
    'dropped.json: STIX 2.1 bundle, 3 rows to review (1 not importable).',
  );
  // The text box keeps what was typed: the file's rows are the review, not its text.
  await expect(page.getByLabel(/^Values or text/)).toHaveValue('');
  expect(await tickedValues(page)).toEqual([DOMAIN, SHA256]);
});
