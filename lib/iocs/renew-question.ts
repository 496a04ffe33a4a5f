/**
 * What the Renew confirmation asks: how many IOCs, in which tenant, valid for how long from now. Each
 * type has its own configured validity (clamped to the API's maximum), and across profiles each
 * tenant its own settings, so the question names both.
 */
import { IOC_TYPES, MAX_VALIDITY_DAYS } from '../../config/ioc-types';
import type { StoredSettings } from '../../config/settings';
import type { Ioc } from '../s1/schemas';
import { pluralize } from '../text/pluralize';
import type { Tenant, WriteGroup } from './tenants';

type Validity = Pick<StoredSettings['iocDefaults'], 'validityDays'>;

/** "30 days (DNS), 14 days (IPV4)" for the types among `iocs`. */
export function describeValidity(iocs: readonly Pick<Ioc, 'type'>[], defaults: Validity): string {
  // In the fixed type order, not the cache's: the same selection always reads the same.
  const present = new Set(iocs.map((ioc) => ioc.type));
  return IOC_TYPES.filter((type) => present.has(type))
    .map((type) => `${Math.min(defaults.validityDays[type], MAX_VALIDITY_DAYS[type])} days (${type})`)
    .join(', ');
}

/** "Send 2 IOCs again, valid from now for 30 days (DNS)?", with each tenant's own days across profiles. */
export function renewQuestion(
  groups: readonly WriteGroup<Pick<Ioc, 'type'>>[],
  defaultsFor: (tenant: Tenant | undefined) => Validity,
): string {
  const rest = 'Their other fields stay as they are.';
  const [only] = groups;
  if (groups.length === 1 && only && !only.tenant)
    return `Send ${pluralize(only.items.length, 'IOC')} again, valid from now for ${describeValidity(only.items, defaultsFor(undefined))}? ${rest}`;
  const each = groups.map(
    (group) =>
      `${pluralize(group.items.length, 'IOC')} in ${group.tenant?.label} for ${describeValidity(group.items, defaultsFor(group.tenant))}`,
  );
  return `Send again, each in its own tenant and valid from now: ${each.join('; ')}? ${rest}`;
}
