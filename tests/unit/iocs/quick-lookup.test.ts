import { describe, expect, it } from 'vitest';
import { quickAnswers, quickTokens } from '../../../lib/iocs/quick-lookup';
import { makeIoc } from './fixtures';

describe('quickTokens', () => {
  it.each<[string, string[]]>([
    ['evil.com', ['evil.com']],
    ['evil[.]com, 1.2.3[.]4', ['evil.com', '1.2.3.4']],
    ['"evil.com" (1.2.3.4).', ['evil.com', '1.2.3.4']],
    ['a | b ; c\nd', ['a', 'b', 'c', 'd']],
    ['hxxps://x[.]com/a', ['https://x.com/a']],
    ['evil.com evil.com', ['evil.com']],
    ['  ', []],
  ])('%j → %j', (text, expected) => {
    expect(quickTokens(text)).toEqual(expected);
  });
});

describe('quickAnswers', () => {
  const dns = makeIoc({ uuid: 'u1', value: 'evil.com', type: 'DNS' });
  const dnsOtherSource = makeIoc({ uuid: 'u2', value: 'EVIL.com', type: 'DNS', source: 'Feed_B' });
  const md5 = makeIoc({ uuid: 'u3', value: '0123456789abcdef0123456789abcdef', type: 'MD5' });
  it.each<[string, string[], string[]]>([
    ['only what the cache holds, in token order', ['nope.org', 'evil.com'], ['evil.com:u1,u2']],
    ['case-insensitively, once per value', ['EVIL.COM', 'evil.com'], ['evil.com:u1,u2']],
    ['a hash in upper case', ['0123456789ABCDEF0123456789ABCDEF'], ['0123456789abcdef0123456789abcdef:u3']],
    ['nothing for an empty text', [], []],
  ])('%s', (_name, tokens, expected) => {
    const answers = quickAnswers(tokens, [dns, dnsOtherSource, md5]);
    expect(answers.map((a) => `${a.value}:${a.matches.map((m) => m.uuid).join(',')}`)).toEqual(expected);
    expect(answers.every((a) => a.state === 'in-s1')).toBe(true);
  });
});
