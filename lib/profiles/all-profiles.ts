/**
 * The manager's view of every profile at once (`?profile=all`): the IOCs of all tenants in one table
 * with a Tenant column. Only an address the analyst chose leads here, so a single-profile user never
 * meets it; profile-url.ts reads such an address as the first profile (`all` is no profile id), which
 * is what every page but the manager's IOCs view goes on showing.
 */

export const ALL_PROFILES = 'all';

const PARAMETER = 'profile';

/** Whether a page's query string asks for every profile together. */
export function isAllProfiles(search: string): boolean {
  return new URLSearchParams(search).get(PARAMETER) === ALL_PROFILES;
}

/** `search` pointed at every profile together, its other parameters kept. */
export function searchForAllProfiles(search: string): string {
  const params = new URLSearchParams(search);
  params.set(PARAMETER, ALL_PROFILES);
  return `?${params.toString()}`;
}
