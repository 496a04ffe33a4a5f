import { describe, expect, it } from 'vitest';
import { typeNoun } from '../../../lib/iocs/type-noun';

describe('typeNoun', () => {
  it.each([
    ['DNS', 'domain'],
    ['IPV4', 'IP address'],
    ['IPV6', 'IP address'],
    ['MD5', 'hash'],
    ['SHA1', 'hash'],
    ['SHA256', 'hash'],
    ['URL', 'URL'],
    ['EMAIL', 'value'],
    ['', 'value'],
    [undefined, 'value'],
    [null, 'value'],
  ])('%s → %s', (type, expected) => {
    expect(typeNoun(type)).toBe(expected);
  });
});
