import { describe, expect, it } from 'vitest';
import { summarizeUserConfig } from '../../../lib/s1/user-config-calls';
import {
  FIRE_EXCLUDED_CAP,
  type FireStatus,
  fireFailure,
  fireStatusOf,
  storedFireStatus,
} from '../../../lib/sync/fire-status';
import { IDLE_STATUS } from '../../../lib/sync/sync-status';

const KEY = 'https://usea1.example|123';
const known: FireStatus = {
  state: 'known',
  accountKey: KEY,
  disableThreat: false,
  excludeTii: ['a.example'],
  excludeTiiTotal: 1,
  threatMinScore: null,
};

describe('fireStatusOf', () => {
  const values = (n: number) => Array.from({ length: n }, (_, i) => `v${i}`);
  it.each<[string, Parameters<typeof fireStatusOf>[0], FireStatus]>([
    [
      'no entries: the defaults',
      { status: 'known', config: summarizeUserConfig([]) },
      { ...known, excludeTii: [], excludeTiiTotal: 0 },
    ],
    [
      'folded entries, raw entries left out',
      {
        status: 'known',
        config: summarizeUserConfig([
          { disableThreat: true, excludeTii: ['x'], threatMinScore: 10, description: 'long words' },
          { excludeTii: ['y', 'x'], threatMinScore: 30 },
        ]),
      },
      { ...known, disableThreat: true, excludeTii: ['x', 'y'], excludeTiiTotal: 2, threatMinScore: 30 },
    ],
    [
      'a list longer than the cap: cut, with the total',
      { status: 'known', config: summarizeUserConfig([{ excludeTii: values(FIRE_EXCLUDED_CAP + 1) }]) },
      { ...known, excludeTii: values(FIRE_EXCLUDED_CAP), excludeTiiTotal: FIRE_EXCLUDED_CAP + 1 },
    ],
    [
      'a list of exactly the cap: whole',
      { status: 'known', config: summarizeUserConfig([{ excludeTii: values(FIRE_EXCLUDED_CAP) }]) },
      { ...known, excludeTii: values(FIRE_EXCLUDED_CAP), excludeTiiTotal: FIRE_EXCLUDED_CAP },
    ],
    [
      'unavailable: unknown, with the reason',
      { status: 'unavailable', reason: 'forbidden', message: 'Insufficient permissions' },
      { state: 'unknown', accountKey: KEY, reason: 'forbidden', message: 'Insufficient permissions' },
    ],
  ])('%s', (_, outcome, expected) => {
    expect(fireStatusOf(outcome, KEY)).toEqual(expected);
  });

  it('a failed request: unknown, failed, in the error’s words', () => {
    expect(fireFailure(new Error('network down'), KEY)).toEqual({
      state: 'unknown',
      accountKey: KEY,
      reason: 'failed',
      message: 'network down',
    });
  });
});

describe('storedFireStatus', () => {
  it.each<[string, { fire?: unknown; accountKey?: string | null } | undefined, FireStatus | null]>([
    ['no status', undefined, null],
    ['a status saved before the field existed', { ...IDLE_STATUS, fire: undefined, accountKey: KEY }, null],
    ['the idle status', IDLE_STATUS, null],
    ['the field for the status’s own scope', { accountKey: KEY, fire: known }, known],
    ['the field of another scope (the connection moved)', { accountKey: `${KEY}|site:9`, fire: known }, null],
    ['a malformed field', { accountKey: KEY, fire: { ...known, excludeTii: 'a.example' } }, null],
    ['an unknown state', { accountKey: KEY, fire: { ...known, state: 'maybe' } }, null],
    [
      'an unknown answer',
      { accountKey: KEY, fire: { state: 'unknown', accountKey: KEY, reason: 'not-found', message: 'x' } },
      { state: 'unknown', accountKey: KEY, reason: 'not-found', message: 'x' },
    ],
  ])('%s', (_, status, expected) => {
    expect(storedFireStatus(status)).toEqual(expected);
  });
});
