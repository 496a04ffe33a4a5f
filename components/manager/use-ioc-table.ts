/**
 * The one file that knows @tanstack/table-core (v9). Table-core defines the columns, the header
 * model and the sorting state and its interactions; it is given only the rows in view as data.
 * Why not all rows: table-core builds a Row object per data item, measured at 234 ms for 100,000
 * rows and 850 ms to sort them, far over the 50 ms a filter keystroke may take. Filtering and
 * sorting therefore run on lib/iocs/ioc-index.ts, and the visible slice goes through table-core.
 */
import {
  constructTable,
  createColumnHelper,
  rowSortingFeature,
  type SortingState,
  tableFeatures,
  type Updater,
} from '@tanstack/table-core';
import { storeReactivityBindings } from '@tanstack/table-core/store-reactivity-bindings';
import { useMemo } from 'preact/hooks';
import { type IocSort, type SortColumnId, TENANT_COLUMN } from '../../lib/iocs/ioc-index';
import { RICH_FIELDS, type RichKey } from '../../lib/iocs/rich-fields';
import type { Ioc } from '../../lib/s1/schemas';

const features = tableFeatures({ coreReactivityFeature: storeReactivityBindings(), rowSortingFeature });
const helper = createColumnHelper<typeof features, Ioc>();

export const COLUMN_HEADERS: Record<SortColumnId, string> = {
  tenant: 'Tenant',
  value: 'Value',
  type: 'Type',
  name: 'Name',
  description: 'Description',
  creator: 'Creator',
  source: 'Source',
  score: 'Score',
  validUntil: 'Valid until',
  updatedAt: 'Updated',
  ...(Object.fromEntries(RICH_FIELDS.map((field) => [field.key, field.label])) as Record<RichKey, string>),
};

const columns = helper.columns([
  helper.accessor('value', { id: 'value', header: COLUMN_HEADERS.value }),
  helper.accessor('type', { id: 'type', header: COLUMN_HEADERS.type }),
  helper.accessor((ioc) => ioc.name ?? '', { id: 'name', header: COLUMN_HEADERS.name }),
  helper.accessor((ioc) => ioc.description ?? '', { id: 'description', header: COLUMN_HEADERS.description }),
  helper.accessor((ioc) => ioc.creator ?? '', { id: 'creator', header: COLUMN_HEADERS.creator }),
  helper.accessor('source', { id: 'source', header: COLUMN_HEADERS.source }),
  helper.accessor((ioc) => ioc.originalRiskScore ?? null, { id: 'score', header: COLUMN_HEADERS.score }),
  helper.accessor((ioc) => ioc.validUntil ?? null, { id: 'validUntil', header: COLUMN_HEADERS.validUntil }),
  helper.accessor('updatedAt', { id: 'updatedAt', header: COLUMN_HEADERS.updatedAt }),
]);

/**
 * Across profiles the tenant comes first: the rows are the analyst's tenants side by side. Its cell
 * is drawn from the row's position (IocTable), not from the IOC, which does not know its tenant.
 * An accessor, not a display column: table-core sorts only columns with a value (here unused, as
 * sorting is manual).
 */
const tenantColumn = helper.accessor(() => '', { id: TENANT_COLUMN, header: COLUMN_HEADERS.tenant });

/**
 * The optional context columns, after the fixed ones. Their accessor returns nothing: cells are drawn
 * by lib/ui/ioc-cells.ts and sorting is manual, so table-core never needs the value.
 */
const richColumns = new Map(
  RICH_FIELDS.map((field) => [field.key, helper.accessor(() => '', { id: field.key, header: field.label })]),
);

function columnsOf(withTenant: boolean, shownRich: readonly RichKey[]) {
  return helper.columns([
    ...(withTenant ? [tenantColumn] : []),
    ...columns,
    ...shownRich.flatMap((key) => {
      const column = richColumns.get(key);
      return column ? [column] : [];
    }),
  ]);
}

const toSorting = (sort: IocSort | null): SortingState => (sort ? [{ id: sort.id, desc: sort.desc }] : []);

/** A table-core table over the visible rows, its sorting bound to `sort` / `onSort`. */
export function useIocTable(
  visible: Ioc[],
  sort: IocSort | null,
  onSort: (sort: IocSort | null) => void,
  withTenant = false,
  shownRich: readonly RichKey[] = [],
) {
  const tableColumns = useMemo(() => columnsOf(withTenant, shownRich), [withTenant, shownRich]);
  return useMemo(() => {
    const sorting = toSorting(sort);
    return constructTable({
      features,
      columns: tableColumns,
      data: visible,
      getRowId: (ioc) => ioc.uuid,
      manualSorting: true,
      enableMultiSort: false,
      state: { sorting },
      onSortingChange: (updater: Updater<SortingState>) => {
        const next = typeof updater === 'function' ? updater(sorting) : updater;
        const first = next[0];
        onSort(first ? { id: first.id as SortColumnId, desc: first.desc } : null);
      },
    });
  }, [visible, sort, onSort, tableColumns]);
}

export type IocTableModel = ReturnType<typeof useIocTable>;
