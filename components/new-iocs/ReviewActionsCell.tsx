import { OS_LABELS, OS_TYPES, type OsType } from '../../config/os-types';
import type { RowActionReport } from '../../lib/blocks/actions';
import { detectOnlyReason, type RowActions } from '../../lib/blocks/review-actions';
import type { IocType } from '../../lib/s1/schemas';
import { PivotLinks } from '../pivots/PivotLinks';

interface Props {
  value: string;
  type: IocType;
  actions: RowActions;
  report: RowActionReport | undefined;
  onChange(actions: RowActions): void;
}

/**
 * A review row's actions, each named by what the console does: Detect (a TI IOC), Block execution
 * (the Blocklist, one tick per OS) and Block network (a Firewall Control rule). Types SentinelOne
 * cannot block say so instead of offering a box.
 */
export function ReviewActionsCell({ value, type, actions, report, onChange }: Props) {
  const toggleOs = (os: OsType, on: boolean) => {
    const chosen = new Set(actions.blockExecution ?? []);
    if (on) chosen.add(os);
    else chosen.delete(os);
    onChange({ ...actions, blockExecution: OS_TYPES.filter((o) => chosen.has(o)) });
  };
  const notRecommended = Object.values(report?.blockExecution ?? {}).some(
    (outcome) => outcome?.status === 'not-recommended',
  );
  const detectOnly = detectOnlyReason(type);
  return (
    <div class="row-actions">
      <label>
        <input
          type="checkbox"
          aria-label={`Detect ${value}`}
          checked={actions.detect}
          onChange={(event) => onChange({ ...actions, detect: event.currentTarget.checked })}
        />
        Detect
      </label>
      {actions.blockExecution !== null && (
        <fieldset class="row-actions-group" aria-label={`Block execution of ${value}`}>
          <legend>Block execution:</legend>
          {OS_TYPES.map((os) => (
            <label key={os}>
              <input
                type="checkbox"
                aria-label={`Block execution of ${value} on ${OS_LABELS[os]}`}
                checked={actions.blockExecution?.includes(os) ?? false}
                onChange={(event) => toggleOs(os, event.currentTarget.checked)}
              />
              {OS_LABELS[os]}
            </label>
          ))}
        </fieldset>
      )}
      {actions.blockNetwork !== null && (
        <label>
          <input
            type="checkbox"
            aria-label={`Block network for ${value}`}
            checked={actions.blockNetwork}
            onChange={(event) => onChange({ ...actions, blockNetwork: event.currentTarget.checked })}
          />
          Block network
        </label>
      )}
      {notRecommended && (
        <label class="status-warn" data-tone="warn">
          <input
            type="checkbox"
            aria-label={`Block ${value} anyway, although SentinelOne does not recommend it`}
            checked={actions.allowNotRecommended}
            onChange={(event) => onChange({ ...actions, allowNotRecommended: event.currentTarget.checked })}
          />
          Block anyway (Not recommended by SentinelOne)
        </label>
      )}
      {detectOnly && <span class="hint">{detectOnly}</span>}
      <PivotLinks value={value} type={type} />
    </div>
  );
}
