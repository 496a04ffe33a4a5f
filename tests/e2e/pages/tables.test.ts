/** The column lookup behind cellOf: one header by its name, or an error that names the column. */
import { describe, expect, it } from 'vitest';
import { columnIndex } from './tables';

describe('columnIndex', () => {
  it.each<[string, boolean[], number]>([
    ['the first header', [true, false, false], 0],
    ['a header after the checkbox column', [false, true, false], 1],
    ['the last header', [false, false, false, true], 3],
  ])('finds %s', (_, matches, expected) => {
    expect(columnIndex(matches, 'Value')).toBe(expected);
  });

  it.each<[string, boolean[], string]>([
    ['no header has the name', [false, false], 'No column header is named "Value"'],
    ['no header at all', [], 'No column header is named "Value"'],
    ['two headers have it', [true, false, true], '2 column headers are named "Value"'],
  ])('fails when %s', (_, matches, message) => {
    expect(() => columnIndex(matches, 'Value')).toThrow(message);
  });
});
