import { useState } from 'preact/hooks';
import type { StoredSettings } from '../../config/settings';
import { displayText } from '../../lib/iocs/display-text';
import { draftSettings, type IocFields, validateFields } from '../../lib/iocs/drafts';
import { editDraft, editFieldsOf } from '../../lib/iocs/edit-draft';
import type { Tenant } from '../../lib/iocs/tenants';
import type { Ioc, IocDraft } from '../../lib/s1/schemas';
import type { UpdateReport } from '../../lib/writes/update-ioc';
import { IocFieldsForm } from '../new-iocs/IocFieldsForm';
import { Modal } from '../ui/Modal';
import { StatusLine } from '../ui/StatusLine';
import { useAction } from '../ui/use-action';
import { TenantLine } from './TenantLine';

interface Props {
  ioc: Ioc;
  /** Across profiles: the tenant the IOC is in, where the save goes; `settings` are that tenant's. */
  tenant?: Tenant;
  settings: StoredSettings;
  onSave(draft: IocDraft): Promise<UpdateReport>;
  onClose(): void;
}

/** The New IOCs fields, prefilled with one IOC; saving re-sends it with the same identity. */
export function EditIocDialog({ ioc, tenant, settings, onSave, onClose }: Props) {
  const [fields, setFields] = useState<IocFields>(() => editFieldsOf(ioc, settings));
  const save = useAction('Saving…', async (draft: IocDraft) => {
    const report = await onSave(draft);
    return report.note
      ? { kind: 'warn', text: report.note }
      : { kind: 'ok', text: 'Saved and verified on the console.' };
  });

  function submit() {
    // Source and external ID identify the IOC to the console's upsert: they stay as they were.
    const problem = validateFields({ ...fields, source: ioc.source });
    if (problem) return save.setStatus({ kind: 'error', text: problem });
    void save.run(editDraft(ioc, fields, draftSettings(settings), new Date()));
  }

  const title = (
    <>
      Edit {ioc.type} <span class="mono">{displayText(ioc.value)}</span>
    </>
  );
  return (
    <Modal title={title} class="edit" onClose={onClose}>
      {({ close }) => (
        <>
          {tenant && <TenantLine tenant={tenant} />}
          <IocFieldsForm
            fields={fields}
            onChange={setFields}
            tagPrefix={settings.connection?.tagPrefix ?? ''}
            locked={['source', 'externalId']}
            // No draft value clears a severity (lib/iocs/context-fields.ts), so "none" is not offered.
            severityRequired={typeof ioc.severity === 'number'}
          />
          <div class="actions">
            <button type="button" class="primary" disabled={save.busy} onClick={submit}>
              Save
            </button>
            <button type="button" disabled={save.busy} onClick={close}>
              Close
            </button>
          </div>
          <StatusLine label="Edit status" status={save.status} />
        </>
      )}
    </Modal>
  );
}
