/**
 * A connection's scope in words, for Settings and the manager's sync bar. An account reads as it always
 * has (its name, or "Account <id>"), so the single-account view does not change; a site names its account.
 */
import type { StoredConnection } from '../../config/connection';

type Named = Pick<StoredConnection, 'accountId' | 'accountName' | 'scope'>;

export function scopeInWords(connection: Named): string {
  const account = connection.accountName || connection.accountId;
  const site = connection.scope;
  if (site) {
    const where = connection.accountId ? ` in account ${account}` : '';
    return `Site ${site.siteName || site.siteId}${where}`;
  }
  return connection.accountName || `Account ${connection.accountId}`;
}
