import { describe, expect, it } from 'vitest';
import {
  type FireNotice,
  fireFlagger,
  fireNotice,
  fireNoticeAcross,
  THREATS_OFF_TEXT,
} from '../../../lib/iocs/fire-notes';
import type { FireQuestion } from '../../../lib/iocs/will-it-fire';
import type { FireStatus } from '../../../lib/sync/fire-status';

const base: FireStatus = {
  state: 'known',
  accountKey: 'K',
  disableThreat: false,
  excludeTii: [],
  excludeTiiTotal: 0,
  threatMinScore: null,
};
const known = (change: Partial<Extract<FireStatus, { state: 'known' }>>): FireStatus => ({
  ...base,
  ...change,
});
const unknown = (reason: 'forbidden' | 'not-found' | 'failed'): FireStatus => ({
  state: 'unknown',
  accountKey: 'K',
  reason,
  message: 'x',
});
const BLOCK_WORDS = /\bblock(s|ed)?\b|\bprevent|\bstop(s|ped)?\b/i;

describe('fireNotice', () => {
  it.each<[string, FireStatus | null | undefined, FireNotice | null]>([
    ['not read yet', null, null],
    ['absent', undefined, null],
    ['the defaults', base, null],
    ['values excluded, threats on', known({ excludeTii: ['a.example'], excludeTiiTotal: 1 }), null],
    ['threats off', known({ disableThreat: true }), { kind: 'off', text: THREATS_OFF_TEXT }],
    [
      'a token without the permission',
      unknown('forbidden'),
      {
        kind: 'unknown',
        text: 'Whether new IOCs raise a threat in this scope is unknown: the API token may not read its Threat Intelligence settings.',
      },
    ],
    [
      'a console without the endpoint',
      unknown('not-found'),
      {
        kind: 'unknown',
        text: 'Whether new IOCs raise a threat in this scope is unknown: this console does not offer the Threat Intelligence settings.',
      },
    ],
    [
      'a failed read',
      unknown('failed'),
      {
        kind: 'unknown',
        text: 'Whether new IOCs raise a threat in this scope is unknown: the last sync could not read its Threat Intelligence settings.',
      },
    ],
  ])('%s', (_name, fire, expected) => {
    const notice = fireNotice(fire);
    expect(notice).toEqual(expected);
    expect(notice?.text ?? '').not.toMatch(BLOCK_WORDS);
  });
});

describe('fireNoticeAcross', () => {
  it.each<[string, { label: string; fire: FireStatus | null }[], string | null]>([
    ['no tenants', [], null],
    [
      'threats on everywhere',
      [
        { label: 'Acme', fire: base },
        { label: 'Globex', fire: null },
      ],
      null,
    ],
    [
      'one tenant off',
      [
        { label: 'Acme', fire: base },
        { label: 'Globex', fire: known({ disableThreat: true }) },
      ],
      'Threat Intelligence threats are turned off in Globex: new IOCs there are stored but raise no threat.',
    ],
    [
      'two off, one unknown',
      [
        { label: 'Acme', fire: known({ disableThreat: true }) },
        { label: 'Initech', fire: unknown('forbidden') },
        { label: 'Globex', fire: known({ disableThreat: true }) },
      ],
      'Threat Intelligence threats are turned off in Acme, Globex: new IOCs there are stored but raise no threat.',
    ],
  ])('%s', (_name, tenants, expected) => {
    expect(fireNoticeAcross(tenants)).toBe(expected);
  });
});

describe('fireFlagger', () => {
  const excluded = known({ excludeTii: ['Evil.Example', ' 10.0.0.1 '], excludeTiiTotal: 2 });
  it.each<[string, FireStatus | null, FireQuestion, string | null]>([
    ['not read yet', null, { value: 'evil.example' }, null],
    ['unknown', unknown('failed'), { value: 'evil.example' }, null],
    [
      'threats off: the page says it once',
      known({ disableThreat: true, excludeTii: ['evil.example'] }),
      { value: 'evil.example' },
      null,
    ],
    ['an excluded domain, another case', excluded, { value: 'EVIL.example ', type: 'DNS' }, 'excluded'],
    ['an excluded address, spaces around', excluded, { value: '10.0.0.1', type: 'IPV4' }, 'excluded'],
    ['a value not excluded', excluded, { value: 'good.example', type: 'DNS' }, null],
    [
      'below the minimum score',
      known({ threatMinScore: 50 }),
      { value: 'x.example', score: 20 },
      'below-min-score',
    ],
    ['at the minimum score', known({ threatMinScore: 50 }), { value: 'x.example', score: 50 }, null],
    [
      'no score, a minimum: unknown, not flagged',
      known({ threatMinScore: 50 }),
      { value: 'x.example' },
      null,
    ],
  ])('%s', (_name, fire, question, why) => {
    const flag = fireFlagger(fire)(question);
    expect(flag?.why ?? null).toBe(why);
  });

  it.each([
    [
      'excluded',
      { value: 'evil.example', type: 'DNS' as const },
      'Excluded: will not raise a threat',
      /This domain is in the scope's Threat Intelligence exclusions/,
    ],
    [
      'below',
      { value: 'x.example', score: 20 },
      'Below the minimum score: not expected to raise a threat',
      /scored at least 50/,
    ],
  ])('the %s flag says what the console does', (_name, question, label, sentence) => {
    const flag = fireFlagger(known({ excludeTii: ['evil.example'], excludeTiiTotal: 1, threatMinScore: 50 }))(
      question,
    );
    expect(flag?.label).toBe(label);
    expect(label.startsWith(flag?.mark.replace('min.', 'the minimum') ?? '-')).toBe(true);
    expect(flag?.description).toMatch(sentence);
    expect(`${flag?.label}`).not.toMatch(BLOCK_WORDS);
  });
});
