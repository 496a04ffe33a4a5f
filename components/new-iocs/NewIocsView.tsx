import { useState } from 'preact/hooks';
import type { StoredSettings } from '../../config/settings';
import type { ActionsReport, RowActionRequest } from '../../lib/blocks/actions';
import type { FirewallAvailability } from '../../lib/blocks/review-actions';
import { type KeyedRequest, reviewRequests, submitNote } from '../../lib/blocks/review-submit';
import { defaultFields, type IocFields, validateFields } from '../../lib/iocs/drafts';
import type { ExistingLookup } from '../../lib/iocs/existing-lookup';
import { errorText } from '../../lib/text/error-text';
import { pluralize } from '../../lib/text/pluralize';
import { Field } from '../ui/Field';
import { StatusLine } from '../ui/StatusLine';
import { useAction } from '../ui/use-action';
import { IocFieldsForm } from './IocFieldsForm';
import { ReviewTable } from './ReviewTable';
import { useReview } from './use-review';

interface Props {
  /** Which values SentinelOne already holds, from the local cache. */
  lookupExisting: ExistingLookup;
  settings: StoredSettings;
  /** Whether the console has Firewall Control (from the last sync): Block network is offered only then. */
  firewall: FirewallAvailability;
  /** Why Block network is not offered, when the console said so. */
  firewallReason?: string | null;
  /** Runs each row's chosen actions in the worker. */
  onApply(requests: RowActionRequest[]): Promise<ActionsReport>;
  /** Text to review at once, such as a selection sent from the context menu. */
  initialText?: string;
}

/** Paste anything, review what it holds, send the ticked rows in one batch. */
export function NewIocsView({
  lookupExisting,
  settings,
  firewall,
  firewallReason,
  onApply,
  initialText = '',
}: Props) {
  const [fields, setFields] = useState<IocFields>(() => defaultFields(settings));
  const send = useAction(
    (requests: KeyedRequest[]) => `Sending ${pluralize(requests.length, 'row')}…`,
    async (requests: KeyedRequest[]) => {
      const report = await onApply(requests.map((r) => r.request));
      review.applied(requests, report);
      return submitNote(requests, report);
    },
  );
  const review = useReview({ lookupExisting, settings, firewall, initialText, onProblem: send.setStatus });
  const { pending } = review;
  const now = Date.now();

  function submit() {
    const problem = validateFields(fields);
    if (problem) return send.setStatus({ kind: 'error', text: problem });
    if (pending.length === 0) return send.setStatus({ kind: 'error', text: 'Nothing is ticked to send.' });
    const context = {
      fields,
      overrides: review.overrides,
      tagPrefix: settings.connection?.tagPrefix ?? '',
      validityDays: settings.iocDefaults.validityDays,
      toDo: review.toDo,
    };
    void send.run(reviewRequests(pending, context, new Date()));
  }

  return (
    <section aria-label="New IOCs" class="new-iocs">
      <Field label="Values or text (commas, spaces, new lines, or a pasted report; defanged forms are fine)">
        {({ id }) => (
          <textarea
            id={id}
            rows={6}
            value={review.text}
            onInput={(event) => review.type(event.currentTarget.value)}
          />
        )}
      </Field>
      <Field label="Or import a CSV (columns value, type, name, description, validUntil, score)">
        {({ id }) => (
          <input
            id={id}
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = '';
              if (file)
                review
                  .importCsv(file)
                  .then(send.setStatus, (error: unknown) =>
                    send.setStatus({ kind: 'error', text: `${file.name}: ${errorText(error)}` }),
                  );
            }}
          />
        )}
      </Field>
      {review.capNote && (
        <p role="note" aria-label="Review cap" class="status-warn" data-tone="warn">
          {review.capNote}
        </p>
      )}
      <ReviewTable
        rows={review.rows}
        outcomes={review.outcomes}
        now={now}
        actionsOf={review.actionsOf}
        onActions={review.choose}
        onTick={review.tick}
        onRetype={review.retype}
      />
      {firewall === false && firewallReason && (
        <p class="hint">Block network is not offered: {firewallReason}</p>
      )}
      <IocFieldsForm fields={fields} onChange={setFields} tagPrefix={settings.connection?.tagPrefix ?? ''} />
      <div class="actions">
        <button type="button" class="primary" disabled={send.busy || pending.length === 0} onClick={submit}>
          {review.hadRejections ? `Send the other ${pending.length}` : `Submit ${pending.length}`}
        </button>
      </div>
      <StatusLine label="Submit status" status={send.status} />
    </section>
  );
}
