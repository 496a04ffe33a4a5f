import { describe, expect, it } from 'vitest';
import {
  resolveProbe,
  type SavedConsole,
  tokenChoice,
  tokenForConsole,
} from '../../../lib/settings/connection-probe';

const CONSOLE = 'https://usea1-acme.sentinelone.net';
const EVIL = 'https://usea1-acme.sentinelone.net.evil.example';
const SAVED: SavedConsole = { consoleUrl: CONSOLE, apiToken: 'saved-token-1234567890abcd' };

describe('tokenForConsole', () => {
  it.each([
    ['a typed token, the saved console', CONSOLE, 'typed-token-abc', SAVED, 'typed-token-abc'],
    ['a typed token, another console', EVIL, ' typed-token-abc ', SAVED, 'typed-token-abc'],
    ['a typed token, nothing saved', EVIL, 'typed-token-abc', null, 'typed-token-abc'],
    ['no token, the saved console', CONSOLE, undefined, SAVED, SAVED.apiToken],
    ['a blank token, the saved console', CONSOLE, '   ', SAVED, SAVED.apiToken],
  ])('%s: %s', (_case, origin, typed, saved, expected) => {
    expect(tokenForConsole(origin, typed, saved)).toBe(expected);
  });

  it.each([
    [
      'no token, another console',
      EVIL,
      '',
      SAVED,
      `Enter the API token for ${EVIL}: the saved token belongs to ${CONSOLE} and is never sent elsewhere.`,
    ],
    [
      'no token, the same host on another port',
      `${CONSOLE}:8443`,
      undefined,
      SAVED,
      `Enter the API token for ${CONSOLE}:8443: the saved token belongs to ${CONSOLE} and is never sent elsewhere.`,
    ],
    ['no token, nothing saved', CONSOLE, undefined, null, 'Enter the API token.'],
    [
      'no token, a saved connection without one',
      CONSOLE,
      '',
      { consoleUrl: CONSOLE, apiToken: '' },
      'Enter the API token.',
    ],
  ])('%s is refused', (_case, origin, typed, saved, message) => {
    expect(() => tokenForConsole(origin, typed, saved)).toThrow(message);
  });
});

describe('tokenChoice (the Settings page, which knows only whether a token is saved)', () => {
  const HINT = { consoleUrl: CONSOLE, hasToken: true };
  it.each([
    ['a typed token, another console', EVIL, ' typed-token-abc ', HINT, { typed: 'typed-token-abc' }],
    ['no token, the saved console', CONSOLE, '', HINT, { saved: true }],
    ['no token, another console', EVIL, '', HINT, /the saved token belongs to/],
    [
      'no token, the saved console without a saved token',
      CONSOLE,
      '',
      { ...HINT, hasToken: false },
      /^Enter the API token\.$/,
    ],
    ['no token, nothing saved', CONSOLE, undefined, null, /^Enter the API token\.$/],
  ])('%s', (_case, origin, typed, saved, expected) => {
    if (expected instanceof RegExp) expect(() => tokenChoice(origin, typed, saved)).toThrow(expected);
    else expect(tokenChoice(origin, typed, saved)).toEqual(expected);
  });
});

describe('resolveProbe', () => {
  const deps = (saved: SavedConsole | null) => ({ savedConnection: async () => saved });

  it.each([
    [
      'a typed token',
      { consoleUrl: `${EVIL}/web/api/v2.1/`, apiToken: 'typed-token-abc', accountId: '42' },
      SAVED,
      { consoleUrl: EVIL, apiToken: 'typed-token-abc', accountId: '42' },
    ],
    [
      'the saved console, written as the browser shows it',
      { consoleUrl: `${CONSOLE}/incidents`, accountId: '42' },
      SAVED,
      { consoleUrl: CONSOLE, apiToken: SAVED.apiToken, accountId: '42' },
    ],
    [
      'the saved console, without https://',
      { consoleUrl: 'usea1-acme.sentinelone.net' },
      SAVED,
      { consoleUrl: CONSOLE, apiToken: SAVED.apiToken },
    ],
  ])('%s', async (_case, probe, saved, expected) => {
    expect(await resolveProbe(probe, deps(saved))).toEqual(expected);
  });

  it.each([
    [
      'another console without a token',
      { consoleUrl: EVIL },
      SAVED,
      /Enter the API token for https:\/\/usea1-acme\.sentinelone\.net\.evil\.example: the saved token belongs to/,
    ],
    ['no token and no saved connection', { consoleUrl: CONSOLE }, null, /^Enter the API token\.$/],
    [
      'a console over http',
      { consoleUrl: 'http://usea1-acme.sentinelone.net' },
      SAVED,
      /must be reached over https/,
    ],
    [
      'a console URL that is not a string',
      { consoleUrl: 42 as unknown as string },
      SAVED,
      /Enter the console URL/,
    ],
    [
      'a token that is not a string',
      { consoleUrl: EVIL, apiToken: {} as unknown as string },
      SAVED,
      /Enter the API token for/,
    ],
  ])('%s is refused', async (_case, probe, saved, message) => {
    await expect(resolveProbe(probe, deps(saved))).rejects.toThrow(message);
  });
});
