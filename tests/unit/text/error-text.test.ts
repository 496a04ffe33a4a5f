import { describe, expect, it } from 'vitest';
import { S1Error } from '../../../lib/s1/errors';
import { errorText } from '../../../lib/text/error-text';

const circular: Record<string, unknown> = {};
circular.self = circular;

describe('errorText', () => {
  it.each([
    ['an Error', new Error('The console did not answer'), 'The console did not answer'],
    ['a TypeError', new TypeError('Failed to fetch'), 'Failed to fetch'],
    ['an Error without a message', new RangeError(''), 'RangeError'],
    ['a message-like object (a rejection across messaging)', { message: 'Token expired' }, 'Token expired'],
    ['an object with an empty message', { message: '' }, '{"message":""}'],
    ['a string', 'quota exceeded', 'quota exceeded'],
    ['a number', 404, '404'],
    ['undefined', undefined, 'Unknown error'],
    ['null', null, 'Unknown error'],
    ['an empty string', '', 'Unknown error'],
    ['a plain object', { code: 4030010 }, '{"code":4030010}'],
    ['an object that cannot be serialised', circular, '[object Object]'],
  ])('%s', (_, error, expected) => {
    expect(errorText(error)).toBe(expected);
  });

  it('keeps the wording of our own S1Error', () => {
    const error = new S1Error('token-invalid', 'The API token was refused (401).');
    expect(errorText(error)).toBe(error.message);
  });
});
