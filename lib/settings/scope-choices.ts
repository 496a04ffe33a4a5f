/**
 * What "Load accounts" offers: the token's `/user` says whether it is a site token, whose picker lists
 * its sites, or an account (or global) token, whose picker lists accounts as before
 * (docs/sentinelone-api.md#scopes-and-tenants).
 */
import type { S1Client } from '../s1/client';
import type { Account, Site } from '../s1/schemas';

export type ScopeChoices = { kind: 'account'; accounts: Account[] } | { kind: 'site'; sites: Site[] };

export async function listScopeChoices(
  client: Pick<S1Client, 'getUser' | 'listAccounts' | 'listSites'>,
): Promise<ScopeChoices> {
  const user = await client.getUser();
  if (user.scope?.toLowerCase() === 'site') return { kind: 'site', sites: await client.listSites() };
  return { kind: 'account', accounts: await client.listAccounts() };
}
