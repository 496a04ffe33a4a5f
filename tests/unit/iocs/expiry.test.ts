import { describe, expect, it } from 'vitest';
import {
  describeAge,
  describeExpiry,
  type ExpiryDescription,
  exactUtcOf,
  isoToEpochMs,
} from '../../../lib/iocs/expiry';

/** 2026-04-28T08:17:48.062Z */
const NOW = Date.UTC(2026, 3, 28, 8, 17, 48, 62);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const at = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();

describe('describeExpiry', () => {
  it.each<[string | null | undefined, ExpiryDescription]>([
    [null, { text: 'never', state: 'never', exactUtc: null }],
    [undefined, { text: 'never', state: 'never', exactUtc: null }],
    ['', { text: 'never', state: 'never', exactUtc: null }],
    ['soon-ish', { text: 'soon-ish', state: 'never', exactUtc: null }],
    [
      '2026-04-28T08:17:48.062976Z',
      { text: 'in less than a minute', state: 'soon', exactUtc: '2026-04-28 08:17:48 UTC' },
    ],
    [
      '2026-04-28T08:17:48.062Z',
      { text: 'in less than a minute', state: 'soon', exactUtc: '2026-04-28 08:17:48 UTC' },
    ],
    [
      '2026-04-28T08:17:48.061Z',
      { text: 'expired just now', state: 'expired', exactUtc: '2026-04-28 08:17:48 UTC' },
    ],
    [at(12 * MINUTE), { text: 'in 12 minutes', state: 'soon', exactUtc: '2026-04-28 08:29:48 UTC' }],
    [at(MINUTE), { text: 'in 1 minute', state: 'soon', exactUtc: '2026-04-28 08:18:48 UTC' }],
    [at(HOUR - 1), { text: 'in 59 minutes', state: 'soon', exactUtc: '2026-04-28 09:17:48 UTC' }],
    [at(HOUR), { text: 'in 1 hour', state: 'soon', exactUtc: '2026-04-28 09:17:48 UTC' }],
    [at(5 * HOUR + 30 * MINUTE), { text: 'in 5 hours', state: 'soon', exactUtc: '2026-04-28 13:47:48 UTC' }],
    [at(DAY), { text: 'in 1 day', state: 'soon', exactUtc: '2026-04-29 08:17:48 UTC' }],
    [at(3 * DAY + 23 * HOUR), { text: 'in 3 days', state: 'soon', exactUtc: '2026-05-02 07:17:48 UTC' }],
    [at(7 * DAY), { text: 'in 7 days', state: 'soon', exactUtc: '2026-05-05 08:17:48 UTC' }],
    [at(7 * DAY + 1), { text: 'in 7 days', state: 'ok', exactUtc: '2026-05-05 08:17:48 UTC' }],
    [at(180 * DAY), { text: 'in 180 days', state: 'ok', exactUtc: '2026-10-25 08:17:48 UTC' }],
    [at(-30 * 1000), { text: 'expired just now', state: 'expired', exactUtc: '2026-04-28 08:17:18 UTC' }],
    [
      at(-5 * MINUTE),
      { text: 'expired 5 minutes ago', state: 'expired', exactUtc: '2026-04-28 08:12:48 UTC' },
    ],
    [at(-1 * HOUR), { text: 'expired 1 hour ago', state: 'expired', exactUtc: '2026-04-28 07:17:48 UTC' }],
    [
      at(-2 * DAY - HOUR),
      { text: 'expired 2 days ago', state: 'expired', exactUtc: '2026-04-26 07:17:48 UTC' },
    ],
    ['2026-04-28T12:17:48+02:00', { text: 'in 1 hour', state: 'soon', exactUtc: '2026-04-28 10:17:48 UTC' }],
    ['2026-04-30 08:17:48', { text: 'in 1 day', state: 'soon', exactUtc: '2026-04-30 08:17:48 UTC' }],
  ])('%j is %j', (validUntil, expected) => {
    expect(describeExpiry(validUntil, NOW)).toEqual(expected);
  });
});

describe('describeAge', () => {
  it.each<[string, string]>([
    [at(0), 'just now'],
    [at(-59 * 1000), 'just now'],
    [at(5 * MINUTE), 'just now'],
    [at(-MINUTE), '1 minute ago'],
    [at(-12 * MINUTE), '12 minutes ago'],
    [at(-HOUR), '1 hour ago'],
    [at(-23 * HOUR), '23 hours ago'],
    [at(-DAY), '1 day ago'],
    [at(-3 * DAY - 2 * HOUR), '3 days ago'],
    ['2025-11-12T07:43:38.109004Z', '167 days ago'],
    ['garbage', 'garbage'],
  ])('%s is %j', (iso, expected) => {
    expect(describeAge(iso, NOW)).toBe(expected);
  });
});

describe('isoToEpochMs', () => {
  it.each<[string, number]>([
    ['2026-04-28T08:17:48.062Z', NOW],
    ['2026-04-28T08:17:48.062500Z', NOW + 0.5],
    ['2026-04-28T10:17:48.062+02:00', NOW],
    ['Tue, 28 Apr 2026 08:17:48 GMT', NOW - 62],
  ])('reads %s', (iso, ms) => {
    expect(isoToEpochMs(iso)).toBe(ms);
  });

  it.each(['', 'never', '2026-13-45'])('refuses %j', (text) => {
    expect(isoToEpochMs(text)).toBeNaN();
  });
});

describe('exactUtcOf', () => {
  it.each<[string | null | undefined, string | null]>([
    ['2026-04-28T08:17:48.062976Z', '2026-04-28 08:17:48 UTC'],
    ['2026-04-28T10:17:48+02:00', '2026-04-28 08:17:48 UTC'],
    ['soon-ish', null],
    ['', null],
    [null, null],
    [undefined, null],
  ])('%s → %s', (iso, expected) => {
    expect(exactUtcOf(iso)).toBe(expected);
  });
});
