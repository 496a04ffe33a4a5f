import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { StoredSettings } from '../../config/settings';
import type { ExportKind } from '../../lib/iocs/export-file';
import { EMPTY_FILTER, TEXT_FILTER_FIELDS } from '../../lib/iocs/filter';
import { fireFlagger } from '../../lib/iocs/fire-notes';
import { createIocIndex, type IocSort } from '../../lib/iocs/ioc-index';
import {
  groupByTenant,
  rowKeyOf,
  selectionTest,
  type Tenant,
  type TenantRows,
  type WriteGroup,
} from '../../lib/iocs/tenants';
import { type Ioc, type IocDraft, type IocRef, refOf } from '../../lib/s1/schemas';
import type { BlockRepo } from '../../lib/store/block-repo';
import { PERF_MARKS } from '../../lib/ui/perf-marks';
import type { SubmitReport } from '../../lib/writes/submit-iocs';
import type { UpdateReport } from '../../lib/writes/update-ioc';
import { usePageFire } from '../fire/use-page-fire';
import { ColumnPicker } from './ColumnPicker';
import { EditIocDialog } from './EditIocDialog';
import { EmptyTable } from './EmptyTable';
import { IocDetailDialog } from './IocDetailDialog';
import { IocFilters } from './IocFilters';
import { IocTable } from './IocTable';
import { runExport } from './run-export';
import { SelectionExportButtons } from './SelectionExportButtons';
import { useFilteredRows } from './use-filtered-rows';
import { useRichColumns } from './use-rich-columns';
import { useUrlFilter } from './use-url-filter';
import { DeleteSelectedDialog, RenewDialog } from './WriteDialogs';

/** The view across profiles: the tenant of each row, and what each tenant's writes need. */
export interface AcrossProfiles {
  rows: TenantRows;
  /** The tenant's settings (validity days for a renew, defaults for an edit). */
  settingsOf(profileId: string): StoredSettings | undefined;
  /** The tenant's cached blocks, for the detail's block state. */
  blocksOf(profileId: string): BlockRepo;
}

interface Props {
  iocs: readonly Ioc[];
  /** IOCs still being read from the local cache after the first rows (0 when all are here). */
  stillReading: number;
  settings: StoredSettings;
  /** Set across profiles only; the page's one profile has no Tenant column. */
  across?: AcrossProfiles;
  /** Each write names the profile of its rows across profiles, none for the page's own profile. */
  onDelete(targets: IocRef[], profileId?: string): Promise<void>;
  onSubmit(drafts: IocDraft[], profileId?: string): Promise<SubmitReport>;
  onUpdate(previous: Ioc, draft: IocDraft, profileId?: string): Promise<UpdateReport>;
}

/** An IOC and, across profiles, its tenant. */
interface Row {
  ioc: Ioc;
  tenant?: Tenant;
}

/** The analyst's main view: filters, the table, the detail dialog, bulk delete and export. */
export function IocsView({ iocs, stillReading, settings, across, onDelete, onSubmit, onUpdate }: Props) {
  const [filter, setFilter] = useUrlFilter();
  const [sort, setSort] = useState<IocSort | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [open, setOpen] = useState<Row | null>(null);
  const [confirmBulk, setConfirmBulk] = useState(false);
  const [editing, setEditing] = useState<Row | null>(null);
  const [renewing, setRenewing] = useState<WriteGroup<Ioc>[] | null>(null);
  const [actionStatus, setActionStatus] = useState('');
  const [richColumns, toggleRichColumn] = useRichColumns();
  const tenantRows = across?.rows;
  // The page's profile's TI settings; across profiles each row's tenant has its own, not flagged here.
  const fire = usePageFire();
  const flagOf = useMemo(() => (across ? undefined : fireFlagger(fire)), [across, fire]);
  // One "now" per data load, so that relative times and the expiry filter agree within a view.
  const now = useMemo(() => Date.now(), [iocs]);
  const index = useMemo(() => createIocIndex(iocs, tenantRows), [iocs, tenantRows]);
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

  const onSelect = useCallback((keys: string[], on: boolean) => {
    setSelected((previous) => {
      const next = new Set(previous);
      for (const key of keys)
        if (on) next.add(key);
        else next.delete(key);
      return next;
    });
  }, []);

  const tenantAt = useCallback(
    (position: number) => (tenantRows ? tenantRows.tenants[tenantRows.of[position] as number] : undefined),
    [tenantRows],
  );
  const keyOf = useCallback(
    (position: number) => rowKeyOf((iocs[position] as Ioc).uuid, tenantAt(position)),
    [iocs, tenantAt],
  );
  const isSelected = useMemo(
    () => selectionTest(selected, (position) => (iocs[position] as Ioc).uuid, tenantRows),
    [selected, iocs, tenantRows],
  );
  // Selected rows that still exist (a sync may have removed some since they were ticked).
  const selectedRows = useMemo(() => {
    const positions: number[] = [];
    if (selected.size === 0) return positions;
    for (let i = 0; i < iocs.length; i++) if (isSelected(i)) positions.push(i);
    return positions;
  }, [iocs, selected, isSelected]);
  /** The rows at `positions` by tenant: one group per profile a write goes to (one in one profile). */
  const groupsOf = (positions: readonly number[]): WriteGroup<Ioc>[] =>
    tenantRows
      ? groupByTenant(positions, tenantRows, (i) => iocs[i] as Ioc)
      : [{ items: positions.map((i) => iocs[i] as Ioc) }];
  const rowAt = (position: number): Row => ({ ioc: iocs[position] as Ioc, tenant: tenantAt(position) });
  const settingsFor = (tenant: Tenant | undefined) => (tenant && across?.settingsOf(tenant.id)) || settings;

  const exportAs = (kind: ExportKind) => {
    const positions = selectedRows.length > 0 ? selectedRows : Array.from(rows);
    const chosen = positions.map((i) => iocs[i] as Ioc);
    const tenants = tenantRows ? positions.map((i) => tenantAt(i)?.label ?? '') : undefined;
    setActionStatus(`Writing the export of ${chosen.length.toLocaleString('en-US')} IOCs…`);
    runExport({ kind, iocs: chosen, now: Date.now(), tenants }).then(
      () => setActionStatus(''),
      (error: unknown) =>
        setActionStatus(`The export failed: ${error instanceof Error ? error.message : error}`),
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
        tenants={tenantRows?.tenants}
      />
      {stillReading > 0 && (
        <p role="status" aria-label="Reading the cache" class="hint">
          Reading {stillReading.toLocaleString('en-US')} more IOCs from the local cache; filters and sorting
          cover the first {iocs.length.toLocaleString('en-US')} until then.
        </p>
      )}
      {/* The selection's actions appear with a selection; exporting the filtered rows needs none. */}
      <div class="toolbar" data-selection={selectedRows.length > 0 ? 'some' : 'none'}>
        <output aria-label="Selected IOCs" class="selection-count">
          {selectedRows.length > 0 ? `${selectedRows.length} selected` : ''}
        </output>
        {selectedRows.length > 0 && (
          <>
            <button type="button" class="danger" onClick={() => setConfirmBulk(true)}>
              Delete selected…
            </button>
            <button type="button" onClick={() => setRenewing(groupsOf(selectedRows))}>
              Renew selected…
            </button>
          </>
        )}
        <ColumnPicker shown={richColumns} onToggle={toggleRichColumn} />
        <SelectionExportButtons
          selectedCount={selectedRows.length}
          shownCount={rows.length}
          onClear={() => setSelected(new Set())}
          onExport={exportAs}
          withStix
        />
        <output aria-label="Action status" class="action-status" data-tone={actionStatus ? 'ok' : undefined}>
          {actionStatus}
        </output>
      </div>
      <IocTable
        iocs={iocs}
        rows={rows}
        tenants={tenantRows}
        sort={sort}
        onSort={setSort}
        isSelected={isSelected}
        keyOf={keyOf}
        onSelect={onSelect}
        onOpen={(position) => setOpen(rowAt(position))}
        now={now}
        richColumns={richColumns}
        empty={stillReading === 0 && <EmptyTable accountEmpty={iocs.length === 0} />}
        flagOf={flagOf}
      />
      {open && (
        <IocDetailDialog
          ioc={open.ioc}
          tenant={open.tenant}
          fire={open.tenant ? undefined : fire}
          blocks={open.tenant ? across?.blocksOf(open.tenant.id) : undefined}
          onClose={() => setOpen(null)}
          onDelete={async (ioc) => {
            await onDelete([refOf(ioc)], open.tenant?.id);
            onSelect([rowKeyOf(ioc.uuid, open.tenant)], false);
          }}
          onEdit={(ioc) => setEditing({ ioc, tenant: open.tenant })}
          onRenew={(ioc) => setRenewing([{ tenant: open.tenant, items: [ioc] }])}
        />
      )}
      {editing && (
        <EditIocDialog
          ioc={editing.ioc}
          tenant={editing.tenant}
          settings={settingsFor(editing.tenant)}
          onSave={(draft) => onUpdate(editing.ioc, draft, editing.tenant?.id)}
          onClose={() => setEditing(null)}
        />
      )}
      {renewing && (
        <RenewDialog
          groups={renewing}
          settingsFor={settingsFor}
          onSubmit={onSubmit}
          onDone={setActionStatus}
          onClose={() => setRenewing(null)}
        />
      )}
      {confirmBulk && (
        <DeleteSelectedDialog
          groups={groupsOf(selectedRows)}
          acrossProfiles={Boolean(tenantRows)}
          onDelete={onDelete}
          onDeselect={(keys) => onSelect(keys, false)}
          onClose={() => setConfirmBulk(false)}
        />
      )}
    </section>
  );
}
