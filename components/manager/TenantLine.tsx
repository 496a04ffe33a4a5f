import { displayText } from '../../lib/iocs/display-text';
import type { Tenant } from '../../lib/iocs/tenants';

/** The tenant an IOC of the view across profiles is in, in a dialog about it: where its writes go. */
export function TenantLine({ tenant }: { tenant: Tenant }) {
  return (
    <p class="tenant-line" role="status" aria-label="Tenant">
      Tenant{' '}
      <span class="tenant-chip" data-colour={tenant.colour}>
        {displayText(tenant.label)}
      </span>
    </p>
  );
}
