import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../config/settings';
import type { ActionKind } from '../../../lib/blocks/actions';
import {
  type AnsweredValue,
  answerActionRequest,
  offeredAnswerActions,
} from '../../../lib/blocks/answer-actions';
import type { BlockState } from '../../../lib/blocks/block-state';
import type { FirewallAvailability } from '../../../lib/blocks/review-actions';

const SHA1 = 'a'.repeat(40);
const SHA256 = 'b'.repeat(64);
const none: BlockState = { execution: [], network: false };

describe('offeredAnswerActions', () => {
  it.each<[string, AnsweredValue, BlockState | undefined, FirewallAvailability, ActionKind[]]>([
    [
      'a new SHA256: both actions',
      { value: SHA256, type: 'SHA256', detected: false },
      none,
      true,
      ['detect', 'blockExecution'],
    ],
    [
      'block state not read yet',
      { value: SHA1, type: 'SHA1', detected: false },
      undefined,
      true,
      ['detect', 'blockExecution'],
    ],
    ['detected, not blocked', { value: SHA1, type: 'SHA1', detected: true }, none, true, ['blockExecution']],
    [
      'blocked on two OS: the third can still be added',
      { value: SHA1, type: 'SHA1', detected: true },
      { execution: ['windows', 'macos'], network: false },
      true,
      ['blockExecution'],
    ],
    [
      'detected and blocked everywhere: nothing left',
      { value: SHA1, type: 'SHA1', detected: true },
      { execution: ['windows', 'macos', 'linux'], network: false },
      true,
      [],
    ],
    ['an MD5: detect only', { value: 'c'.repeat(32), type: 'MD5', detected: false }, none, true, ['detect']],
    [
      'a URL: detect only',
      { value: 'http://evil.example/x', type: 'URL', detected: false },
      none,
      true,
      ['detect'],
    ],
    [
      'a domain with Firewall Control',
      { value: 'evil.example', type: 'DNS', detected: false },
      none,
      true,
      ['detect', 'blockNetwork'],
    ],
    [
      'availability not known yet',
      { value: '203.0.113.7', type: 'IPV4', detected: true },
      none,
      null,
      ['blockNetwork'],
    ],
    ['no Firewall Control', { value: 'evil.example', type: 'DNS', detected: false }, none, false, ['detect']],
    [
      'already network-blocked',
      { value: '2001:db8::1', type: 'IPV6', detected: true },
      { execution: [], network: true },
      true,
      [],
    ],
  ])('%s', (_name, answer, state, firewall, offered) => {
    expect(offeredAnswerActions(answer, state, firewall)).toEqual(offered);
  });
});

const settings: Settings = {
  ...DEFAULT_SETTINGS,
  connection: {
    consoleUrl: 'https://usea1-acme.sentinelone.net',
    apiToken: 't',
    accountId: '1',
    accountName: 'Acme',
    creatorEmail: 'soc@acme.example',
    tagPrefix: '',
  },
};
const NOW = new Date('2026-12-01T00:00:00.000Z');

describe('answerActionRequest', () => {
  it.each<[ActionKind, Settings, object]>([
    ['detect', settings, { detect: true }],
    ['blockNetwork', settings, { detect: false, blockNetwork: true }],
    [
      'blockExecution',
      settings,
      {
        detect: false,
        blockExecution: { osTypes: ['windows', 'macos', 'linux'], allowNotRecommended: false },
      },
    ],
    [
      'blockExecution',
      { ...settings, actionDefaults: { ...settings.actionDefaults, blockExecutionOs: ['macos'] } },
      { detect: false, blockExecution: { osTypes: ['macos'], allowNotRecommended: false } },
    ],
    [
      'blockExecution',
      { ...settings, actionDefaults: { ...settings.actionDefaults, blockExecutionOs: [] } },
      {
        detect: false,
        blockExecution: { osTypes: ['windows', 'macos', 'linux'], allowNotRecommended: false },
      },
    ],
  ])('%s', (kind, chosen, expected) => {
    const request = answerActionRequest({ value: SHA1, type: 'SHA1', detected: false }, kind, chosen, NOW);
    expect(request).toEqual({ draft: expect.objectContaining({ value: SHA1, type: 'SHA1' }), ...expected });
    // The defaults from Settings: the form's source, creator, score and validity.
    expect(request.draft).toMatchObject({
      source: 'S1 IOC Manager',
      creator: 'soc@acme.example',
      originalRiskScore: 100,
      validUntil: '2026-12-31T00:00:00.000Z',
    });
  });
});
