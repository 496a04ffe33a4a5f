import { useMemo, useRef } from 'preact/hooks';
import { ACTION_LABELS } from '../../lib/blocks/actions';
import {
  BLOCK_COLUMNS,
  type BlockColumnId,
  type BlockRow,
  type BlockSort,
  columnText,
  nextSort,
} from '../../lib/blocks/blocks-table';
import { displayText } from '../../lib/iocs/display-text';
import { describeExpiry } from '../../lib/iocs/expiry';
import { type Tone, toneOf } from '../../lib/ui/tones';
import { useGridKeys } from '../ui/use-grid-keys';
import { useVirtualRows } from '../ui/use-virtual-rows';

const ROW_HEIGHT = 32;
const COLUMN_IDS = Object.keys(BLOCK_COLUMNS) as BlockColumnId[];

interface Props {
  /** The filtered, sorted rows. */
  rows: readonly BlockRow[];
  sort: BlockSort | null;
  onSort(sort: BlockSort | null): void;
  selected: ReadonlySet<string>;
  onSelect(keys: string[], selected: boolean): void;
  onOpen(row: BlockRow): void;
  now: number;
}

/** `2026-04-01 10:00`: the minute is enough in a column; the title has the rest. */
const shortTime = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** One cell's text, title and class; console text is spelled out (display-text.ts). */
function cellProps(
  row: BlockRow,
  id: BlockColumnId,
  now: number,
): { text: string; title?: string; stateClass?: string; tone?: Tone } {
  if (id === 'until') {
    if (!row.until) return { text: '' };
    const expiry = describeExpiry(row.until, now);
    return {
      text: `until ${row.until.slice(0, 10)}`,
      title: `${expiry.exactUtc ?? row.until} (${expiry.text})`,
      stateClass: `expiry-${expiry.state}`,
      tone: toneOf('expiry', expiry.state),
    };
  }
  if (id === 'createdAt' || id === 'updatedAt') {
    const iso = row[id];
    return { text: shortTime(iso), title: iso || undefined };
  }
  const text = columnText(row, id);
  return { text: displayText(text, 2000), title: text.length > 30 ? displayText(text, 2000) : undefined };
}

/** The Blocks grid: sortable headers, virtualized rows, checkboxes, keyboard navigation, as IocTable. */
export function BlocksTable({ rows, sort, onSort, selected, onSelect, onOpen, now }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const { items, totalSize, scrollToIndex } = useVirtualRows(rows.length, ROW_HEIGHT, () => scroller.current);
  const allSelected = useMemo(
    () => rows.length > 0 && rows.every((row) => selected.has(row.key)),
    [rows, selected],
  );
  const { activeIndex, setActive, onKeyDown } = useGridKeys({
    count: rows.length,
    rowHeight: ROW_HEIGHT,
    scroller,
    scrollToIndex,
    onOpen: (index) => {
      const row = rows[index];
      if (row) onOpen(row);
    },
    onToggle: (index) => {
      const row = rows[index];
      if (row) onSelect([row.key], !selected.has(row.key));
    },
  });

  return (
    <div class="ioc-scroll" ref={scroller}>
      <table
        class="ioc-grid blocks-grid"
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the WAI-ARIA data grid pattern, as in IocTable
        role="grid"
        aria-label="Blocks"
        aria-rowcount={rows.length + 1}
        aria-multiselectable="true"
        aria-activedescendant={rows.length > 0 ? `block-row-${activeIndex}` : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" class="select-cell">
              <input
                type="checkbox"
                aria-label="Select all filtered blocks"
                checked={allSelected}
                disabled={rows.length === 0}
                onChange={(event) =>
                  onSelect(
                    rows.map((row) => row.key),
                    event.currentTarget.checked,
                  )
                }
              />
            </th>
            {COLUMN_IDS.map((id) => {
              const direction = sort?.id === id ? (sort.desc ? 'descending' : 'ascending') : 'none';
              return (
                <th key={id} scope="col" aria-sort={direction}>
                  <button
                    type="button"
                    class="sort"
                    aria-label={`Sort by ${BLOCK_COLUMNS[id]}`}
                    onClick={() => onSort(nextSort(sort, id))}
                  >
                    {BLOCK_COLUMNS[id]}
                    <span aria-hidden="true">
                      {direction === 'ascending' ? ' ▲' : direction === 'descending' ? ' ▼' : ''}
                    </span>
                  </button>
                </th>
              );
            })}
            <th scope="col">
              <span class="visually-hidden">Details</span>
            </th>
          </tr>
        </thead>
        <tbody style={{ height: `${totalSize}px` }}>
          {items.map((item, n) => {
            const row = rows[item.index];
            if (!row) return null;
            const isSelected = selected.has(row.key);
            const label = `${ACTION_LABELS[row.kind]} ${displayText(row.value, 200)}`;
            return (
              <tr
                // Keyed by slot in the window, as in IocTable: a scroll rewrites rows in place.
                key={n}
                id={`block-row-${item.index}`}
                aria-rowindex={item.index + 2}
                aria-selected={isSelected}
                class={item.index === activeIndex ? 'active' : undefined}
                style={{ transform: `translateY(${item.start}px)` }}
                onClick={(event) => {
                  // A re-render between a checkbox's click and its change event would undo the tick.
                  if (!(event.target instanceof HTMLInputElement)) setActive(item.index);
                }}
                onDblClick={() => onOpen(row)}
              >
                <td class="select-cell">
                  <input
                    type="checkbox"
                    aria-label={`Select ${label}`}
                    checked={isSelected}
                    onChange={(event) => onSelect([row.key], event.currentTarget.checked)}
                  />
                </td>
                {COLUMN_IDS.map((id) => {
                  const { text, title, stateClass, tone } = cellProps(row, id, now);
                  return (
                    <td
                      key={id}
                      class={stateClass ? `cell-${id} ${stateClass}` : `cell-${id}`}
                      data-tone={tone}
                      title={title}
                    >
                      {text}
                    </td>
                  );
                })}
                <td>
                  <button
                    type="button"
                    class="link"
                    aria-label={`Details of ${label}`}
                    onClick={() => onOpen(row)}
                  >
                    Details
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
