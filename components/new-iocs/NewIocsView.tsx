import { useMemo, useState } from 'preact/hooks';
import type { StoredSettings } from '../../config/settings';
import type { ActionsReport, RowActionRequest } from '../../lib/blocks/actions';
import {
  plannedKeys,
  rowResults,
  sendingTo,
  submitLabel,
  type TargetPlan,
  type TargetResult,
  targetsNote,
  withheldText,
} from '../../lib/blocks/multi-target';
import type { FirewallAvailability } from '../../lib/blocks/review-actions';
import { reviewRequests } from '../../lib/blocks/review-submit';
import { targetTagsNote } from '../../lib/blocks/target-tags';
import { defaultFields, draftSettings, type IocFields, validateFields } from '../../lib/iocs/drafts';
import type { ExistingLookup } from '../../lib/iocs/existing-lookup';
import { errorText } from '../../lib/text/error-text';
import { pluralize } from '../../lib/text/pluralize';
import { FireNote } from '../fire/FireNotes';
import { usePageFire } from '../fire/use-page-fire';
import { pageProfileId } from '../page/page-profile';
import { Field } from '../ui/Field';
import { StatusLine } from '../ui/StatusLine';
import { useAction } from '../ui/use-action';
import { IocFieldsForm } from './IocFieldsForm';
import { ReviewTable } from './ReviewTable';
import { TargetPicker } from './TargetPicker';
import { useFileDrop } from './use-file-drop';
import { useReview } from './use-review';
import { useTargets } from './use-targets';

interface Props {
  /** Which values SentinelOne already holds, from the local cache. */
  lookupExisting: ExistingLookup;
  settings: StoredSettings;
  /** Whether the console has Firewall Control (from the last sync): Block network is offered only then. */
  firewall: FirewallAvailability;
  /** Why Block network is not offered, when the console said so. */
  firewallReason?: string | null;
  /** Runs each row's chosen actions in the worker, on the profile `profileId` (one call per target). */
  onApply(profileId: string, requests: RowActionRequest[]): Promise<ActionsReport>;
  /** Text to review at once, such as a selection sent from the context menu. */
  initialText?: string;
}

/**
 * Paste anything, review what it holds, send the ticked rows in one batch. With several profiles,
 * "Send to" picks the tenants (the page's own by default) and the batch goes to each of them.
 */
export function NewIocsView({
  lookupExisting,
  settings,
  firewall,
  firewallReason,
  onApply,
  initialText = '',
}: Props) {
  const [fields, setFields] = useState<IocFields>(() => defaultFields(settings));
  const fire = usePageFire();
  const { choices, several } = useTargets(pageProfileId, {
    firewall,
    firewallReason: firewallReason ?? null,
  });
  const [checked, setChecked] = useState<string[]>([pageProfileId]);
  const targets = choices.filter((choice) => choice.connected && checked.includes(choice.id));
  const tagsNote = targetTagsNote(
    targets.map((target) => ({
      label: target.label,
      tagPrefix: (target.draftSettings ?? draftSettings(settings)).tagPrefix,
    })),
  );
  const send = useAction(
    (plans: TargetPlan[]) =>
      `Sending ${pluralize(plannedKeys(plans).size, 'row')}${several ? ` to ${sendingTo(plans)}` : ''}…`,
    async (plans: TargetPlan[]) => {
      const sentAt = new Date();
      const context = {
        fields,
        overrides: review.overrides,
        ...draftSettings(settings),
      };
      // Every profile at once: each has its own console and worker services, so a slow or failing
      // tenant neither holds the others back nor stops them.
      const results = await Promise.all(
        plans.map(async (plan): Promise<TargetResult> => {
          // Each tenant's own tag prefix and default validity; the form's fields are the same for all.
          const requests = reviewRequests(
            plan.rows,
            { ...context, ...plan.target.draftSettings, toDo: review.toDoOn(plan.target) },
            sentAt,
          );
          const sent = { target: plan.target, requests, withheld: plan.withheld };
          if (requests.length === 0) return { ...sent, report: { rows: [], notes: [] } };
          const apply = () =>
            onApply(
              plan.target.id,
              requests.map((r) => r.request),
            );
          // One profile: a failure is the status line's error, as before profiles.
          if (!several) return { ...sent, report: await apply() };
          try {
            return { ...sent, report: await apply() };
          } catch (error) {
            return { ...sent, error: errorText(error) };
          }
        }),
      );
      review.applied(results);
      return targetsNote(results, several);
    },
  );
  const review = useReview({ lookupExisting, settings, targets, initialText, onProblem: send.setStatus });
  const files = useFileDrop(review.importFile, send.setStatus);
  const plans = review.plans.filter((plan) => plan.rows.length > 0 || plan.withheld.length > 0);
  const pendingCount = plannedKeys(plans).size;
  // Each row's result is worked out again only when an outcome or a name changes, so the table
  // redraws only the rows that changed.
  const names = JSON.stringify(choices.map((choice) => [choice.id, choice.label]));
  const results = useMemo(
    () => rowResults(review.outcomes, new Map(JSON.parse(names) as [string, string][]), several),
    [review.outcomes, names, several],
  );
  const now = Date.now();

  function submit() {
    const problem = validateFields(fields);
    if (problem) return send.setStatus({ kind: 'error', text: problem });
    if (pendingCount === 0) return send.setStatus({ kind: 'error', text: 'Nothing is ticked to send.' });
    void send.run(plans);
  }

  const label = submitLabel(plans, review.outcomes, { several, hadRejections: review.hadRejections });

  return (
    <section aria-label="New IOCs" class="new-iocs" {...files.dropProps}>
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
      <Field label="Or import a file: CSV, STIX 2.1 bundle or MISP event (JSON)">
        {({ id }) => (
          <input
            id={id}
            type="file"
            accept=".csv,text/csv,.json,application/json"
            onChange={files.onFileChange}
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
        results={results}
        now={now}
        actionsOf={review.actionsOf}
        onActions={review.choose}
        onTick={review.tick}
        onRetype={review.retype}
        fire={fire}
        overrides={review.overrides}
      />
      {!several && firewall === false && firewallReason && (
        <p class="hint">Block network is not offered: {firewallReason}</p>
      )}
      <IocFieldsForm fields={fields} onChange={setFields} tagPrefix={settings.connection?.tagPrefix ?? ''} />
      {several && (
        <TargetPicker choices={choices} checked={checked} onChange={setChecked} disabled={send.busy} />
      )}
      {several && targets.length === 0 && <p class="hint">Tick a profile to send to.</p>}
      {several && tagsNote && <p class="hint">{tagsNote}</p>}
      {several &&
        plans
          .filter((plan) => plan.withheld.length > 0)
          .map((plan) => (
            <p key={plan.target.id} class="hint">
              Block network will not be sent to {plan.target.label}: {withheldText(plan.target)}
            </p>
          ))}
      <FireNote fire={fire} writes />
      <div class="actions">
        <button type="button" class="primary" disabled={send.busy || pendingCount === 0} onClick={submit}>
          {label}
        </button>
      </div>
      <StatusLine label="Submit status" status={send.status} />
    </section>
  );
}
