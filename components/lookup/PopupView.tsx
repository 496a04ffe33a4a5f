import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { StoredSettings } from '../../config/settings';
import { answersAcross, type TenantLookup } from '../../lib/lookup/tenant-answers';
import {
  type TenantStatus,
  tenantsCount,
  tenantsHeadline,
  tenantWarnings,
} from '../../lib/lookup/tenant-status';
import { FIRST_PROFILE_ID } from '../../lib/profiles/profile-list';
import { IDLE_STATUS, type SyncStatus, syncHeadline, tokenWarning } from '../../lib/sync/sync-status';
import { toneOf } from '../../lib/ui/tones';
import { whenIdle } from '../page/when-idle';
import { LookupAnswers } from './LookupAnswers';
import { usePopupTenants } from './popup-caches';
import { TenantAnswers } from './TenantAnswers';
import { useAnswerActions, useTenantActions } from './use-answer-actions';
import { useTenantBlockStates } from './use-block-states';
import { preloadFullLookup } from './use-lookup';
import { useProfileSettings, useProfileStatuses } from './use-profile-items';
import { type TenantRead, useTenantLookups } from './use-tenant-lookups';

interface Props {
  /** Opens the manager on `profileId`, filtered to `value`. */
  onOpen(value: string, profileId: string): void;
  onOpenSettings(): void;
}

const formatTime = (iso: string) => new Date(iso).toLocaleString();
const NO_BLOCKS = new Map();

/** The statuses as one string per purpose; null until every profile's has been read. */
function versionOf(
  ids: readonly string[],
  statuses: ReadonlyMap<string, SyncStatus>,
  field: keyof SyncStatus,
) {
  const read = ids.map((id) => statuses.get(id));
  if (read.some((status) => status === undefined)) return null;
  return read.map((s) => `${s?.completeAt}|${s?.[field]}|${s?.accountKey}`).join(';');
}

/**
 * The toolbar popup: is this value in SentinelOne? Answered from the local caches as you type: with
 * one profile exactly as before profiles, with several from every profile's cache, tenant by tenant.
 */
export function PopupView({ onOpen, onOpenSettings }: Props) {
  const [text, setText] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);
  // autofocus alone is not honoured in every browser's popup: focus once, when it opens.
  useEffect(() => {
    box.current?.focus();
    return whenIdle(() => void preloadFullLookup());
  }, []);
  const tenants = usePopupTenants();
  // Until the list is read (a few ms, usually before this code runs), the first profile: the usual install.
  const ids = tenants?.map((cache) => cache.tenant.id) ?? [FIRST_PROFILE_ID];
  const statuses = useProfileStatuses(ids.join(','));
  const settings = useProfileSettings(ids.join(','));
  const reads = useTenantLookups(text, versionOf(ids, statuses, 'iocCount'));
  const blockStates = useTenantBlockStates(reads, versionOf(ids, statuses, 'blocklistCount') ?? '');
  const lookupBox = (
    <>
      <label for="lookup">Look up values (one or many; defanged is fine)</label>
      <textarea
        id="lookup"
        rows={3}
        autofocus
        ref={box}
        value={text}
        onInput={(event) => setText(event.currentTarget.value)}
        placeholder="evil[.]com, 1.2.3.4, a hash…"
      />
    </>
  );
  const now = Date.now();
  const first = ids[0] as string;
  const single = {
    id: first,
    settings: settings.get(first),
    status: statuses.get(first),
    read: reads.find((read) => read.cache.tenant.id === first),
  };
  const singleActions = useAnswerActions(single.settings, first);
  const tenantActions = useTenantActions((id) => settings.get(id));

  if (ids.length > 1)
    return (
      <SeveralProfiles
        reads={reads}
        statuses={statuses}
        settings={settings}
        blockStates={blockStates}
        now={now}
        actions={tenantActions}
        onOpen={onOpen}
      >
        {lookupBox}
      </SeveralProfiles>
    );

  const status = single.status ?? IDLE_STATUS;
  const connected = Boolean(single.settings?.connection);
  const headline = syncHeadline(status, formatTime);
  const warnings = [
    single.settings && !connected ? 'Not connected: set the console URL and API token first.' : null,
    tokenWarning(status, Date.now()),
    // Unconfigured, the sync "fails" for the reason the line above already gives.
    connected && headline.state === 'failed' ? headline.text : null,
    single.read?.error ?? null,
  ].filter((w, i, all): w is string => w !== null && all.indexOf(w) === i);

  return (
    <main>
      {/* Named for screen readers, which list a page by its first heading; the 400 px have no room for it. */}
      <h1 class="visually-hidden">S1 IOC Manager look-up</h1>
      <div class="popup-status">
        <output aria-label="IOC count">{status.iocCount.toLocaleString('en-US')} IOCs cached</output>
        <span
          role="status"
          aria-label="Sync status"
          class={`sync-${headline.state}`}
          data-tone={toneOf('sync', headline.state)}
        >
          {single.settings && !connected
            ? 'Not connected'
            : headline.state === 'failed'
              ? 'Last sync failed'
              : headline.text}
        </span>
      </div>
      {warnings.map((warning) => (
        <p key={warning} role="alert" class="status-error" data-tone="danger">
          {warning}
        </p>
      ))}
      {single.settings && !connected && (
        <button type="button" class="primary" onClick={onOpenSettings}>
          Open the connection screen
        </button>
      )}
      {lookupBox}
      <LookupAnswers
        answers={single.read?.answers ?? []}
        now={now}
        blockStates={blockStates.get(first) ?? NO_BLOCKS}
        firewall={status.blocks.firewall.available}
        blocklistReadable={status.blocks.blocklist.readable}
        progress={singleActions.progress}
        onAction={connected ? (answer, kind) => void singleActions.run(answer, kind) : undefined}
        onOpen={(answer) => onOpen(answer.value, first)}
      />
    </main>
  );
}

interface SeveralProps {
  reads: readonly TenantRead[];
  statuses: ReadonlyMap<string, SyncStatus>;
  settings: ReadonlyMap<string, StoredSettings>;
  blockStates: ReturnType<typeof useTenantBlockStates>;
  now: number;
  actions: ReturnType<typeof useTenantActions>;
  onOpen: Props['onOpen'];
  children: ComponentChildren;
}

/** The popup with several profiles: one status line for all, and each value answered tenant by tenant. */
function SeveralProfiles({
  reads,
  statuses,
  settings,
  blockStates,
  now,
  actions,
  onOpen,
  children,
}: SeveralProps) {
  const entries: TenantStatus[] = reads.map(({ cache }) => {
    const saved = settings.get(cache.tenant.id);
    return {
      tenant: cache.tenant,
      status: statuses.get(cache.tenant.id),
      connected: saved ? Boolean(saved.connection) : null,
    };
  });
  const headline = tenantsHeadline(entries, formatTime);
  const lookups: TenantLookup[] = reads.map((read, index) => ({
    tenant: read.cache.tenant,
    connected: entries[index]?.connected ?? null,
    answers: read.answers,
    error: read.error,
    status: statuses.get(read.cache.tenant.id),
    blockStates: blockStates.get(read.cache.tenant.id) ?? NO_BLOCKS,
  }));
  const warnings = [
    ...tenantWarnings(entries, Date.now()),
    ...reads.flatMap((read) => (read.error ? [`${read.cache.tenant.label}: ${read.error}`] : [])),
  ].filter((w, i, all) => all.indexOf(w) === i);

  return (
    <main>
      <h1 class="visually-hidden">S1 IOC Manager look-up</h1>
      <div class="popup-status">
        <output aria-label="IOC count">{tenantsCount(entries)}</output>
        <span
          role="status"
          aria-label="Sync status"
          class={`sync-${headline.state}`}
          data-tone={toneOf('sync', headline.state)}
        >
          {headline.text}
        </span>
      </div>
      {warnings.map((warning) => (
        <p key={warning} role="alert" class="status-error" data-tone="danger">
          {warning}
        </p>
      ))}
      {children}
      <TenantAnswers
        answers={answersAcross(lookups)}
        now={now}
        abilitiesOf={(id) => {
          const status = statuses.get(id) ?? IDLE_STATUS;
          return {
            firewall: status.blocks.firewall.available,
            blocklistReadable: status.blocks.blocklist.readable,
            canAct: Boolean(settings.get(id)?.connection),
          };
        }}
        progress={actions.progress}
        onAction={(id, answer, kind) => void actions.run(id, answer, kind)}
        onOpen={(id, answer) => onOpen(answer.value, id)}
      />
    </main>
  );
}
