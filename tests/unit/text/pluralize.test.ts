import { describe, expect, it } from 'vitest';
import { pluralize } from '../../../lib/text/pluralize';

describe('pluralize', () => {
  it.each([
    [0, 'IOC', undefined, '0 IOCs'],
    [1, 'IOC', undefined, '1 IOC'],
    [2, 'IOC', undefined, '2 IOCs'],
    [1_000_000, 'IOC', undefined, '1,000,000 IOCs'],
    [1, 'hash', 'hashes', '1 hash'],
    [3, 'hash', 'hashes', '3 hashes'],
    [1, 'Blocklist item', undefined, '1 Blocklist item'],
    [-1, 'day', undefined, '-1 days'],
  ] as const)('%d %s → %s', (count, singular, plural, expected) => {
    expect(pluralize(count, singular, plural)).toBe(expected);
  });
});
