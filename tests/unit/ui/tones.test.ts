/** The tone vocabulary as a table: every state the pages colour, and the tone it must be drawn in. */
import { describe, expect, it } from 'vitest';
import { reviewTone, toneOf } from '../../../lib/ui/tones';

describe('toneOf', () => {
  it.each([
    ['expiry', 'expired', 'danger'],
    ['expiry', 'soon', 'warn'],
    ['expiry', 'ok', undefined],
    ['expiry', 'never', undefined],
    ['review', 'invalid', 'danger'],
    ['review', 'duplicate', 'muted'],
    ['review', 'existing', undefined],
    ['review', 'valid', undefined],
    ['review', 'not-importable', 'warn'],
    ['reviewRow', 'invalid', 'muted'],
    ['reviewRow', 'duplicate', 'muted'],
    ['reviewRow', 'existing', undefined],
    ['reviewRow', 'valid', undefined],
    ['reviewRow', 'not-importable', 'muted'],
    ['status', 'idle', undefined],
    ['status', 'busy', 'muted'],
    ['status', 'ok', 'ok'],
    ['status', 'warn', 'warn'],
    ['status', 'error', 'danger'],
    ['outcome', 'none', undefined],
    ['outcome', 'problem', 'danger'],
    ['outcome', 'stored', 'ok'],
    ['log', 'debug', 'muted'],
    ['log', 'info', undefined],
    ['log', 'warn', 'warn'],
    ['log', 'error', 'danger'],
    ['sync', 'syncing', 'info'],
    ['sync', 'failed', 'danger'],
    ['sync', 'complete', 'ok'],
    ['sync', 'never', 'muted'],
    ['answer', 'in-s1', 'ok'],
    ['answer', 'absent', 'warn'],
    ['answer', 'invalid', 'danger'],
  ] as const)('%s %s → %s', (domain, state, tone) => {
    expect(toneOf(domain, state as never)).toBe(tone);
  });
});

describe('reviewTone', () => {
  it.each([
    ['invalid', false, 'danger'],
    ['invalid', true, 'danger'],
    ['duplicate', true, 'muted'],
    ['valid', true, 'warn'],
    ['existing', true, 'warn'],
    ['valid', false, undefined],
    ['existing', false, undefined],
  ] as const)('%s, warned %s → %s', (status, warned, tone) => {
    expect(reviewTone(status, warned)).toBe(tone);
  });
});
