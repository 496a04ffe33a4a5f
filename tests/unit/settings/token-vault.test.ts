import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearToken, readToken, saveToken, tokenHint, VAULT_DB } from '../../../lib/settings/token-vault';

const ACME = 'https://usea1-acme.sentinelone.net';
const OTHER = 'https://euce1-other.sentinelone.net';

describe('token vault', () => {
  beforeEach(() => clearToken());

  it('holds nothing at first', async () => {
    expect(await readToken(ACME)).toBeNull();
  });

  it.each([
    ['the console it was saved for', ACME, 'token-acme-0001'],
    ['another console', OTHER, null],
    ['the same host over another port', `${ACME}:8443`, null],
    ['the same host with a trailing slash (not an origin)', `${ACME}/`, null],
    ['an empty URL', '', null],
  ])('gives the token only to %s', async (_label, asked, expected) => {
    await saveToken(ACME, 'token-acme-0001');
    expect(await readToken(asked)).toBe(expected);
  });

  it('keeps one token: saving another console’s replaces it', async () => {
    await saveToken(ACME, 'token-acme-0001');
    await saveToken(OTHER, 'token-other-0002');
    expect(await readToken(ACME)).toBeNull();
    expect(await readToken(OTHER)).toBe('token-other-0002');
  });

  it('forgets the token on clear', async () => {
    await saveToken(ACME, 'token-acme-0001');
    await clearToken();
    expect(await readToken(ACME)).toBeNull();
  });

  it.each([
    ['', 'token'],
    [ACME, ''],
  ])('refuses to save without a console or a token (%j, %j)', async (url, token) => {
    await expect(saveToken(url, token)).rejects.toThrow(/one of them is empty/);
    expect(await readToken(ACME)).toBeNull();
  });

  it('stores the token with its console in its own database, apart from the cache', async () => {
    await saveToken(ACME, 'token-acme-0001');
    const db = await openDB(VAULT_DB);
    expect([...db.objectStoreNames]).toEqual(['token']);
    expect(await db.getAll('token')).toEqual([{ consoleUrl: ACME, token: 'token-acme-0001' }]);
    db.close();
  });

  it.each([
    ['token-0123456789abcdef', '…cdef'],
    ['  spaced-abcd  ', '…abcd'],
    ['abc', '…abc'],
  ])('hints %j as %j', (token, hint) => {
    expect(tokenHint(token)).toBe(hint);
  });
});
