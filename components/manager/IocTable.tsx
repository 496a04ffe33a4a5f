import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { FireFlag as Flag } from '../../lib/iocs/fire-notes';
import { type IocSort, type SortColumnId, TENANT_COLUMN } from '../../lib/iocs/ioc-index';
import type { RichKey } from '../../lib/iocs/rich-fields';
import type { TenantRows } from '../../lib/iocs/tenants';
import type { Ioc } from '../../lib/s1/schemas';
import { iocCell, tenantCell, typeChip } from '../../lib/ui/ioc-cells';
import { PERF_MARKS } from '../../lib/ui/perf-marks';
import { FireFlag } from '../fire/FireNotes';
import { useGridKeys } from '../ui/use-grid-keys';
import { useVirtualRows } from '../ui/use-virtual-rows';
import { useIocTable } from './use-ioc-table';

const ROW_HEIGHT = 32;
const NO_RICH_COLUMNS: readonly RichKey[] = [];

interface Props {
  iocs: readonly Ioc[];
  /** Positions in `iocs` of the rows to show, in order. */
  rows: Uint32Array;
  /** Across profiles: the tenant of each position, shown in a Tenant column. */
  tenants?: TenantRows;
  sort: IocSort | null;
  onSort(sort: IocSort | null): void;
  /** Whether the row at a position is selected. */
  isSelected(position: number): boolean;
  /** The selection's key of the row at a position (lib/iocs/tenants.ts rowKeyOf). */
  keyOf(position: number): string;
  onSelect(keys: string[], selected: boolean): void;
  onOpen(position: number): void;
  now: number;
  /** Shown in the table's place when no row is: what to do about it. */
  empty?: ComponentChildren;
  /** Whether a row's value will not raise a threat (fire-notes.ts fireFlagger): a mark in its cell. */
  flagOf?: (ioc: Ioc) => Flag | null;
  /** The optional context columns to show after the fixed ones (none by default). */
  richColumns?: readonly RichKey[];
}

/** The width of each optional column: lists of names, read in part and whole in the title. */
const RICH_COLUMN_WIDTH = 'minmax(8rem, 1fr)';

/** The grid's extra tracks and width for `count` optional columns (iocs-view.css reads them). */
function richColumnStyle(count: number): Record<string, string> | undefined {
  if (count === 0) return undefined;
  return { '--rich-columns': `repeat(${count}, ${RICH_COLUMN_WIDTH})`, '--rich-width': `${count * 8}rem` };
}

/** The IOC grid: sortable headers, virtualized rows, checkboxes, keyboard navigation. */
export function IocTable({
  iocs,
  rows,
  tenants,
  sort,
  onSort,
  isSelected,
  keyOf,
  onSelect,
  onOpen,
  now,
  empty,
  flagOf,
  richColumns = NO_RICH_COLUMNS,
}: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const { items, totalSize, scrollToIndex } = useVirtualRows(rows.length, ROW_HEIGHT, () => scroller.current);
  const visible = useMemo(
    () => items.map((item) => iocs[rows[item.index] as number] as Ioc),
    [items, iocs, rows],
  );
  const table = useIocTable(visible, sort, onSort, tenants !== undefined, richColumns);
  const tableRows = table.getRowModel().rows;
  const allSelected = useMemo(() => rows.length > 0 && rows.every(isSelected), [rows, isSelected]);
  // "Manager opened → first rows painted", read by the benchmark (tests/bench); effects run after paint.
  const painted = useRef(false);
  useEffect(() => {
    if (painted.current || tableRows.length === 0) return;
    painted.current = true;
    performance.mark(PERF_MARKS.firstRows);
  }, [tableRows]);
  const { activeIndex, setActive, onKeyDown } = useGridKeys({
    count: rows.length,
    rowHeight: ROW_HEIGHT,
    scroller,
    scrollToIndex,
    onOpen: (index) => {
      const position = rows[index];
      if (position !== undefined) onOpen(position);
    },
    onToggle: (index) => {
      const position = rows[index];
      if (position !== undefined) onSelect([keyOf(position)], !isSelected(position));
    },
  });

  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  return (
    <div class="ioc-scroll" ref={scroller}>
      <table
        class="ioc-grid"
        data-tenants={tenants ? 'shown' : undefined}
        style={richColumnStyle(richColumns.length)}
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the WAI-ARIA data grid pattern is a table with role=grid; the keyboard moves aria-activedescendant
        role="grid"
        aria-label="IOCs"
        aria-rowcount={rows.length + 1}
        aria-multiselectable="true"
        aria-activedescendant={rows.length > 0 ? `ioc-row-${activeIndex}` : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" class="select-cell">
              <input
                type="checkbox"
                aria-label="Select all filtered IOCs"
                checked={allSelected}
                disabled={rows.length === 0}
                onChange={(event) => onSelect(Array.from(rows, keyOf), event.currentTarget.checked)}
              />
            </th>
            {headers.map((header) => {
              const direction = header.column.getIsSorted();
              return (
                <th
                  key={header.id}
                  scope="col"
                  class={`col-${header.id}`}
                  aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}
                >
                  <button type="button" class="sort" onClick={header.column.getToggleSortingHandler()}>
                    {String(header.column.columnDef.header)}
                    <span aria-hidden="true">
                      {direction === 'asc' ? ' ▲' : direction === 'desc' ? ' ▼' : ''}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody style={{ height: `${totalSize}px` }}>
          {items.map((item, n) => {
            const row = tableRows[n];
            if (!row) return null;
            const ioc = row.original;
            const position = rows[item.index] as number;
            const selected = isSelected(position);
            return (
              <tr
                // Keyed by slot in the window: a keystroke or a scroll rewrites ~30 rows' text in
                // place instead of replacing ~400 elements (measured: ~5 ms less per keystroke).
                key={n}
                id={`ioc-row-${item.index}`}
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                class={item.index === activeIndex ? 'active' : undefined}
                style={{ transform: `translateY(${item.start}px)` }}
                onClick={(event) => {
                  // A re-render between a checkbox's click and its change event would undo the tick.
                  if (!(event.target instanceof HTMLInputElement)) setActive(item.index);
                }}
                onDblClick={() => onOpen(position)}
              >
                <td class="select-cell">
                  <input
                    type="checkbox"
                    aria-label={`Select ${ioc.value}`}
                    checked={selected}
                    onChange={(event) => onSelect([keyOf(position)], event.currentTarget.checked)}
                  />
                </td>
                {row.getAllCells().map((cell) => {
                  const id = cell.column.id as SortColumnId;
                  if (id === TENANT_COLUMN) {
                    const tenant = tenants?.tenants[tenants.of[position] as number];
                    const { text, title } = tenantCell(tenant);
                    return (
                      <td key={id} class="cell-tenant" title={title}>
                        <span class="tenant-chip" data-colour={tenant?.colour}>
                          {text}
                        </span>
                      </td>
                    );
                  }
                  const { text, title, label, stateClass, tone } = iocCell(ioc, id, now);
                  return (
                    <td
                      key={id}
                      class={stateClass ? `cell-${id} ${stateClass}` : `cell-${id}`}
                      data-tone={tone}
                      title={title}
                      aria-label={label}
                    >
                      {id === 'type' ? (
                        <span class="chip" data-family={typeChip(ioc.type).family}>
                          {text}
                        </span>
                      ) : id === 'value' && flagOf ? (
                        <>
                          <FireFlag flag={flagOf(ioc)} mark />
                          {text}
                        </>
                      ) : (
                        text
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 && empty}
    </div>
  );
}
