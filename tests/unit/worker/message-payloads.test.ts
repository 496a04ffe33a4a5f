import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../config/settings';
import { answerActionRequest } from '../../../lib/blocks/answer-actions';
import { unblockTargets } from '../../../lib/blocks/blocks-table';
import { actionRequest, defaultActions } from '../../../lib/blocks/review-actions';
import { defaultFields, draftSettings, toDrafts } from '../../../lib/iocs/drafts';
import { renewDrafts } from '../../../lib/iocs/renew';
import type { Protocol } from '../../../lib/messages';
import { type Ioc, type IocDraft, refOf } from '../../../lib/s1/schemas';
import { MAX_LIST_ITEMS, PAYLOAD_SCHEMAS, parsePayload } from '../../../lib/worker/message-payloads';

const NOW = new Date('2026-12-01T10:00:00Z');
const SHA256 = 'b'.repeat(64);
const IOC: Ioc = {
  uuid: '5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
  value: 'evil-cdn.badcorp.top',
  type: 'DNS',
  source: 'S1 IOC Manager',
  method: 'EQUALS',
  name: 'Ghost',
  externalId: 'case-42',
  uploadTime: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  validUntil: '2026-12-31T00:00:00.000Z',
  // A field the console added in a later release: kept, as the detail view shows it.
  riskFactors: ['c2'],
};

// What the product's own pages send, built by the same functions they use.
const [draft, hashDraft] = toDrafts(
  [
    { value: 'evil-cdn.badcorp.top', type: 'DNS' },
    { value: SHA256, type: 'SHA256' },
  ],
  defaultFields(DEFAULT_SETTINGS),
  draftSettings(DEFAULT_SETTINGS),
  NOW,
) as [IocDraft, IocDraft];
const reviewRequest = actionRequest(hashDraft, {
  ...defaultActions('SHA256', DEFAULT_SETTINGS.actionDefaults, true),
  blockExecution: ['windows', 'linux'],
});
const popupRequest = answerActionRequest(
  { value: SHA256, type: 'SHA256', detected: false },
  'blockExecution',
  DEFAULT_SETTINGS,
  NOW,
);

type Case = [name: keyof Protocol, label: string, payload: unknown, refusal: string | null];

const ok = (name: keyof Protocol, label: string, payload: unknown): Case => [name, label, payload, null];
const bad = (name: keyof Protocol, label: string, payload: unknown, refusal: string): Case => [
  name,
  label,
  payload,
  refusal,
];

const cases: Case[] = [
  ok('testConnection', 'the saved connection', undefined),
  ok('testConnection', 'a probe with a typed token', {
    consoleUrl: 'https://usea1-acme.sentinelone.net',
    apiToken: 'eyJ',
    accountId: '42',
  }),
  ok('testConnection', 'a probe keeping the saved token', {
    consoleUrl: 'https://usea1-acme.sentinelone.net',
    accountId: '42',
  }),
  bad(
    'testConnection',
    'no account',
    { consoleUrl: 'https://usea1-acme.sentinelone.net' },
    '(accountId: Invalid input: expected string, received undefined)',
  ),
  bad(
    'testConnection',
    'a token that is not text',
    { consoleUrl: 'https://x.sentinelone.net', apiToken: 7, accountId: '1' },
    '(apiToken: ',
  ),
  ok('listScopes', 'a probe', { consoleUrl: 'https://usea1-acme.sentinelone.net', apiToken: 'eyJ' }),
  bad('listScopes', 'nothing', undefined, '(payload: '),
  bad('listScopes', 'a URL that is not text', { consoleUrl: ['https://x'] }, '(consoleUrl: '),
  ok('deleteIocs', 'refs from the IOCs view', [refOf(IOC)]),
  ok('deleteIocs', 'whole IOCs (extra fields dropped)', [IOC]),
  bad('deleteIocs', 'an unknown type', [{ ...refOf(IOC), type: 'EMAIL' }], '(0.type: '),
  bad('deleteIocs', 'an empty uuid', [{ ...refOf(IOC), uuid: '' }], '(0.uuid: '),
  bad('deleteIocs', 'one ref, not a list', refOf(IOC), '(payload: '),
  ok('submitIocs', 'drafts from the review', [draft, hashDraft]),
  ok('submitIocs', 'renewed IOCs', renewDrafts([IOC], DEFAULT_SETTINGS.iocDefaults.validityDays, NOW)),
  ok('submitIocs', 'nothing', []),
  bad('submitIocs', 'another method', [{ ...draft, method: 'CONTAINS' }], '(0.method: '),
  bad('submitIocs', 'an empty value', [draft, { ...draft, value: '' }], '(1.value: '),
  bad('submitIocs', 'a score out of range', [{ ...draft, originalRiskScore: 101 }], '(0.originalRiskScore: '),
  bad('submitIocs', 'a string', 'evil.example', '(payload: '),
  ok('applyActions', 'a review row', [reviewRequest]),
  ok('applyActions', "the popup's Block execution", [popupRequest]),
  ok('applyActions', 'Detect and Block network', [{ draft, detect: true, blockNetwork: true }]),
  bad('applyActions', 'no detect flag', [{ draft }], '(0.detect: '),
  bad(
    'applyActions',
    'an unknown OS',
    [
      {
        draft: hashDraft,
        detect: false,
        blockExecution: { osTypes: ['windows_legacy'], allowNotRecommended: false },
      },
    ],
    '(0.blockExecution.osTypes.0: ',
  ),
  bad(
    'applyActions',
    '"block anyway" left out',
    [{ draft: hashDraft, detect: false, blockExecution: { osTypes: ['windows'] } }],
    '(0.blockExecution.allowNotRecommended: ',
  ),
  bad(
    'applyActions',
    'a draft without a source',
    [{ draft: { ...draft, source: undefined }, detect: true }],
    '(0.draft.source: ',
  ),
  ok(
    'unblock',
    'rows of the Blocks view',
    unblockTargets([{ blocklistIds: ['b1', 'b2'], firewallRuleIds: ['r1'] }] as never),
  ),
  ok('unblock', 'nothing chosen', {}),
  bad('unblock', 'a number id', { firewallRuleIds: [12] }, '(firewallRuleIds.0: '),
  bad('unblock', 'an empty id', { blocklistIds: [''] }, '(blocklistIds.0: '),
  ok('renewFirewallRules', 'the renew dialog', { ruleIds: ['r1', 'r2'], days: 30 }),
  // Shape only: renew-rules.ts says what is wrong with a day count, in the dialog's words.
  ok('renewFirewallRules', 'days out of range (checked by the handler)', { ruleIds: ['r1'], days: 9999 }),
  bad('renewFirewallRules', 'days as text', { ruleIds: ['r1'], days: '30' }, '(days: '),
  bad('renewFirewallRules', 'one id, not a list', { ruleIds: 'r1', days: 30 }, '(ruleIds: '),
  ok('updateIoc', 'the edit dialog', { previous: IOC, draft }),
  bad('updateIoc', 'no previous IOC', { draft }, '(previous: '),
  bad(
    'updateIoc',
    'a previous IOC without uuid',
    { previous: { ...IOC, uuid: undefined }, draft },
    '(previous.uuid: ',
  ),
  ok('syncNow', 'Grab the IOC', { full: false }),
  ok('syncNow', 'a full sync', { full: true }),
  ok('syncNow', 'no options', undefined),
  bad('syncNow', 'full as text', { full: 'yes' }, '(full: '),
  ok('wake', 'the wake-up call', undefined),
  bad('wake', 'a payload where none is expected', { run: 'anything' }, '(payload: '),
  ok('removeProfile', 'the removal (the profile is the message’s address)', undefined),
  bad('removeProfile', 'a payload where none is expected', 'p2', '(payload: '),
];

describe('PAYLOAD_SCHEMAS', () => {
  it.each(cases)('%s: %s', (name, _label, payload, refusal) => {
    const check = () => parsePayload(name, PAYLOAD_SCHEMAS[name] as never, payload);
    if (refusal === null) expect(check).not.toThrow();
    else expect(check).toThrow(`Refused a malformed ${name} request ${refusal}`);
  });

  it('has valid and invalid cases for every message', () => {
    const names = Object.keys(PAYLOAD_SCHEMAS);
    expect(names.filter((name) => !cases.some(([n, , , r]) => n === name && r === null))).toEqual([]);
    expect(names.filter((name) => !cases.some(([n, , , r]) => n === name && r !== null))).toEqual([]);
  });

  it('drops fields the handler does not know, and keeps the console’s own fields of an IOC', () => {
    expect(parsePayload('deleteIocs', PAYLOAD_SCHEMAS.deleteIocs, [IOC])).toEqual([refOf(IOC)]);
    expect(parsePayload('submitIocs', PAYLOAD_SCHEMAS.submitIocs, [{ ...draft, scope: 'global' }])).toEqual([
      draft,
    ]);
    expect(parsePayload('updateIoc', PAYLOAD_SCHEMAS.updateIoc, { previous: IOC, draft }).previous).toEqual(
      IOC,
    );
  });

  it.each([
    ['deleteIocs', () => new Array(MAX_LIST_ITEMS + 1).fill(refOf(IOC))],
    ['unblock', () => ({ blocklistIds: new Array(MAX_LIST_ITEMS + 1).fill('b1') })],
  ] as const)('caps %s at MAX_LIST_ITEMS', (name, payload) => {
    expect(() => parsePayload(name, PAYLOAD_SCHEMAS[name] as never, payload())).toThrow(
      /^Refused a malformed \w+ request \((blocklistIds|payload): Too big: expected array to have <=1000000 items\)\.$/,
    );
  });

  it('names no value of the payload in its refusal (a payload may carry a token)', () => {
    const token = 'eyJsecret-token-value';
    const check = () =>
      parsePayload('testConnection', PAYLOAD_SCHEMAS.testConnection, {
        consoleUrl: token,
        apiToken: [token],
      });
    expect(check).toThrow(/^Refused a malformed testConnection request \(apiToken: /);
    expect(check).not.toThrow(token);
  });
});
