import { useEffect, useRef, useState } from 'preact/hooks';
import type { StoredSettings } from '../../config/settings';
import { displayText } from '../../lib/iocs/display-text';
import { type IocFields, toDrafts, validateFields } from '../../lib/iocs/drafts';
import type { Ioc, IocDraft } from '../../lib/s1/schemas';
import { errorText } from '../../lib/text/error-text';
import { toneOf } from '../../lib/ui/tones';
import type { UpdateReport } from '../../lib/writes/update-ioc';
import { IocFieldsForm } from '../new-iocs/IocFieldsForm';

interface Props {
  ioc: Ioc;
  settings: StoredSettings;
  onSave(draft: IocDraft): Promise<UpdateReport>;
  onClose(): void;
}

type Status = { kind: 'idle' | 'busy' | 'ok' | 'warn' | 'error'; text: string };

/** The New IOCs fields, prefilled with one IOC; saving re-sends it with the same identity. */
export function EditIocDialog({ ioc, settings, onSave, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [fields, setFields] = useState<IocFields>({
    name: ioc.name ?? '',
    description: ioc.description ?? '',
    creator: ioc.creator ?? settings.connection?.creatorEmail ?? '',
    source: ioc.source,
    score: ioc.originalRiskScore ?? settings.iocDefaults.score,
    validityDays: null,
    externalId: ioc.externalId ?? '',
  });
  const [status, setStatus] = useState<Status>({ kind: 'idle', text: '' });
  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  async function save() {
    // Source and external ID identify the IOC to the console's upsert: they stay as they were.
    const fixed = { ...fields, source: ioc.source, externalId: ioc.externalId ?? '' };
    const problem = validateFields(fixed);
    if (problem) return setStatus({ kind: 'error', text: problem });
    const [draft] = toDrafts(
      [{ value: ioc.value, type: ioc.type }],
      fixed,
      { tagPrefix: settings.connection?.tagPrefix ?? '', validityDays: settings.iocDefaults.validityDays },
      new Date(),
    );
    if (!draft) return;
    setStatus({ kind: 'busy', text: 'Saving…' });
    try {
      const report = await onSave(draft);
      setStatus(
        report.note
          ? { kind: 'warn', text: report.note }
          : { kind: 'ok', text: 'Saved and verified on the console.' },
      );
    } catch (error) {
      setStatus({ kind: 'error', text: errorText(error) });
    }
  }

  return (
    <dialog ref={dialog} aria-labelledby="edit-title" onClose={onClose} class="edit">
      <h2 id="edit-title" class="clamped">
        Edit {ioc.type} <span class="mono">{displayText(ioc.value)}</span>
      </h2>
      <IocFieldsForm
        fields={fields}
        onChange={setFields}
        tagPrefix={settings.connection?.tagPrefix ?? ''}
        locked={['source', 'externalId']}
      />
      <div class="actions">
        <button type="button" class="primary" disabled={status.kind === 'busy'} onClick={() => void save()}>
          Save
        </button>
        <button type="button" disabled={status.kind === 'busy'} onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
      <p
        role="status"
        aria-label="Edit status"
        class={`status-${status.kind}`}
        data-tone={toneOf('status', status.kind)}
      >
        {status.text}
      </p>
    </dialog>
  );
}
