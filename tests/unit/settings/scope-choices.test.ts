import { describe, expect, it } from 'vitest';
import type { Account, Site, User } from '../../../lib/s1/schemas';
import { listScopeChoices } from '../../../lib/settings/scope-choices';

const ACME: Account = { id: '2163822725049635476', name: 'Acme' };
const PARIS: Site = { id: '1900000000000000001', name: 'Paris HQ', accountId: ACME.id };

/** A client that answers from memory and records which lists were asked for. */
function client(scope: string | null) {
  const asked: string[] = [];
  return {
    asked,
    getUser: async () => ({ id: '1', scope }) as User,
    listAccounts: async () => {
      asked.push('accounts');
      return [ACME];
    },
    listSites: async () => {
      asked.push('sites');
      return [PARIS];
    },
  };
}

describe('listScopeChoices', () => {
  it.each([
    ['site', { kind: 'site', sites: [PARIS] }, ['sites']],
    ['Site', { kind: 'site', sites: [PARIS] }, ['sites']],
    ['account', { kind: 'account', accounts: [ACME] }, ['accounts']],
    ['tenant', { kind: 'account', accounts: [ACME] }, ['accounts']],
    [null, { kind: 'account', accounts: [ACME] }, ['accounts']],
  ])('a %s token is offered %j', async (scope, choices, asked) => {
    const fake = client(scope);
    expect(await listScopeChoices(fake)).toEqual(choices);
    expect(fake.asked).toEqual(asked);
  });
});
