import { describe, expect, it } from 'vitest';
import { ConnectionSchema, normalizeConsoleUrl } from '../../../config/connection';

describe('normalizeConsoleUrl', () => {
  it.each([
    ['https://usea1-acme.sentinelone.net', 'https://usea1-acme.sentinelone.net'],
    ['https://euce1-777.sentinelone.net/web/api/v2.1/', 'https://euce1-777.sentinelone.net'],
    ['  usea1-acme.sentinelone.net  ', 'https://usea1-acme.sentinelone.net'],
    ['HTTPS://USEA1-ACME.SentinelOne.net/#/dashboard', 'https://usea1-acme.sentinelone.net'],
    ['https://s1.example.com:8443/', 'https://s1.example.com:8443'],
  ])('reads %j as %j', (input, origin) => {
    expect(normalizeConsoleUrl(input)).toEqual({ ok: true, origin });
  });

  it.each([
    ['', /Enter the console URL/],
    ['http://usea1-acme.sentinelone.net', /over https/],
    ['ftp://usea1-acme.sentinelone.net', /over https/],
    ['https://user:pw@usea1-acme.sentinelone.net', /user name and password/],
    ['https://localhost', /not a console host name/],
    ['https://exa mple.com', /is not a URL/],
    ['not a url at all', /is not a URL/],
    ['https://exa_mple.com', /is not a URL/],
  ])('refuses %j', (input, reason) => {
    const result = normalizeConsoleUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('ConnectionSchema', () => {
  const valid = {
    consoleUrl: 'https://usea1-acme.sentinelone.net',
    apiToken: 'abc',
    accountId: '2163822725049635476',
  };

  it('fills the optional fields', () => {
    expect(ConnectionSchema.parse(valid)).toEqual({
      ...valid,
      accountName: '',
      creatorEmail: '',
      tagPrefix: '',
    });
  });

  it.each([
    [{ consoleUrl: 'https://usea1-acme.sentinelone.net/web/api/v2.1/' }, /https origin/],
    [{ apiToken: '   ' }, /Enter the API token/],
    [{ accountId: 'acme' }, /account id is a number/],
  ])('refuses %j', (change, message) => {
    const result = ConnectionSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(message);
  });
});
