import { describe, expect, it } from 'vitest';
import { type FireAnswer, type FireQuestion, willItFire } from '../../../lib/iocs/will-it-fire';
import type { FireStatus } from '../../../lib/sync/fire-status';

const base: FireStatus = {
  state: 'known',
  accountKey: 'https://usea1.example|123',
  disableThreat: false,
  excludeTii: [],
  excludeTiiTotal: 0,
  threatMinScore: null,
};
const known = (change: Partial<Extract<FireStatus, { state: 'known' }>>): FireStatus => ({
  ...base,
  ...change,
});
const unknown = (reason: 'forbidden' | 'not-found' | 'failed', message = 'x'): FireStatus => ({
  state: 'unknown',
  accountKey: base.accountKey,
  reason,
  message,
});

const FIRES =
  'When an endpoint event matches this IOC, SentinelOne raises a threat (a detection: a Threat Intelligence IOC never blocks).';
const HASH = 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855';

describe('willItFire', () => {
  it.each<[string, FireStatus | null | undefined, FireQuestion, FireAnswer]>([
    ['the defaults: it fires', base, { value: 'evil.example', type: 'DNS' }, { fires: true, message: FIRES }],
    [
      'threats turned off',
      known({ disableThreat: true }),
      { value: 'evil.example', type: 'DNS', score: 90 },
      {
        fires: false,
        why: 'disabled',
        message:
          'Threat Intelligence threats are turned off in this scope (disableThreat): this IOC will be stored but will not raise a threat.',
      },
    ],
    [
      'turned off wins over an exclusion',
      known({ disableThreat: true, excludeTii: ['evil.example'], excludeTiiTotal: 1 }),
      { value: 'evil.example' },
      expect.objectContaining({ fires: false, why: 'disabled' }),
    ],
    [
      'an excluded domain',
      known({ excludeTii: ['good.example', 'evil.example'], excludeTiiTotal: 2 }),
      { value: 'evil.example', type: 'DNS' },
      {
        fires: false,
        why: 'excluded',
        message:
          "This domain is in the scope's Threat Intelligence exclusions (excludeTii): this IOC will be stored but will not raise a threat.",
      },
    ],
    [
      'an excluded hash listed in another case, with spaces',
      known({ excludeTii: [` ${HASH.toLowerCase()} `], excludeTiiTotal: 1 }),
      { value: HASH, type: 'SHA256' },
      expect.objectContaining({
        fires: false,
        why: 'excluded',
        message: expect.stringMatching(/^This hash /),
      }),
    ],
    [
      'an excluded value without a type',
      known({ excludeTii: ['10.0.0.1'], excludeTiiTotal: 1 }),
      { value: '10.0.0.1' },
      expect.objectContaining({ why: 'excluded', message: expect.stringMatching(/^This value /) }),
    ],
    [
      'a value that only contains an excluded one',
      known({ excludeTii: ['evil.example'], excludeTiiTotal: 1 }),
      { value: 'www.evil.example', type: 'DNS' },
      { fires: true, message: FIRES },
    ],
    [
      'a score below the minimum',
      known({ threatMinScore: 70 }),
      { value: 'evil.example', type: 'DNS', score: 50 },
      {
        fires: false,
        why: 'below-min-score',
        message:
          "This scope raises threats only from indicators scored at least 70 (threatMinScore) and this IOC's score is 50: it will be stored but is not expected to raise a threat.",
      },
    ],
    [
      'a score equal to the minimum',
      known({ threatMinScore: 70 }),
      { value: 'a', score: 70 },
      { fires: true, message: FIRES },
    ],
    [
      'a minimum of 0 and no score',
      known({ threatMinScore: 0 }),
      { value: 'a' },
      { fires: true, message: FIRES },
    ],
    [
      'a minimum above 0 and no score',
      known({ threatMinScore: 40 }),
      { value: 'a', score: null },
      {
        fires: 'unknown',
        message:
          'This scope raises threats only from indicators scored at least 40 (threatMinScore) and this IOC has no score, so whether it would raise a threat is unknown.',
      },
    ],
    [
      'excluded wins over a low score',
      known({ threatMinScore: 70, excludeTii: ['a'], excludeTiiTotal: 1 }),
      { value: 'a', score: 10 },
      expect.objectContaining({ why: 'excluded' }),
    ],
    [
      'a cut exclusion list that holds the value',
      known({ excludeTii: ['a', 'b'], excludeTiiTotal: 1200 }),
      { value: 'b' },
      expect.objectContaining({ fires: false, why: 'excluded' }),
    ],
    [
      'a cut exclusion list without the value',
      known({ excludeTii: ['a', 'b'], excludeTiiTotal: 1200 }),
      { value: 'https://c.example/x', type: 'URL' },
      {
        fires: 'unknown',
        message:
          'This scope lists 1,200 Threat Intelligence exclusions and the extension keeps the first 2; this URL is not among them, so whether this IOC would raise a threat is unknown.',
      },
    ],
    [
      'not read yet (null)',
      null,
      { value: 'a' },
      {
        fires: 'unknown',
        message:
          "This scope's Threat Intelligence settings have not been read yet (each sync reads them), so whether this IOC would raise a threat is unknown. It will be stored either way.",
      },
    ],
    [
      'a status saved before the field existed (undefined)',
      undefined,
      { value: 'a' },
      expect.objectContaining({ fires: 'unknown', message: expect.stringMatching(/have not been read yet/) }),
    ],
    [
      'a token without the permission',
      unknown('forbidden'),
      { value: 'a' },
      {
        fires: 'unknown',
        message:
          "The API token may not read this scope's Threat Intelligence settings (the console answered 403), so whether this IOC would raise a threat is unknown. It will be stored either way.",
      },
    ],
    [
      'a console without the endpoint',
      unknown('not-found'),
      { value: 'a' },
      expect.objectContaining({ fires: 'unknown', message: expect.stringMatching(/answered 404/) }),
    ],
    [
      'a failed read, in its own words',
      unknown('failed', 'The console did not answer in time.'),
      { value: 'a' },
      expect.objectContaining({
        fires: 'unknown',
        message: expect.stringMatching(
          /^The last sync could not read .*\(The console did not answer in time\.\)/,
        ),
      }),
    ],
  ])('%s', (_, fire, question, expected) => {
    expect(willItFire(fire, question)).toEqual(expected);
  });

  it.each<[string, FireStatus | null]>([
    ['fires', base],
    ['disabled', known({ disableThreat: true })],
    ['excluded', known({ excludeTii: ['a'], excludeTiiTotal: 1 })],
    ['below the minimum', known({ threatMinScore: 90 })],
    ['unknown', null],
  ])('never says a TI IOC blocks (%s)', (_, fire) => {
    const { message } = willItFire(fire, { value: 'a', score: 10 });
    expect(message).not.toMatch(/will block|blocks it|is blocked/i);
  });
});
