/**
 * The sites the simulated console knows (the `sites` knob replaces them). Names and ids are invented; item
 * keys follow `GET /sites` (docs/sentinelone-api.md#scopes-and-tenants). Both default sites are in the
 * default account, so a site user's IOCs sit beside the account's own.
 */
import { DEFAULT_ACCOUNT_ID } from './accounts-data';

export const PARIS_SITE_ID = '1900000000000000001';
export const LYON_SITE_ID = '1900000000000000002';

export interface SimSite {
  id: string;
  name: string;
  accountId: string;
  state?: 'active' | 'expired' | 'deleted';
  siteType?: 'Paid' | 'Trial';
}

export const DEFAULT_SITES: readonly SimSite[] = [
  { id: PARIS_SITE_ID, name: 'Paris HQ', accountId: DEFAULT_ACCOUNT_ID },
  { id: LYON_SITE_ID, name: 'Lyon Lab', accountId: DEFAULT_ACCOUNT_ID },
];
