/**
 * How the extension names, describes and reads back its own Firewall Control rules: the name finds a
 * value's rule, the description carries the expiry the extension enforces.
 */
import { describe, expect, it } from 'vitest';
import {
  FIREWALL_RULE_PREFIX,
  firewallRuleDraft,
  isOwnRule,
  ruleDescription,
  ruleExpiry,
  ruleNameFor,
  ruleTarget,
  surplusRules,
  withExpiry,
} from '../../../lib/blocks/firewall-rules';

const UNTIL = '2026-12-31T12:00:00Z';

describe('firewallRuleDraft', () => {
  it.each([
    ['evil.example.com', 'DNS', { type: 'fqdn', values: ['evil.example.com'] }],
    ['203.0.113.7', 'IPV4', { type: 'addresses', values: ['203.0.113.7'] }],
    ['203.0.113.0/24', 'IPV4', { type: 'cidr', values: ['203.0.113.0/24'] }],
    ['2001:db8::7', 'IPV6', { type: 'addresses', values: ['2001:db8::7'] }],
    ['2001:db8::/32', 'IPV6', { type: 'cidr', values: ['2001:db8::/32'] }],
  ] as const)('blocks %s (%s) outbound on every OS as %o', (value, type, remoteHost) => {
    const draft = firewallRuleDraft({ value, type, creator: 'ana@acme.example', validUntil: UNTIL });
    expect(draft).toEqual({
      name: `S1 IOC Manager: ${value}`,
      description: 'Blocked by ana@acme.example with S1 IOC Manager. [expires 2026-12-31T12:00:00.000Z]',
      action: 'Block',
      status: 'Enabled',
      direction: 'outbound',
      osTypes: ['windows', 'macos', 'linux'],
      remoteHosts: [remoteHost],
    });
    // What it writes, it reads back.
    const rule = { id: '1', ...draft };
    expect(isOwnRule(rule)).toBe(true);
    expect(ruleTarget(rule)).toEqual({ value, type });
    expect(ruleExpiry(rule)).toBe('2026-12-31T12:00:00.000Z');
  });
});

describe('ruleDescription and ruleExpiry', () => {
  it.each([
    [
      { creator: 'ana', validUntil: UNTIL },
      'Blocked by ana with S1 IOC Manager. [expires 2026-12-31T12:00:00.000Z]',
    ],
    [
      { creator: 'ana', validUntil: '2027-01-01T00:00:00+02:00', note: ' Phishing wave 12 ' },
      'Blocked by ana with S1 IOC Manager. Phishing wave 12 [expires 2026-12-31T22:00:00.000Z]',
    ],
    [
      { creator: 'ana', validUntil: UNTIL, note: '   ' },
      'Blocked by ana with S1 IOC Manager. [expires 2026-12-31T12:00:00.000Z]',
    ],
  ])('%o -> %s', (input, description) => {
    expect(ruleDescription(input)).toBe(description);
    expect(ruleExpiry({ description })).toBe(new Date(input.validUntil).toISOString());
  });

  it('refuses a validity that is not a date rather than write one the sync cannot read back', () => {
    expect(() => ruleDescription({ creator: 'ana', validUntil: 'next week' })).toThrow(/Not a date/);
  });

  it.each([
    [null, null],
    ['', null],
    ['Blocked by hand', null],
    ['[expires soon]', null],
    // Only a tag at the end counts: an analyst's text in the middle does not set the expiry.
    ['[expires 2026-01-01T00:00:00.000Z] and then edited', null],
    ['note [expires 2026-01-01T00:00:00.000Z]  ', '2026-01-01T00:00:00.000Z'],
  ])('reads the expiry of %o as %o', (description, expiry) => {
    expect(ruleExpiry({ description })).toBe(expiry);
  });
});

describe('withExpiry', () => {
  it.each([
    [
      'Blocked by ana with S1 IOC Manager. Wave 12 [expires 2026-01-01T00:00:00.000Z]',
      'Blocked by ana with S1 IOC Manager. Wave 12 [expires 2026-12-31T12:00:00.000Z]',
    ],
    ['Blocked by hand', 'Blocked by hand [expires 2026-12-31T12:00:00.000Z]'],
    [null, '[expires 2026-12-31T12:00:00.000Z]'],
  ])('moves the expiry of %o and keeps the rest', (before, after) => {
    expect(withExpiry(before, UNTIL)).toBe(after);
  });
});

describe('isOwnRule and ruleTarget', () => {
  it.each([
    [
      {
        name: ruleNameFor('evil.example.com'),
        remoteHosts: [{ type: 'fqdn', values: ['evil.example.com'] }],
      },
      true,
      { value: 'evil.example.com', type: 'DNS' },
    ],
    // Someone else's rule, even for the same value, is never the extension's to renew or remove.
    [{ name: 'Block evil', remoteHosts: [{ type: 'fqdn', values: ['evil.example.com'] }] }, false, null],
    [{ name: `x ${FIREWALL_RULE_PREFIX}evil.example.com`, remoteHosts: [] }, false, null],
    [{ name: ruleNameFor('10.0.0.1'), remoteHosts: [] }, true, null],
    [{ name: ruleNameFor('10.0.0.1'), remoteHosts: null }, true, null],
    [
      {
        name: ruleNameFor('10.0.0.1-10.0.0.9'),
        remoteHosts: [{ type: 'range', values: ['10.0.0.1-10.0.0.9'] }],
      },
      true,
      null,
    ],
  ])('%o: own %s, target %o', (rule, own, target) => {
    expect(isOwnRule(rule)).toBe(own);
    expect(ruleTarget(rule)).toEqual(target);
  });
});

describe('surplusRules: one rule per value is kept', () => {
  const rule = (id: string, value: string, until: string | null, createdAt: string) => ({
    id,
    name: ruleNameFor(value),
    description: until ? `Blocked by a with S1 IOC Manager. [expires ${until}]` : 'no expiry',
    createdAt,
  });
  it.each<[string, ReturnType<typeof rule>[], string[]]>([
    ['one each', [rule('1', 'a.example', UNTIL, 'T1'), rule('2', 'b.example', UNTIL, 'T1')], []],
    [
      'the later expiry stays',
      [rule('1', 'a.example', '2026-12-01T00:00:00Z', 'T1'), rule('2', 'a.example', UNTIL, 'T2')],
      ['1'],
    ],
    [
      'equal expiry: the older stays',
      [rule('5', 'a.example', UNTIL, 'T2'), rule('4', 'a.example', UNTIL, 'T1')],
      ['5'],
    ],
    [
      'an unreadable expiry goes first',
      [rule('1', 'a.example', null, 'T1'), rule('2', 'a.example', UNTIL, 'T2')],
      ['1'],
    ],
    [
      'names compare in any case',
      [rule('1', 'A.example', UNTIL, 'T1'), rule('2', 'a.example', UNTIL, 'T2')],
      ['2'],
    ],
    [
      'three of one value',
      [
        rule('1', 'a.example', UNTIL, 'T1'),
        rule('2', 'a.example', UNTIL, 'T2'),
        rule('3', 'a.example', UNTIL, 'T3'),
      ],
      ['2', '3'],
    ],
    [
      "others' rules are never surplus",
      [
        { ...rule('1', 'a.example', UNTIL, 'T1'), name: 'Corp: a.example' },
        { ...rule('2', 'a.example', UNTIL, 'T2'), name: 'Corp: a.example' },
      ],
      [],
    ],
  ])('%s', (_name, rules, surplus) => {
    expect(
      surplusRules(rules)
        .map((r) => r.id)
        .sort(),
    ).toEqual(surplus);
  });
});
