import { describe, expect, it } from 'vitest';
import { isoToMicros, laterIso, shiftIso } from '../../../lib/s1/timestamps';

describe('isoToMicros', () => {
  it.each([
    ['2025-11-12T07:43:38.109004Z', Date.UTC(2025, 10, 12, 7, 43, 38) * 1000 + 109004],
    ['2025-11-12T07:43:38Z', Date.UTC(2025, 10, 12, 7, 43, 38) * 1000],
    ['2025-11-12T07:43:38.1Z', Date.UTC(2025, 10, 12, 7, 43, 38) * 1000 + 100000],
    ['2025-11-12 07:43:38.109004', Date.UTC(2025, 10, 12, 7, 43, 38) * 1000 + 109004],
    ['2025-11-12T08:43:38+01:00', Date.UTC(2025, 10, 12, 7, 43, 38) * 1000],
  ])('reads %s', (iso, micros) => {
    expect(isoToMicros(iso)).toBe(micros);
  });

  it.each(['', 'yesterday', '2025-11-12'])('refuses %j', (text) => {
    expect(isoToMicros(text)).toBeNaN();
  });
});

describe('laterIso', () => {
  it.each([
    [null, null, null],
    [null, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'],
    ['2025-01-01T00:00:00Z', null, '2025-01-01T00:00:00Z'],
    ['2025-01-01T00:00:00.000002Z', '2025-01-01T00:00:00.000001Z', '2025-01-01T00:00:00.000002Z'],
    ['2025-01-01T00:00:00.9Z', '2025-01-01T00:00:01Z', '2025-01-01T00:00:01Z'],
  ])('of %j and %j is %j', (a, b, expected) => {
    expect(laterIso(a, b)).toBe(expected);
  });
});

describe('shiftIso', () => {
  it.each([
    ['2025-11-12T07:43:38.109004Z', -300_000, '2025-11-12T07:38:38.109Z'],
    ['2025-01-01T00:00:00Z', 1, '2025-01-01T00:00:00.001Z'],
  ])('moves %s by %i ms', (iso, ms, expected) => {
    expect(shiftIso(iso, ms)).toBe(expected);
  });
});
