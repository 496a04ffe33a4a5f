import { describe, expect, it } from 'vitest';
import {
  errorFromResponse,
  isTransient,
  parseBadItems,
  parseRetryAfter,
  S1Error,
} from '../../../lib/s1/errors';
import { loadFixture } from '../../simulator/fixtures';

const origin = 'https://usea1-test.sentinelone.net';

describe('errorFromResponse', () => {
  it.each([
    [
      401,
      'error-401.authentication-failed.json',
      'token-invalid',
      4010010,
      /invalid or has expired \(HTTP 401\)/,
    ],
    [
      403,
      'error-403.multi-scope-user.json',
      'multi-scope-token',
      4030010,
      /spans several accounts: create one at account or site scope/,
    ],
    [
      500,
      'error-500.internal-server-error.json',
      'server',
      5000010,
      /HTTP 500: Internal server error: Server could not process the request\./,
    ],
    [400, 'error-400.invalid-cursor.json', 'invalid-cursor', 4000010, /refused the paging cursor/],
    [
      400,
      'error-400.invalid-identifier.json',
      'bad-request',
      4000020,
      /HTTP 400: Invalid Identifier: Account ID/,
    ],
    [
      400,
      'error-400.validation-error.restrictions.json',
      'bad-request',
      4000010,
      /Validation Error: siteIds: 0: Must be/,
    ],
  ])('maps HTTP %i with %s to a %s error', (status, fixture, kind, code, message) => {
    const error = errorFromResponse(status, loadFixture(fixture), { origin });
    expect(error).toBeInstanceOf(S1Error);
    expect(error).toMatchObject({ kind, status, code });
    expect(error.message).toMatch(message);
  });

  it.each([
    [
      403,
      { errors: [{ code: 4030000, title: 'Insufficient permissions', detail: null }] },
      'forbidden',
      /Threat Intelligence View to list IOCs and Manage/,
    ],
    [
      404,
      { errors: [{ code: 4040000, title: 'Not Found' }] },
      'not-found',
      /has no SentinelOne API at this address \(HTTP 404\)/,
    ],
    [
      429,
      { errors: [{ code: 4290010, title: 'Too Many Requests' }] },
      'rate-limited',
      /limiting the request rate \(HTTP 429\)/,
    ],
    [502, undefined, 'server', /failed to answer \(HTTP 502\)/],
    [418, {}, 'bad-request', /answered HTTP 418/],
  ])('maps HTTP %i to a %s error', (status, body, kind, message) => {
    const error = errorFromResponse(status, body, { origin });
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(message);
  });

  const denied = { errors: [{ code: 4030000, title: 'Insufficient permissions', detail: null }] };
  it.each([
    [
      undefined,
      'forbidden',
      "The token's user lacks the Threat Intelligence permission for this (HTTP 403: Insufficient permissions). It needs Threat Intelligence View to list IOCs and Manage to create or delete them.",
    ],
    [
      'ti',
      'forbidden',
      "The token's user lacks the Threat Intelligence permission for this (HTTP 403: Insufficient permissions). It needs Threat Intelligence View to list IOCs and Manage to create or delete them.",
    ],
    [
      'blocklist',
      'forbidden',
      'The token\'s user lacks the Blocklist permission for this (HTTP 403: Insufficient permissions). It needs Blacklist.view to list the Blocklist, Blacklist.create to block a hash and Blacklist.delete to unblock one (the console names the feature "Blocklist", the API "Blacklist").',
    ],
    [
      'firewall',
      'firewall-unavailable',
      'Firewall Control is not available to this token: the console needs the Control SKU and the user Firewall Control permissions (HTTP 403: Insufficient permissions).',
    ],
  ] as const)('a 403 on feature %s is %s, naming what is missing', (feature, kind, message) => {
    const error = errorFromResponse(403, denied, { origin, feature });
    expect(error).toMatchObject({ kind, status: 403, code: 4030000 });
    expect(error.message).toBe(message);
  });

  it.each(['ti', 'blocklist', 'firewall'] as const)(
    'a multi-scope 403 on feature %s still says to use a single-account token',
    (feature) => {
      expect(
        errorFromResponse(403, loadFixture('error-403.multi-scope-user.json'), { origin, feature }).kind,
      ).toBe('multi-scope-token');
    },
  );

  it('4000030 is already-exists, not a failure the analyst must act on', () => {
    const body = { errors: [{ code: 4000030, title: 'Already Exists Error', detail: null }] };
    const error = errorFromResponse(400, body, { origin, feature: 'blocklist' });
    expect(error).toMatchObject({ kind: 'already-exists', status: 400, code: 4000030 });
    expect(error.message).toBe('Already on the Blocklist.');
  });

  it('says when to retry a 429 that came with Retry-After', () => {
    const error = errorFromResponse(429, undefined, { origin, retryAfterSeconds: 7 });
    expect(error.retryAfterSeconds).toBe(7);
    expect(error.message).toMatch(/Retry after 7 s\./);
  });

  it('lists the refused items of a POST, shifted to the caller’s indexes', () => {
    const body = {
      errors: [
        {
          code: 4000010,
          title: 'Validation Error',
          detail: "data: 2: value: Not a valid IPV4 value: '300.1.1.1'; data: 4: value: hashes_empty_file",
        },
      ],
    };
    expect(errorFromResponse(400, body, { origin, batchOffset: 1000 }).badItems).toEqual([
      { index: 1002, field: 'value', message: "Not a valid IPV4 value: '300.1.1.1'" },
      { index: 1004, field: 'value', message: 'hashes_empty_file' },
    ]);
  });
});

describe('parseBadItems', () => {
  it.each([
    ['', []],
    ['Something else entirely', []],
    [
      'data: 0: type: Must be one of: DNS, IPV4.',
      [{ index: 0, field: 'type', message: 'Must be one of: DNS, IPV4.' }],
    ],
    [
      "data: 1: value: Not a valid URL value: 'a; b'; data: 3: method: Must be one of: EQUALS.",
      [
        { index: 1, field: 'value', message: "Not a valid URL value: 'a; b'" },
        { index: 3, field: 'method', message: 'Must be one of: EQUALS.' },
      ],
    ],
  ])('reads %j', (detail, expected) => {
    expect(parseBadItems(detail)).toEqual(expected);
  });
});

describe('parseRetryAfter', () => {
  it.each([
    [null, undefined],
    ['', undefined],
    ['3', 3],
    [' 1.5 ', 1.5],
    ['Wed, 21 Oct 2015 07:28:00 GMT', undefined],
    ['-1', undefined],
  ])('reads %j as %j', (header, expected) => {
    expect(parseRetryAfter(header)).toBe(expected);
  });
});

describe('isTransient', () => {
  it.each([
    ['rate-limited', true],
    ['server', true],
    ['timeout', true],
    ['network', true],
    ['truncated', true],
    ['token-invalid', false],
    ['multi-scope-token', false],
    ['forbidden', false],
    ['bad-request', false],
    ['invalid-cursor', false],
    ['not-json', false],
    ['unexpected-shape', false],
    ['already-exists', false],
    ['firewall-unavailable', false],
  ] as const)('%s is transient: %s', (kind, expected) => {
    expect(isTransient(new S1Error(kind, 'x'))).toBe(expected);
  });
});
