import { describe, expect, it } from 'vitest';
import { scopeFilter, scopeOfConnection } from '../../../lib/s1/scope';
import { resolveScope, type ScopeChoice, type ScopeUser } from '../../../lib/s1/scope-resolution';

const ACME = '2163822725049635476';
const GLOBEX = '2163822725049635477';
const PARIS = '1900000000000000001';
const LYON = '1900000000000000002';
const roles = (...ids: string[]) => ids.map((id) => ({ id, name: `n${id}`, roleName: 'Admin' }));

describe('resolveScope', () => {
  const cases: [string, ScopeUser, ScopeChoice, ReturnType<typeof resolveScope>][] = [
    [
      'account token',
      { scope: 'account', scopeRoles: roles(ACME) },
      {},
      { ok: true, scope: { kind: 'account', accountId: ACME } },
    ],
    [
      'account token, its account chosen',
      { scope: 'account', scopeRoles: roles(ACME) },
      { accountId: ACME },
      { ok: true, scope: { kind: 'account', accountId: ACME } },
    ],
    [
      'account token from user.account only',
      { scope: 'account', account: { id: ACME } },
      {},
      { ok: true, scope: { kind: 'account', accountId: ACME } },
    ],
    [
      'site token, one site',
      { scope: 'site', scopeRoles: roles(PARIS) },
      { accountId: ACME },
      { ok: true, scope: { kind: 'site', siteId: PARIS, accountId: ACME } },
    ],
    [
      'site token, one site, account unknown',
      { scope: 'Site', scopeRoles: roles(PARIS) },
      {},
      { ok: true, scope: { kind: 'site', siteId: PARIS, accountId: undefined } },
    ],
    [
      'site token, several sites, one chosen',
      { scope: 'site', scopeRoles: roles(PARIS, LYON) },
      { siteId: LYON },
      { ok: true, scope: { kind: 'site', siteId: LYON, accountId: undefined } },
    ],
    [
      'site token with no roles, site typed',
      { scope: 'site', scopeRoles: null },
      { siteId: PARIS },
      { ok: true, scope: { kind: 'site', siteId: PARIS, accountId: undefined } },
    ],
    [
      'tenant token, account chosen',
      { scope: 'tenant' },
      { accountId: ACME },
      { ok: true, scope: { kind: 'account', accountId: ACME } },
    ],
    [
      'no scope field (older console), account typed',
      {},
      { accountId: ACME },
      { ok: true, scope: { kind: 'account', accountId: ACME } },
    ],
  ];
  it.each(cases)('%s', (_name, user, choice, expected) =>
    expect(resolveScope(user, choice)).toEqual(expected),
  );

  const refusals: [string, ScopeUser, ScopeChoice, RegExp][] = [
    [
      'multi-account token',
      { scope: 'account', scopeRoles: roles(ACME, GLOBEX) },
      { accountId: ACME },
      /spans 2 accounts.*service user in one account/,
    ],
    [
      'account token, another account typed',
      { scope: 'account', scopeRoles: roles(ACME) },
      { accountId: GLOBEX },
      /belongs to account 2163822725049635476, not 2163822725049635477/,
    ],
    ['account token without any account', { scope: 'account', scopeRoles: [] }, {}, /enter the account id/],
    [
      'site token, several sites, none chosen',
      { scope: 'site', scopeRoles: roles(PARIS, LYON) },
      {},
      /roles in 2 sites: pick/,
    ],
    [
      'site token, a site outside its roles',
      { scope: 'site', scopeRoles: roles(PARIS) },
      { siteId: LYON },
      /no role in site 1900000000000000002/,
    ],
    ['site token naming no site', { scope: 'site', scopeRoles: [{ id: null }] }, {}, /names no site/],
    [
      'tenant token, no account',
      { scope: 'tenant' },
      {},
      /global scope: IOCs live in an account, so pick the account/,
    ],
    ['no fields at all', {}, {}, /did not say which account or site/],
  ];
  it.each(refusals)('%s', (_name, user, choice, reason) => {
    const result = resolveScope(user, choice);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('scopeFilter', () => {
  it.each([
    [{ kind: 'account', accountId: ACME } as const, { accountIds: [ACME] }],
    [{ kind: 'site', siteId: PARIS, accountId: ACME } as const, { siteIds: [PARIS] }],
  ])('%j names one kind of id', (scope, filter) => expect(scopeFilter(scope)).toEqual(filter));

  it.each([
    [{ accountId: ACME }, { kind: 'account', accountId: ACME }],
    [
      { accountId: ACME, scope: { kind: 'site' as const, siteId: PARIS } },
      { kind: 'site', siteId: PARIS, accountId: ACME },
    ],
    [
      { accountId: '', scope: { kind: 'site' as const, siteId: PARIS } },
      { kind: 'site', siteId: PARIS, accountId: undefined },
    ],
  ])('a connection %j is scoped %j', (connection, scope) =>
    expect(scopeOfConnection(connection)).toEqual(scope),
  );
});
