/** The secret scanner's text search: each form of a planted token is found, clean text is not flagged. */
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { base64Forms, findSecrets, type SecretForm } from './secret-text';

const TOKEN = 'sim-token-default-7c1e9a52f04b4d3e8a6b2f19c0d7e38a5b41f6c2d9e0a7b3';
const forms = (text: string, secrets: string[] = [TOKEN]) =>
  findSecrets('here', text, secrets).map((f): [SecretForm, number] => [f.form, f.count]);

describe('findSecrets', () => {
  it.each<[string, string, Array<[SecretForm, number]>]>([
    ['clean text', 'The API token is invalid or has expired (HTTP 401).', []],
    ['the token', `token=${TOKEN}`, [['whole', 1]]],
    ['its ApiToken and Bearer forms, twice', `ApiToken ${TOKEN}\nBearer ${TOKEN}`, [['whole', 2]]],
    ['in JSON', JSON.stringify({ connection: { apiToken: TOKEN } }), [['whole', 1]]],
    ['cut short in a log line', `Authorization: ApiToken ${TOKEN.slice(0, 30)}…`, [['part', 15]]],
    ['its tail alone', `…${TOKEN.slice(-20)}`, [['part', 5]]],
    ['base64 on its own', Buffer.from(TOKEN).toString('base64'), [['base64', 1]]],
    ['base64 inside a header', Buffer.from(`user:${TOKEN}`).toString('base64'), [['base64', 1]]],
    ['base64 after one byte', Buffer.from(`x${TOKEN}!`).toString('base64'), [['base64', 1]]],
  ])('%s', (_, text, expected) => {
    expect(forms(text)).toEqual(expected);
  });

  it('counts no part of a whole occurrence again', () => {
    expect(forms(`${TOKEN} and ${TOKEN.slice(0, 16)}`)).toEqual([
      ['whole', 1],
      ['part', 1],
    ]);
  });

  it('ignores secrets too short to be tokens, and finds each secret of several', () => {
    expect(forms('x marks the spot', ['x'])).toEqual([]);
    expect(forms(`a not-a-real-token b ${TOKEN}`, ['not-a-real-token', TOKEN])).toEqual([
      ['whole', 1],
      ['whole', 1],
    ]);
  });

  it('masks the secret in the context it reports', () => {
    const [finding] = findSecrets('log', `GET /iocs?t=${TOKEN} 200`, [TOKEN]);
    expect(finding).toMatchObject({ place: 'log', context: 'GET /iocs?t=«SECRET» 200' });
  });
});

describe('base64Forms', () => {
  it('is found in the encoding of any longer text holding the secret', () => {
    for (const prefix of ['', 'a', 'ab', 'abc', 'abcd']) {
      const encoded = Buffer.from(`${prefix}${TOKEN}tail`).toString('base64');
      expect(base64Forms(TOKEN).some((form) => encoded.includes(form))).toBe(true);
    }
  });
});
