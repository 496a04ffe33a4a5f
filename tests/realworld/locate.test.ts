import { describe, expect, it } from 'vitest';
import type { IocType } from '../../lib/s1/schemas';
import { locate, reportLines, shorten } from './locate';

const report = [
  'Intro line without values.',
  '| hash | name |',
  'C2: hxxp://relay[.]example[.]net:8080 was seen',
  'Payload at fetch.example.org/stage2.bin',
].join('\r\n');

describe('locate', () => {
  it.each<[IocType, string, number, string]>([
    ['URL', 'http://relay.example.net:8080/', 3, 'C2: http://relay.example.net:8080 was seen'],
    ['URL', 'http://fetch.example.org/stage2.bin', 4, 'Payload at fetch.example.org/stage2.bin'],
    ['DNS', 'RELAY.example.net', 3, 'C2: http://relay.example.net:8080 was seen'],
    ['IPV4', '192.0.2.77', 0, ''],
  ])('%s %s is on line %i', (type, value, line, text) => {
    expect(locate(reportLines(report), type, value)).toEqual({ line, text });
  });
});

describe('shorten', () => {
  it('keeps a short line whole, trimmed', () => {
    expect(shorten('   short  ', 3, 8)).toBe('short');
  });

  it('cuts a long line around the match, marking both cuts', () => {
    const line = `${'a'.repeat(100)}MATCH${'b'.repeat(100)}`;
    const out = shorten(line, 100, 105, 25);
    expect(out).toBe(`…${'a'.repeat(10)}MATCH${'b'.repeat(10)}…`);
  });
});
