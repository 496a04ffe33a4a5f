interface Props {
  /** Ticked rows; exports take them when there are any, else the filtered rows. */
  selectedCount: number;
  /** Rows the filters let through. */
  shownCount: number;
  onClear(): void;
  onExport(kind: 'csv' | 'json'): void;
}

/** The toolbar's end, shared by the IOC and block tables: clear the selection, export it or the filtered rows. */
export function SelectionExportButtons({ selectedCount, shownCount, onClear, onExport }: Props) {
  const nothing = shownCount === 0 && selectedCount === 0;
  return (
    <>
      <button type="button" disabled={selectedCount === 0} onClick={onClear}>
        Clear selection
      </button>
      <button type="button" onClick={() => onExport('csv')} disabled={nothing}>
        Export CSV
      </button>
      <button type="button" onClick={() => onExport('json')} disabled={nothing}>
        Export JSON
      </button>
      <span class="hint">{selectedCount > 0 ? 'Exports the selection.' : 'Exports the filtered rows.'}</span>
    </>
  );
}
