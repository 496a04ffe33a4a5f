import { useCallback, useMemo, useState } from 'preact/hooks';
import { exportFileName, iocsToCsv, iocsToJson } from '../lib/iocs/export';
import { compileIocFilter, EMPTY_FILTER } from '../lib/iocs/filter';
import { createIocIndex, type IocSort } from '../lib/iocs/ioc-index';
import type { Ioc } from '../lib/s1/schemas';
import { ConfirmDialog } from './ConfirmDialog';
import { downloadText } from './download';
import { IocDetail } from './IocDetail';
import { IocFilters } from './IocFilters';
import { IocTable } from './IocTable';
import { useUrlFilter } from './use-url-filter';

interface Props {
  iocs: readonly Ioc[];
  onDelete(uuids: string[]): Promise<void>;
}

/** The analyst's main view: filters, the table, the detail dialog, bulk delete and export. */
export function IocsView({ iocs, onDelete }: Props) {
  const [filter, setFilter] = useUrlFilter();
  const [sort, setSort] = useState<IocSort | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [open, setOpen] = useState<Ioc | null>(null);
  const [confirmBulk, setConfirmBulk] = useState(false);
  // One "now" per data load, so that relative times and the expiry filter agree within a view.
  const now = useMemo(() => Date.now(), [iocs]);
  const index = useMemo(() => createIocIndex(iocs), [iocs]);
  const rows = useMemo(() => index.query(compileIocFilter(filter, now), sort), [index, filter, sort, now]);

  const onSelect = useCallback((uuids: string[], on: boolean) => {
    setSelected((previous) => {
      const next = new Set(previous);
      for (const uuid of uuids)
        if (on) next.add(uuid);
        else next.delete(uuid);
      return next;
    });
  }, []);

  // Selected IOCs that still exist (a sync may have removed some since they were ticked).
  const selectedIocs = useMemo(() => iocs.filter((ioc) => selected.has(ioc.uuid)), [iocs, selected]);
  const exportRows = () => (selectedIocs.length > 0 ? selectedIocs : Array.from(rows, (i) => iocs[i] as Ioc));
  const exportAs = (kind: 'csv' | 'json') => {
    const chosen = exportRows();
    const text = kind === 'csv' ? iocsToCsv(chosen) : iocsToJson(chosen);
    downloadText(
      exportFileName(kind, new Date(), chosen.length),
      text,
      kind === 'csv' ? 'text/csv' : 'application/json',
    );
  };

  return (
    <section aria-label="IOCs">
      <IocFilters
        filter={filter}
        onChange={setFilter}
        onClear={() => setFilter(EMPTY_FILTER)}
        shown={rows.length}
        total={iocs.length}
      />
      <div class="toolbar">
        <output aria-label="Selected IOCs">
          {selectedIocs.length > 0 ? `${selectedIocs.length} selected` : ''}
        </output>
        <button type="button" disabled={selectedIocs.length === 0} onClick={() => setConfirmBulk(true)}>
          Delete selected…
        </button>
        <button type="button" disabled={selectedIocs.length === 0} onClick={() => setSelected(new Set())}>
          Clear selection
        </button>
        <button
          type="button"
          onClick={() => exportAs('csv')}
          disabled={rows.length === 0 && selectedIocs.length === 0}
        >
          Export CSV
        </button>
        <button
          type="button"
          onClick={() => exportAs('json')}
          disabled={rows.length === 0 && selectedIocs.length === 0}
        >
          Export JSON
        </button>
        <span class="hint">
          {selectedIocs.length > 0 ? 'Exports the selection.' : 'Exports the filtered rows.'}
        </span>
      </div>
      <IocTable
        iocs={iocs}
        rows={rows}
        sort={sort}
        onSort={setSort}
        selected={selected}
        onSelect={onSelect}
        onOpen={setOpen}
        now={now}
      />
      {open && (
        <IocDetail
          ioc={open}
          onClose={() => setOpen(null)}
          onDelete={async (ioc) => {
            await onDelete([ioc.uuid]);
            onSelect([ioc.uuid], false);
          }}
        />
      )}
      {confirmBulk && (
        <ConfirmDialog
          title="Delete selected IOCs"
          message={`Delete ${selectedIocs.length} IOC${selectedIocs.length === 1 ? '' : 's'} from SentinelOne? This cannot be undone.`}
          confirmLabel={`Delete ${selectedIocs.length}`}
          onConfirm={async () => {
            await onDelete(selectedIocs.map((ioc) => ioc.uuid));
            setSelected(new Set());
          }}
          onClose={() => setConfirmBulk(false)}
        />
      )}
    </section>
  );
}
