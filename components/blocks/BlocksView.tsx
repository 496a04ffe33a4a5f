import { useCallback, useMemo, useState } from 'preact/hooks';
import { ACTION_LABELS } from '../../lib/blocks/actions';
import { blocksExportFileName, blocksToCsv, blocksToJson } from '../../lib/blocks/blocks-export';
import {
  type BlockFilter,
  type BlockRow,
  type BlockSort,
  blockRows,
  EMPTY_BLOCK_FILTER,
  filterBlockRows,
  sortBlockRows,
  unblockQuestion,
  unblockTargets,
} from '../../lib/blocks/blocks-table';
import { defaultRenewDays } from '../../lib/blocks/renew-rules';
import { settingsItemOf } from '../../lib/settings/settings';
import type { SyncStatus } from '../../lib/sync/sync-status';
import { pluralize } from '../../lib/text/pluralize';
import { SelectionExportButtons } from '../manager/SelectionExportButtons';
import { downloadText } from '../page/download';
import { pageProfileId, sendAboutPage } from '../page/page-profile';
import { useBlockCache } from '../page/use-block-cache';
import { useStorageItem } from '../page/use-storage-item';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { AvailabilityNotes } from './AvailabilityNotes';
import { BlockDetailDialog } from './BlockDetailDialog';
import { BlocksTable } from './BlocksTable';
import { RenewRulesDialog } from './RenewRulesDialog';

interface Props {
  /** The published sync status; undefined until read. */
  status: SyncStatus | undefined;
}

/** The manager's Blocks view: what the console blocks, as the last sync mirrored it. */
export function BlocksView({ status }: Props) {
  const cache = useBlockCache(status);
  const [filter, setFilter] = useState<BlockFilter>(EMPTY_BLOCK_FILTER);
  const [sort, setSort] = useState<BlockSort | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [open, setOpen] = useState<BlockRow | null>(null);
  const [confirming, setConfirming] = useState<readonly BlockRow[] | null>(null);
  const [renewing, setRenewing] = useState<{ rows: BlockRow[]; skippedHashes: number } | null>(null);
  const [actionStatus, setActionStatus] = useState('');
  const settings = useStorageItem(settingsItemOf(pageProfileId));

  const all = useMemo(
    () => (cache.blocklist && cache.firewallRules ? blockRows(cache.blocklist, cache.firewallRules) : null),
    [cache.blocklist, cache.firewallRules],
  );
  // One "now" per data load, so that the expiry column agrees with itself.
  const now = useMemo(() => Date.now(), [all]);
  const rows = useMemo(() => sortBlockRows(filterBlockRows(all ?? [], filter), sort), [all, filter, sort]);

  const onSelect = useCallback((keys: string[], on: boolean) => {
    setSelected((previous) => {
      const next = new Set(previous);
      for (const key of keys)
        if (on) next.add(key);
        else next.delete(key);
      return next;
    });
  }, []);
  // Selected rows that still exist (a sync may have lifted some since they were ticked).
  const selectedRows = useMemo(() => (all ?? []).filter((row) => selected.has(row.key)), [all, selected]);
  // Only rules expire; a Blocklist hash blocks until unblocked, so Renew leaves hashes out.
  const selectedRules = selectedRows.filter((row) => row.kind === 'blockNetwork');

  const exportAs = (kind: 'csv' | 'json') => {
    const chosen = selectedRows.length > 0 ? selectedRows : rows;
    downloadText(
      blocksExportFileName(kind, new Date(), chosen.length),
      kind === 'csv' ? blocksToCsv(chosen) : blocksToJson(chosen),
      kind === 'csv' ? 'text/csv' : 'application/json',
    );
  };

  if (cache.error)
    return (
      <p class="error" data-tone="danger">
        {cache.error}
      </p>
    );
  if (!all) return <p>Reading the local cache…</p>;
  const hashes = all.filter((row) => row.kind === 'blockExecution').length;
  const rules = all.length - hashes;

  return (
    <section aria-label="Blocks" class="blocks-view">
      <AvailabilityNotes status={status} />
      <h2 class="blocks-heading">
        {pluralize(hashes, 'hash', 'hashes')} with Block execution · {pluralize(rules, 'Block network rule')}
      </h2>
      <form class="filters" aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          Search
          <input
            type="search"
            aria-label="Filter by value, description, source or user"
            title="Matches value, description, source or user anywhere, ignoring case."
            value={filter.text}
            onInput={(event) => setFilter({ ...filter, text: event.currentTarget.value })}
          />
        </label>
        <label>
          Action
          <select
            aria-label="Filter by action"
            value={filter.kind}
            onChange={(event) =>
              setFilter({ ...filter, kind: event.currentTarget.value as BlockFilter['kind'] })
            }
          >
            <option value="all">All</option>
            <option value="blockExecution">{ACTION_LABELS.blockExecution}</option>
            <option value="blockNetwork">{ACTION_LABELS.blockNetwork}</option>
          </select>
        </label>
        <button type="button" onClick={() => setFilter(EMPTY_BLOCK_FILTER)}>
          Clear filters
        </button>
        <output aria-label="Shown blocks" class="count">
          {rows.length.toLocaleString('en-US')} of {all.length.toLocaleString('en-US')} blocks
        </output>
      </form>
      {/* As in the IOCs view: the selection's actions appear with a selection. Renew stays disabled
          (its title says why) when the selection holds hashes only, which have no expiry. */}
      <div class="toolbar" data-selection={selectedRows.length > 0 ? 'some' : 'none'}>
        <output aria-label="Selected blocks" class="selection-count">
          {selectedRows.length > 0 ? `${selectedRows.length} selected` : ''}
        </output>
        {selectedRows.length > 0 && (
          <>
            <button type="button" class="danger" onClick={() => setConfirming(selectedRows)}>
              Unblock selected…
            </button>
            <button
              type="button"
              disabled={selectedRules.length === 0}
              title="Block network rules only: the Blocklist has no expiry, it blocks until unblocked."
              onClick={() =>
                setRenewing({
                  rows: selectedRules,
                  skippedHashes: selectedRows.length - selectedRules.length,
                })
              }
            >
              Renew selected…
            </button>
          </>
        )}
        <SelectionExportButtons
          selectedCount={selectedRows.length}
          shownCount={rows.length}
          onClear={() => setSelected(new Set())}
          onExport={exportAs}
        />
        <output aria-label="Action status">{actionStatus}</output>
      </div>
      <BlocksTable
        rows={rows}
        sort={sort}
        onSort={setSort}
        selected={selected}
        onSelect={onSelect}
        onOpen={setOpen}
        now={now}
      />
      {rows.length === 0 && (
        <p class="hint" role="status" aria-label="Empty table">
          {all.length === 0
            ? 'The cache holds no Blocklist hash and no Block network rule of the extension for this account.'
            : 'No block matches these filters.'}
        </p>
      )}
      {open && (
        <BlockDetailDialog
          row={open}
          onClose={() => setOpen(null)}
          onUnblock={(row) => setConfirming([row])}
          onRenew={(row) => setRenewing({ rows: [row], skippedHashes: 0 })}
        />
      )}
      {renewing && (
        <RenewRulesDialog
          rows={renewing.rows}
          skippedHashes={renewing.skippedHashes}
          defaultDays={
            settings
              ? defaultRenewDays(
                  renewing.rows.map((row) => row.valueType),
                  settings.iocDefaults.validityDays,
                )
              : 30
          }
          onRenew={async (days) => {
            const report = await sendAboutPage('renewFirewallRules', {
              ruleIds: renewing.rows.flatMap((row) => row.firewallRuleIds),
              days,
            });
            // The rows show the new dates once the sync the renewal started has mirrored them.
            setActionStatus(report.message);
            return report;
          }}
          onClose={() => setRenewing(null)}
        />
      )}
      {confirming && (
        <ConfirmDialog
          title={confirming.length === 1 ? 'Unblock' : 'Unblock selected'}
          message={unblockQuestion(confirming)}
          confirmLabel={confirming.length === 1 ? 'Unblock' : `Unblock ${confirming.length}`}
          onConfirm={async () => {
            const report = await sendAboutPage('unblock', unblockTargets(confirming));
            setActionStatus(report.message);
            onSelect(
              confirming.map((row) => row.key),
              false,
            );
            await cache.reload();
          }}
          onClose={() => setConfirming(null)}
        />
      )}
    </section>
  );
}
