import type { VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { StoredSettings } from '../../config/settings';
import { fireNotice } from '../../lib/iocs/fire-notes';
import { FIRST_PROFILE_ID } from '../../lib/profiles/profile-list';
import { storedFireStatus } from '../../lib/sync/fire-status';
import {
  IDLE_STATUS,
  type SyncHeadline,
  type SyncStatus,
  syncHeadline,
  tokenWarning,
} from '../../lib/sync/sync-status';
import { toneOf } from '../../lib/ui/tones';
import { FireLine } from '../fire/FireNotes';
import { whenIdle } from '../page/when-idle';
import { LookupAnswers } from './LookupAnswers';
import { usePopupTenants } from './popup-caches';
import { popupGate } from './popup-gate';
import { severalProfiles } from './SeveralProfiles';
import { useAnswerActions, useTenantActions } from './use-answer-actions';
import { preloadFullLookup } from './use-lookup';
import { useProfileSettings, useProfileStatuses } from './use-profile-items';
import { type TenantRead, useTenantLookups } from './use-tenant-lookups';

interface Props {
  /** Opens the manager on `profileId`, filtered to `value`. */
  onOpen(value: string, profileId: string): void;
  onOpenSettings(): void;
}

/**
 * What differs between one profile and several. The frame around it stays the same element tree, so
 * that the look-up box keeps its focus and text when the profile list arrives after the first render.
 */
export interface PopupParts {
  count: string;
  headline: SyncHeadline;
  warnings: string[];
  /** "Will it fire?": the line naming where TI threats are off (fire-notes.ts); null when none is. */
  fireNote: string | null;
  /** The button to the connection screen: a single profile not connected yet. */
  offerConnection: boolean;
  answers: VNode | null;
}

const formatTime = (iso: string) => new Date(iso).toLocaleString();
/**
 * What the statuses say of the caches, as one string: a sync, or a write of the extension's own,
 * changes the IOC or block cache. null until every profile's has been read.
 */
function cachesVersion(ids: readonly string[], statuses: ReadonlyMap<string, SyncStatus>) {
  const read = ids.map((id) => statuses.get(id));
  if (read.some((status) => status === undefined)) return null;
  return read.map((s) => `${s?.completeAt}|${s?.iocCount}|${s?.blocklistCount}|${s?.accountKey}`).join(';');
}

interface OneInput {
  id: string;
  read: TenantRead | undefined;
  status: SyncStatus | undefined;
  settings: StoredSettings | undefined;
  now: number;
  actions: ReturnType<typeof useAnswerActions>;
  onOpen: Props['onOpen'];
}

/** One profile: the popup exactly as before profiles, no tenant named anywhere. */
function oneProfile({ id, read, status: published, settings, now, actions, onOpen }: OneInput): PopupParts {
  const status = published ?? IDLE_STATUS;
  const connected = Boolean(settings?.connection);
  const headline = syncHeadline(status, formatTime);
  const fire = storedFireStatus(status);
  const notice = fireNotice(fire);
  const warnings = [
    settings && !connected ? 'Not connected: set the console URL and API token first.' : null,
    tokenWarning(status, now),
    // Unconfigured, the sync "fails" for the reason the line above already gives.
    connected && headline.state === 'failed' ? headline.text : null,
    read?.error ?? null,
  ].filter((w): w is string => w !== null);
  return {
    count: `${status.iocCount.toLocaleString('en-US')} IOCs cached`,
    headline: {
      state: headline.state,
      text:
        settings && !connected
          ? 'Not connected'
          : headline.state === 'failed'
            ? 'Last sync failed'
            : headline.text,
    },
    warnings,
    // Unknown says nothing here: the popup's Detect button is a quick action, the review's hint is enough.
    fireNote: notice?.kind === 'off' ? notice.text : null,
    offerConnection: Boolean(settings && !connected),
    answers: (
      <LookupAnswers
        answers={read?.answers ?? []}
        now={now}
        blockStates={read?.blockStates ?? new Map()}
        firewall={status.blocks.firewall.available}
        blocklistReadable={status.blocks.blocklist.readable}
        progress={actions.progress}
        onAction={connected ? (answer, kind) => void actions.run(answer, kind) : undefined}
        onOpen={(answer) => onOpen(answer.value, id)}
        fire={fire}
      />
    ),
  };
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
  // Until the list is read (a few ms), the first profile: the usual install.
  const ids = tenants?.map((cache) => cache.tenant.id) ?? [FIRST_PROFILE_ID];
  const statuses = useProfileStatuses(ids.join(','));
  const settings = useProfileSettings(ids.join(','));
  const reads = useTenantLookups(text, cachesVersion(ids, statuses));
  const first = ids[0] as string;
  const oneActions = useAnswerActions(settings.get(first), first);
  const tenantActions = useTenantActions((id) => settings.get(id));
  const now = Date.now();
  // After the paint (an effect): the popup's idle work waits for the first answer on screen.
  const answered = text.trim() !== '' && reads.some((read) => read.answers.length > 0 || read.error);
  useEffect(() => {
    if (answered) popupGate.report('answered');
  }, [answered]);

  const parts =
    ids.length === 1
      ? oneProfile({
          id: first,
          read: reads.find((read) => read.cache.tenant.id === first),
          status: statuses.get(first),
          settings: settings.get(first),
          now,
          actions: oneActions,
          onOpen,
        })
      : severalProfiles({
          reads,
          statuses,
          settings,
          now,
          formatTime,
          actions: tenantActions,
          onOpen,
        });
  const warnings = parts.warnings.filter((w, i, all) => all.indexOf(w) === i);

  return (
    <main>
      {/* Named for screen readers, which list a page by its first heading; the 400 px have no room for it. */}
      <h1 class="visually-hidden">S1 IOC Manager look-up</h1>
      <div class="popup-status">
        <output aria-label="IOC count">{parts.count}</output>
        <span
          role="status"
          aria-label="Sync status"
          class={`sync-${parts.headline.state}`}
          data-tone={toneOf('sync', parts.headline.state)}
        >
          {parts.headline.text}
        </span>
      </div>
      {warnings.map((warning) => (
        <p key={warning} role="alert" class="status-error" data-tone="danger">
          {warning}
        </p>
      ))}
      {parts.fireNote && <FireLine text={parts.fireNote} />}
      {parts.offerConnection && (
        <button type="button" class="primary" onClick={onOpenSettings}>
          Open the connection screen
        </button>
      )}
      <label for="lookup">Look up values (one or many; defanged is fine)</label>
      <textarea
        id="lookup"
        rows={3}
        autofocus
        ref={box}
        value={text}
        onInput={(event) => {
          const value = event.currentTarget.value;
          popupGate.report(value.trim() === '' ? 'cleared' : 'typed');
          setText(value);
        }}
        placeholder="evil[.]com, 1.2.3.4, a hash…"
      />
      {parts.answers}
    </main>
  );
}
