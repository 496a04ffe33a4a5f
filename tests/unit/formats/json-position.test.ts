import { describe, expect, it } from 'vitest';
import { lineAndColumn, parseJsonText } from '../../../lib/formats/json-position';

describe('parseJsonText: where a threat-intel file stops being JSON', () => {
  it.each([
    ['', 'line 1', 'the file is empty'],
    [' \n\t', 'line 1', 'the file is empty'],
    [
      '{"type": "bundle",\n  "id": "bundle--1"\n  "objects": []}',
      'line 3, column 3',
      'expected "," between items',
    ],
    ['{"type": "bundle", "objects": [1, 2,]}', 'line 1, column 37', 'expected a value, found "]"'],
    ['{"a": 1,}', 'line 1, column 9', 'expected a property name in double quotes, found "}"'],
    ["{'type': 'bundle'}", 'line 1, column 2', `JSON does not allow here, found "'type'"`],
    ['{"type": "bundle"', 'line 1, column 18', 'expected "," or "}", found the end of the file'],
    ['[1, 2', 'line 1, column 6', 'expected "," or "]", found the end of the file'],
    ['{"a" 1}', 'line 1, column 6', 'expected ":", found "1"'],
    ['{"a": "line\nbreak"}', 'line 1, column 7', 'expected a closing "'],
    ['{"a": "open}', 'line 1, column 7', 'expected a closing "'],
    ['{"a": "\\x"}', 'line 1, column 7', 'a bad escape'],
    ['{"a": "\\u12"}', 'line 1, column 7', 'a bad \\u escape'],
    ['{"a": 1e}', 'line 1, column 7', 'a number cut short'],
    ['{"a": tru}', 'line 1, column 7', 'found "tru"'],
    ['/* c */ {}', 'line 1, column 1', 'a comment, which JSON does not allow'],
    ['{"a": 1}\r\n{"b": 2}', 'line 2, column 1', 'expected the end of the file, found "{"'],
    ['\uFEFF{"a": 1', 'line 1, column 8', 'found the end of the file'],
  ])('%j → %s: %s', (text, where, message) => {
    const parsed = parseJsonText(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.where).toBe(where);
    expect(parsed.error.message).toContain(message);
  });

  it.each([
    ['{"a": [1, "x", null, true]}', { a: [1, 'x', null, true] }],
    ['\uFEFF[]', []],
    ['  "text"  ', 'text'],
  ])('reads %j', (text, value) => {
    expect(parseJsonText(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['abc', 0, 1, 1],
    ['abc', 2, 1, 3],
    ['a\nbc', 2, 2, 1],
    ['a\r\nbc', 4, 2, 2],
    ['a\n\nb', 3, 3, 1],
  ])('lineAndColumn(%j, %i) is line %i, column %i', (text, offset, line, column) => {
    expect(lineAndColumn(text, offset)).toEqual({ line, column });
  });
});
