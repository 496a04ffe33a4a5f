/**
 * The popup's parts with several profiles: one status line for all tenants, their warnings named,
 * and each value answered tenant by tenant. Not split into a chunk of its own: each file a popup
 * loads costs more than these few KB (wxt.config.ts merges small chunks for that reason).
 */
import type { StoredSettings } from '../../config/settings';
import { fireNoticeAcross } from '../../lib/iocs/fire-notes';
import { answersAcross, type TenantLookup } from '../../lib/lookup/tenant-answers';
import {
  type TenantStatus,
  tenantsCount,
  tenantsHeadline,
  tenantWarnings,
} from '../../lib/lookup/tenant-status';
import { storedFireStatus } from '../../lib/sync/fire-status';
import { IDLE_STATUS, type SyncStatus } from '../../lib/sync/sync-status';
import type { PopupParts } from './PopupView';
import { TenantAnswers } from './TenantAnswers';
import type { useTenantActions } from './use-answer-actions';
import type { TenantRead } from './use-tenant-lookups';

export interface SeveralInput {
  reads: readonly TenantRead[];
  statuses: ReadonlyMap<string, SyncStatus>;
  settings: ReadonlyMap<string, StoredSettings>;
  now: number;
  formatTime(iso: string): string;
  actions: ReturnType<typeof useTenantActions>;
  onOpen(value: string, profileId: string): void;
}

export function severalProfiles({
  reads,
  statuses,
  settings,
  now,
  formatTime,
  actions,
  onOpen,
}: SeveralInput): PopupParts {
  const entries: TenantStatus[] = reads.map(({ cache }) => {
    const saved = settings.get(cache.tenant.id);
    return {
      tenant: cache.tenant,
      status: statuses.get(cache.tenant.id),
      connected: saved ? Boolean(saved.connection) : null,
    };
  });
  const lookups: TenantLookup[] = reads.map((read, index) => ({
    tenant: read.cache.tenant,
    connected: entries[index]?.connected ?? null,
    answers: read.answers,
    error: read.error,
    status: statuses.get(read.cache.tenant.id),
    blockStates: read.blockStates,
  }));
  const warnings = [
    ...tenantWarnings(entries, now),
    ...reads.flatMap((read) => (read.error ? [`${read.cache.tenant.label}: ${read.error}`] : [])),
  ];
  const headline = tenantsHeadline(entries, formatTime);
  return {
    count: tenantsCount(entries),
    headline: { state: headline.state, text: headline.text },
    warnings,
    fireNote: fireNoticeAcross(
      entries.map((e) => ({ label: e.tenant.label, fire: storedFireStatus(e.status) })),
    ),
    offerConnection: false,
    answers: (
      <TenantAnswers
        answers={answersAcross(lookups)}
        now={now}
        abilitiesOf={(id) => {
          const status = statuses.get(id) ?? IDLE_STATUS;
          return {
            firewall: status.blocks.firewall.available,
            blocklistReadable: status.blocks.blocklist.readable,
            canAct: Boolean(settings.get(id)?.connection),
            fire: storedFireStatus(status),
          };
        }}
        progress={actions.progress}
        onAction={(id, answer, kind) => void actions.run(id, answer, kind)}
        onOpen={(id, answer) => onOpen(answer.value, id)}
      />
    ),
  };
}
