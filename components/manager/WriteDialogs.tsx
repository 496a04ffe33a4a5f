/**
 * The IOC view's two confirmations that write to SentinelOne: Renew and Delete of the selected rows
 * (or the detail's one IOC). Each group goes to its own profile, one after another; a group that fails
 * does not stop the others, and the dialog says which failed and why.
 */
import type { StoredSettings } from '../../config/settings';
import { renewDrafts } from '../../lib/iocs/renew';
import { renewQuestion } from '../../lib/iocs/renew-question';
import {
  describeGroups,
  eachGroup,
  failuresText,
  rowKeyOf,
  type Tenant,
  type WriteGroup,
} from '../../lib/iocs/tenants';
import { type Ioc, type IocDraft, type IocRef, refOf } from '../../lib/s1/schemas';
import { pluralize } from '../../lib/text/pluralize';
import type { SubmitReport } from '../../lib/writes/submit-iocs';
import { ConfirmDialog } from '../ui/ConfirmDialog';

const countOf = (groups: readonly WriteGroup<unknown>[]) =>
  groups.reduce((sum, group) => sum + group.items.length, 0);

export function RenewDialog({
  groups,
  settingsFor,
  onSubmit,
  onDone,
  onClose,
}: {
  groups: WriteGroup<Ioc>[];
  settingsFor(tenant: Tenant | undefined): StoredSettings;
  onSubmit(drafts: IocDraft[], profileId?: string): Promise<SubmitReport>;
  /** What the view says once every group is renewed. */
  onDone(status: string): void;
  onClose(): void;
}) {
  return (
    <ConfirmDialog
      title="Renew IOCs"
      message={renewQuestion(groups, (tenant) => settingsFor(tenant).iocDefaults)}
      confirmLabel={`Renew ${countOf(groups)}`}
      onConfirm={async () => {
        let stored = 0;
        const failures = await eachGroup(groups, async (group) => {
          const validity = settingsFor(group.tenant).iocDefaults.validityDays;
          const report = await onSubmit(renewDrafts(group.items, validity, new Date()), group.tenant?.id);
          stored += report.stored;
          if (report.stoppedBecause)
            throw new Error(`${report.stored} of ${group.items.length} renewed. ${report.stoppedBecause}`);
        });
        const failed = failuresText(failures);
        if (failed) throw new Error(groups.length > 1 ? `${stored} renewed. ${failed}` : failed);
        onDone(`Renewed ${pluralize(stored, 'IOC')}.`);
      }}
      onClose={onClose}
    />
  );
}

export function DeleteSelectedDialog({
  groups,
  acrossProfiles,
  onDelete,
  onDeselect,
  onClose,
}: {
  groups: WriteGroup<Ioc>[];
  /** The view across profiles: the question says each is deleted in its own tenant. */
  acrossProfiles: boolean;
  onDelete(refs: IocRef[], profileId?: string): Promise<void>;
  /** The rows deleted, by row key: they are no longer selected. */
  onDeselect(keys: string[]): void;
  onClose(): void;
}) {
  const count = countOf(groups);
  return (
    <ConfirmDialog
      title="Delete selected IOCs"
      message={
        acrossProfiles
          ? `Delete ${describeGroups(groups)} from SentinelOne? Each is deleted in its own tenant. This cannot be undone.`
          : `Delete ${pluralize(count, 'IOC')} from SentinelOne? This cannot be undone.`
      }
      confirmLabel={`Delete ${count}`}
      onConfirm={async () => {
        const failures = await eachGroup(groups, async (group) => {
          await onDelete(group.items.map(refOf), group.tenant?.id);
          onDeselect(group.items.map((ioc) => rowKeyOf(ioc.uuid, group.tenant)));
        });
        const failed = failuresText(failures);
        if (failed) throw new Error(failed);
      }}
      onClose={onClose}
    />
  );
}
