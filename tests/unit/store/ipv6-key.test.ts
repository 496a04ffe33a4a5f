import { describe, expect, it } from 'vitest';
import { validateIoc } from '../../../lib/iocs/validate';
import { valueKey } from '../../../lib/store/ioc-chunks';
import { canonicalIpv6 } from '../../../lib/store/ipv6-key';

describe('canonicalIpv6', () => {
  it.each<[string, string | null]>([
    ['2001:db8:0:1eb7::0dc4', '2001:db8:0:1eb7::dc4'],
    ['2001:DB8::1', '2001:db8::1'],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:db8:0:0:0:1:0:0', '2001:db8::1:0:0'],
    ['2001:db8:1:1:1:1:1:0', '2001:db8:1:1:1:1:1:0'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['::', '::'],
    ['::1', '::1'],
    ['fe80::', 'fe80::'],
    ['::ffff:192.0.2.128', '::ffff:c000:280'],
    ['1:2:3:4:5:6:7::', '1:2:3:4:5:6:7:0'],
    ['evil.example', null],
    ['https://[2001:db8::1]/x', null],
    ['2001:db8::1::2', null],
    ['2001:db8:1:2:3:4:5:6:7', null],
    ['2001:db8::12345', null],
    ['::ffff:300.0.2.128', null],
    ['d41d8cd98f00b204e9800998ecf8427e', null],
  ])('%s -> %s', (text, canonical) => {
    expect(canonicalIpv6(text)).toBe(canonical);
  });

  it.each([
    '2001:db8:0:1eb7::0dc4',
    '2001:0DB8:0000:0000:0000:0000:0000:0001',
    '2001:db8:0:0:1:0:0:1',
    'fe80:0:0:0:0:0:0:1',
    '2606:4700:4700::1111',
    '0:0:0:0:0:0:0:1',
  ])('agrees with the validator for %s, so a look-up finds an IOC held in any form', (text) => {
    const validated = validateIoc(text, 'IPV6');
    expect(validated.ok).toBe(true);
    if (validated.ok) {
      expect(valueKey(text)).toBe(valueKey(validated.value));
      expect(canonicalIpv6(text)).toBe(validated.value);
    }
  });
});

describe('valueKey', () => {
  it.each<[string, string]>([
    [' Evil.Example ', 'evil.example'],
    ['D41D8CD98F00B204E9800998ECF8427E', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['2001:DB8:0:1EB7::0DC4', '2001:db8:0:1eb7::dc4'],
    ['10.0.0.1', '10.0.0.1'],
    ['https://evil.example/a:b', 'https://evil.example/a:b'],
  ])('%j -> %j', (value, key) => {
    expect(valueKey(value)).toBe(key);
  });
});
