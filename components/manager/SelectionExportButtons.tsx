import type { ExportKind } from '../../lib/iocs/export-file';

interface Props {
  /** Ticked rows; exports take them when there are any, else the filtered rows. */
  selectedCount: number;
  /** Rows the filters let through. */
  shownCount: number;
  onClear(): void;
  onExport(kind: ExportKind): void;
  /** Offers a STIX 2.1 bundle too: IOCs have a STIX form, blocks do not. */
  withStix?: boolean;
}

/**
 * The toolbar's end, shared by the IOC and block tables: clear the selection (offered only while
 * there is one), and export it or, without one, the filtered rows.
 */
export function SelectionExportButtons({ selectedCount, shownCount, onClear, onExport, withStix }: Props) {
  const nothing = shownCount === 0 && selectedCount === 0;
  return (
    <>
      {selectedCount > 0 && (
        <button type="button" onClick={onClear}>
          Clear selection
        </button>
      )}
      <span class="export">
        <span class="hint">
          {selectedCount > 0 ? 'Exports the selection.' : 'Exports the filtered rows.'}
        </span>
        <button type="button" onClick={() => onExport('csv')} disabled={nothing}>
          Export CSV
        </button>
        <button type="button" onClick={() => onExport('json')} disabled={nothing}>
          Export JSON
        </button>
        {withStix && (
          <button type="button" onClick={() => onExport('stix')} disabled={nothing}>
            Export STIX
          </button>
        )}
      </span>
    </>
  );
}
