/**
 * The accounts the simulated console knows. The default account id is the scopeId of the real
 * sample (docs/sentinelone-api.md#the-ioc-object); names and numbers are invented. Item keys follow
 * docs/sentinelone-api.md#other-endpoints.
 */
export const DEFAULT_ACCOUNT_ID = '2163822725049635476';
export const SECOND_ACCOUNT_ID = '2163822725049635812';
export const OTHER_ACCOUNT_ID = '1190355608201773511';

export interface SimAccount {
  id: string;
  name: string;
  accountType: 'Paid' | 'Trial';
  state: 'active' | 'expired' | 'deleted';
  createdAt: string;
  updatedAt: string;
  expiration: string | null;
  numberOfSites: number;
  activeAgents: number;
}

export const SIM_ACCOUNTS: readonly SimAccount[] = [
  {
    id: DEFAULT_ACCOUNT_ID,
    name: 'Acme Corp',
    accountType: 'Paid',
    state: 'active',
    createdAt: '2021-03-04T09:12:45.331207Z',
    updatedAt: '2026-02-17T14:03:11.904512Z',
    expiration: null,
    numberOfSites: 3,
    activeAgents: 1284,
  },
  {
    id: SECOND_ACCOUNT_ID,
    name: 'Globex Ltd',
    accountType: 'Trial',
    state: 'active',
    createdAt: '2025-09-30T16:40:02.117843Z',
    updatedAt: '2025-10-01T08:00:00.000000Z',
    expiration: '2026-12-31T23:59:59.000000Z',
    numberOfSites: 1,
    activeAgents: 42,
  },
  // Known to the console but granted to no seeded token: requests naming it get 403.
  {
    id: OTHER_ACCOUNT_ID,
    name: 'Initech (not yours)',
    accountType: 'Paid',
    state: 'active',
    createdAt: '2020-01-15T10:00:00.000000Z',
    updatedAt: '2024-06-01T10:00:00.000000Z',
    expiration: null,
    numberOfSites: 7,
    activeAgents: 5120,
  },
];

export const accountById = (id: string): SimAccount | undefined => SIM_ACCOUNTS.find((a) => a.id === id);
