import { IOC_TYPES } from '../../config/ioc-types';
import { displayText } from '../../lib/iocs/display-text';
import type { IocFilter } from '../../lib/iocs/filter';
import type { Tenant } from '../../lib/iocs/tenants';
import { RichFilters } from './RichFilters';

interface Props {
  filter: IocFilter;
  onChange(filter: IocFilter): void;
  onClear(): void;
  shown: number;
  total: number;
  /** Across profiles: the tenants to pick one of; none for the page's one profile. */
  tenants?: readonly Tenant[];
}

const TEXT_FIELDS = [
  ['value', 'Value'],
  ['creator', 'Creator'],
  ['name', 'Name'],
  ['description', 'Description'],
  ['source', 'Source'],
] as const;

const HINT =
  'Text matches anywhere, ignoring case. % or * make a pattern over the whole field: %.ru, evil*, %malware%.';

/** The filter bar: one labelled input per field, combined with AND, and the count they leave. */
export function IocFilters({ filter, onChange, onClear, shown, total, tenants }: Props) {
  return (
    <form class="filters" aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
      {tenants && (
        <label>
          Tenant
          <select
            // A tenant that is no longer a profile (an old bookmark) shows, and filters, as all.
            value={tenants.some((tenant) => tenant.id === filter.tenant) ? filter.tenant : ''}
            onChange={(event) => onChange({ ...filter, tenant: event.currentTarget.value })}
          >
            <option value="">All tenants</option>
            {tenants.map((tenant) => (
              <option key={tenant.id} value={tenant.id}>
                {displayText(tenant.label)}
              </option>
            ))}
          </select>
        </label>
      )}
      {TEXT_FIELDS.map(([key, label]) => (
        <label key={key}>
          {label}
          <input
            type="search"
            name={key}
            value={filter[key]}
            title={HINT}
            onInput={(event) => onChange({ ...filter, [key]: event.currentTarget.value })}
          />
        </label>
      ))}
      <label>
        Type
        <select
          value={filter.type}
          onChange={(event) => onChange({ ...filter, type: event.currentTarget.value as IocFilter['type'] })}
        >
          <option value="">All types</option>
          {IOC_TYPES.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
      </label>
      <label>
        Expiry
        <select
          value={filter.expiry}
          onChange={(event) =>
            onChange({ ...filter, expiry: event.currentTarget.value as IocFilter['expiry'] })
          }
        >
          <option value="all">All</option>
          <option value="expiring">Expiring within 7 days</option>
          <option value="expired">Expired</option>
        </select>
      </label>
      <RichFilters filter={filter} onChange={onChange} hint={HINT} />
      <button type="button" onClick={onClear}>
        Clear filters
      </button>
      <output aria-label="Shown IOCs" class="count">
        {shown.toLocaleString('en-US')} of {total.toLocaleString('en-US')} IOCs
      </output>
    </form>
  );
}
