import { describe, expect, it } from 'vitest';
import { S1Error } from '../../../lib/s1/errors';
import type { Scope } from '../../../lib/s1/scope';
import { checkedScope, savedScope } from '../../../lib/s1/scope-check';
import type { ScopeUser } from '../../../lib/s1/scope-resolution';

const ACME = '2163822725049635476';
const GLOBEX = '2163822725049635477';
const PARIS = '1900000000000000001';
const roles = (...ids: string[]) => ids.map((id) => ({ id, name: `n${id}` }));
const account = { accountId: ACME };
const site = { accountId: ACME, scope: { kind: 'site' as const, siteId: PARIS } };

type Expected = Scope | [S1Error['kind'], RegExp];
type Outcome = Scope | [S1Error['kind'], string];

describe('checkedScope and savedScope', () => {
  const cases: Array<[string, ScopeUser, typeof account | typeof site, Expected, Expected]> = [
    [
      'an account token saved with its account',
      { scope: 'account', scopeRoles: roles(ACME) },
      account,
      { kind: 'account', accountId: ACME },
      { kind: 'account', accountId: ACME },
    ],
    [
      'a token spanning accounts',
      { scope: 'account', scopeRoles: roles(ACME, GLOBEX) },
      account,
      ['multi-scope-token', /spans 2 accounts/],
      ['multi-scope-token', /spans 2 accounts/],
    ],
    [
      'an account token saved with another account',
      { scope: 'account', scopeRoles: roles(GLOBEX) },
      account,
      ['forbidden', /belongs to account 2163822725049635477, not 2163822725049635476/],
      ['forbidden', /belongs to account 2163822725049635477, not 2163822725049635476/],
    ],
    [
      'a site token saved with its site',
      { scope: 'site', scopeRoles: roles(PARIS) },
      site,
      { kind: 'site', siteId: PARIS, accountId: ACME },
      { kind: 'site', siteId: PARIS, accountId: ACME },
    ],
    [
      'a site token saved as an account: Test goes on with its site, the sync asks for it to be saved',
      { scope: 'site', scopeRoles: roles(PARIS) },
      account,
      { kind: 'site', siteId: PARIS, accountId: ACME },
      [
        'forbidden',
        /belongs to site 1900000000000000001, not to an account: open Settings, press Load accounts/,
      ],
    ],
    [
      'a global token with the account saved',
      { scope: 'tenant' },
      account,
      { kind: 'account', accountId: ACME },
      { kind: 'account', accountId: ACME },
    ],
  ];

  const outcome = (run: () => Scope): Outcome => {
    try {
      return run();
    } catch (error) {
      if (!(error instanceof S1Error)) throw error;
      return [error.kind, error.message];
    }
  };

  it.each(cases)('%s', (_case, user, connection, tested, synced) => {
    for (const [run, expected] of [
      [() => checkedScope(user, connection), tested],
      [() => savedScope(user, connection), synced],
    ] as const) {
      const got = outcome(run);
      if (Array.isArray(expected)) {
        expect(Array.isArray(got) && got[0]).toBe(expected[0]);
        expect(Array.isArray(got) ? got[1] : '').toMatch(expected[1]);
      } else expect(got).toEqual(expected);
    }
  });
});
