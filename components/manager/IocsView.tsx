import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { IOC_TYPES, MAX_VALIDITY_DAYS } from '../../config/ioc-types';
import type { StoredSettings } from '../../config/settings';
import { exportFileName, iocsToCsv, iocsToJson } from '../../lib/iocs/export';
import { EMPTY_FILTER, TEXT_FILTER_FIELDS } from '../../lib/iocs/filter';
import { createIocIndex, type IocSort } from '../../lib/iocs/ioc-index';
import { renewDrafts } from '../../lib/iocs/renew';
import { type Ioc, type IocDraft, type IocRef, refOf } from '../../lib/s1/schemas';
import { pluralize } from '../../lib/text/pluralize';
import { PERF_MARKS } from '../../lib/ui/perf-marks';
import type { SubmitReport } from '../../lib/writes/submit-iocs';
import type { UpdateReport } from '../../lib/writes/update-ioc';
import { downloadText } from '../page/download';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { EditIocDialog } from './EditIocDialog';
import { IocDetailDialog } from './IocDetailDialog';
import { IocFilters } from './IocFilters';
import { IocTable } from './IocTable';
import { SelectionExportButtons } from './SelectionExportButtons';
import { useFilteredRows } from './use-filtered-rows';
import { useUrlFilter } from './use-url-filter';

interface Props {
  iocs: readonly Ioc[];
  /** IOCs still being read from the local cache after the first rows (0 when all are here). */
  stillReading: number;
  settings: StoredSettings;
  onDelete(targets: IocRef[]): Promise<void>;
  onSubmit(drafts: IocDraft[]): Promise<SubmitReport>;
  onUpdate(previous: Ioc, draft: IocDraft): Promise<UpdateReport>;
}

/** The analyst's main view: filters, the table, the detail dialog, bulk delete and export. */
export function IocsView({ iocs, stillReading, settings, onDelete, onSubmit, onUpdate }: Props) {
  const [filter, setFilter] = useUrlFilter();
  const [sort, setSort] = useState<IocSort | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [open, setOpen] = useState<Ioc | null>(null);
  const [confirmBulk, setConfirmBulk] = useState(false);
  const [editing, setEditing] = useState<Ioc | null>(null);
  const [renewing, setRenewing] = useState<readonly Ioc[] | null>(null);
  const [actionStatus, setActionStatus] = useState('');
  // One "now" per data load, so that relative times and the expiry filter agree within a view.
  const now = useMemo(() => Date.now(), [iocs]);
  const index = useMemo(() => createIocIndex(iocs), [iocs]);
  const rows = useFilteredRows(index, filter, sort, now);
  // The text columns the filters search are built while the analyst is not typing.
  useEffect(() => {
    let next = 0;
    let handle = 0;
    const buildOne = () => {
      const field = TEXT_FILTER_FIELDS[next++];
      if (!field) {
        if (stillReading === 0 && performance.getEntriesByName(PERF_MARKS.allRows).length === 0)
          performance.mark(PERF_MARKS.allRows);
        return;
      }
      index.textColumn(field);
      handle = requestIdleCallback(buildOne);
    };
    handle = requestIdleCallback(buildOne);
    return () => cancelIdleCallback(handle);
  }, [index, stillReading]);

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
      {stillReading > 0 && (
        <p role="status" aria-label="Reading the cache" class="hint">
          Reading {stillReading.toLocaleString('en-US')} more IOCs from the local cache; filters and sorting
          cover the first {iocs.length.toLocaleString('en-US')} until then.
        </p>
      )}
      {/* The selection's actions appear with a selection; exporting the filtered rows needs none. */}
      <div class="toolbar" data-selection={selectedIocs.length > 0 ? 'some' : 'none'}>
        <output aria-label="Selected IOCs" class="selection-count">
          {selectedIocs.length > 0 ? `${selectedIocs.length} selected` : ''}
        </output>
        {selectedIocs.length > 0 && (
          <>
            <button type="button" class="danger" onClick={() => setConfirmBulk(true)}>
              Delete selected…
            </button>
            <button type="button" onClick={() => setRenewing(selectedIocs)}>
              Renew selected…
            </button>
          </>
        )}
        <SelectionExportButtons
          selectedCount={selectedIocs.length}
          shownCount={rows.length}
          onClear={() => setSelected(new Set())}
          onExport={exportAs}
        />
        <output aria-label="Action status" class="action-status" data-tone={actionStatus ? 'ok' : undefined}>
          {actionStatus}
        </output>
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
        empty={stillReading === 0 && <EmptyTable accountEmpty={iocs.length === 0} />}
      />
      {open && (
        <IocDetailDialog
          ioc={open}
          onClose={() => setOpen(null)}
          onDelete={async (ioc) => {
            await onDelete([refOf(ioc)]);
            onSelect([ioc.uuid], false);
          }}
          onEdit={setEditing}
          onRenew={(ioc) => setRenewing([ioc])}
        />
      )}
      {editing && (
        <EditIocDialog
          ioc={editing}
          settings={settings}
          onSave={(draft) => onUpdate(editing, draft)}
          onClose={() => setEditing(null)}
        />
      )}
      {renewing && (
        <ConfirmDialog
          title="Renew IOCs"
          message={`Send ${pluralize(renewing.length, 'IOC')} again, valid from now for ${describeValidity(renewing, settings)}? Their other fields stay as they are.`}
          confirmLabel={`Renew ${renewing.length}`}
          onConfirm={async () => {
            const report = await onSubmit(
              renewDrafts(renewing, settings.iocDefaults.validityDays, new Date()),
            );
            if (report.stoppedBecause)
              throw new Error(`${report.stored} of ${renewing.length} renewed. ${report.stoppedBecause}`);
            setActionStatus(`Renewed ${pluralize(report.stored, 'IOC')}.`);
          }}
          onClose={() => setRenewing(null)}
        />
      )}
      {confirmBulk && (
        <ConfirmDialog
          title="Delete selected IOCs"
          message={`Delete ${pluralize(selectedIocs.length, 'IOC')} from SentinelOne? This cannot be undone.`}
          confirmLabel={`Delete ${selectedIocs.length}`}
          onConfirm={async () => {
            await onDelete(selectedIocs.map(refOf));
            setSelected(new Set());
          }}
          onClose={() => setConfirmBulk(false)}
        />
      )}
    </section>
  );
}

/** Why the table has no row, and what to do about it. */
function EmptyTable({ accountEmpty }: { accountEmpty: boolean }) {
  return (
    <div class="empty-state">
      <p role="status" aria-label="Empty table">
        {accountEmpty ? 'The account holds no IOCs.' : 'No IOC matches these filters.'}
      </p>
      <p class="hint">
        {accountEmpty
          ? 'Add some under New IOCs, or press “Grab the IOC ✊” after adding them in the console.'
          : 'Loosen a filter above, or press Clear filters to see every IOC.'}
      </p>
    </div>
  );
}

/** "30 days (DNS), 14 days (IPV4)" for the types among `iocs`. */
function describeValidity(iocs: readonly Ioc[], settings: StoredSettings): string {
  // In the fixed type order, not the cache's: the same selection always reads the same.
  const present = new Set(iocs.map((ioc) => ioc.type));
  const types = IOC_TYPES.filter((type) => present.has(type));
  return types
    .map(
      (type) =>
        `${Math.min(settings.iocDefaults.validityDays[type], MAX_VALIDITY_DAYS[type])} days (${type})`,
    )
    .join(', ');
}
