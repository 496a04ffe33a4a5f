import { describe, expect, it } from 'vitest';
import { S1Error } from '../../../lib/s1/errors';
import { backoffDelay, mayRetry, toQueryParams } from '../../../lib/s1/http';

describe('toQueryParams', () => {
  it.each([
    [{}, {}],
    [{ accountIds: ['1', '2'] }, { accountIds: '1,2' }],
    [{ accountIds: [] }, {}],
    [
      { limit: 1000, countOnly: true, value: 'a,b' },
      { limit: '1000', countOnly: 'true', value: 'a,b' },
    ],
    [{ cursor: undefined, type: 'DNS' }, { type: 'DNS' }],
  ])('serialises %j', (query, expected) => {
    expect(toQueryParams(query)).toEqual(expected);
  });
});

describe('backoffDelay', () => {
  const error = new S1Error('server', 'x');
  it.each([
    [1, 0, 250],
    [1, 1, 500],
    [2, 0, 500],
    [3, 1, 2000],
    [5, 1, 8000],
    [9, 1, 8000],
  ])('attempt %i with random %d waits %i ms', (attempt, random, expected) => {
    expect(backoffDelay(attempt, error, () => random)).toBe(expected);
  });

  it.each([
    [2, 2000],
    [0, 0],
    [3600, 60_000],
  ])('honours Retry-After %i s as %i ms', (seconds, expected) => {
    expect(backoffDelay(1, new S1Error('rate-limited', 'x', { retryAfterSeconds: seconds }), () => 1)).toBe(
      expected,
    );
  });
});

describe('mayRetry', () => {
  it.each([
    ['GET', 'server', true],
    ['GET', 'timeout', true],
    ['GET', 'network', true],
    ['GET', 'truncated', true],
    ['GET', 'rate-limited', true],
    ['GET', 'token-invalid', false],
    ['GET', 'not-json', false],
    ['POST', 'rate-limited', true],
    ['POST', 'server', false],
    ['POST', 'timeout', false],
    ['POST', 'network', false],
    ['POST', 'truncated', false],
    ['DELETE', 'rate-limited', true],
    ['DELETE', 'server', false],
    ['DELETE', 'timeout', false],
    ['PUT', 'rate-limited', true],
    ['PUT', 'server', false],
    ['PUT', 'network', false],
  ] as const)('%s after %s: %s', (method, kind, expected) => {
    expect(mayRetry(method, new S1Error(kind, 'x'))).toBe(expected);
  });
});
