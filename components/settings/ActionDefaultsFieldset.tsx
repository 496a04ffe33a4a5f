import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { OS_LABELS, OS_TYPES } from '../../config/os-types';
import type { ActionDefaults } from '../../lib/blocks/review-actions';

interface Props {
  value: ActionDefaults;
  onChange(value: ActionDefaults): void;
  /** What the last sync learnt about the console: a reason is shown once, here. */
  blocklistReason: string | null;
  firewallReason: string | null;
}

/**
 * What the review ticks for a new row beside Detect, each named by what the console does with it.
 * A feature the console refused (no Blocklist permission, no Firewall Control) is explained here
 * once; the review then does not offer it.
 */
export function ActionDefaultsFieldset({ value, onChange, blocklistReason, firewallReason }: Props) {
  const toggleOs = (os: (typeof OS_TYPES)[number], on: boolean) => {
    const chosen = new Set(value.blockExecutionOs);
    if (on) chosen.add(os);
    else chosen.delete(os);
    onChange({ ...value, blockExecutionOs: OS_TYPES.filter((o) => chosen.has(o)) });
  };
  return (
    <fieldset class="action-defaults">
      <legend>What the review ticks for a new row</legend>
      <p class="hint">
        Every row is offered <strong>Detect</strong>: a Threat Intelligence IOC, which raises a threat when an
        endpoint sees the value and stops nothing. MD5 hashes and URLs can only be detected.
      </p>
      <BlockOption
        checked={value.blockExecution}
        onChange={(blockExecution) => onChange({ ...value, blockExecution })}
        label="Block execution of SHA1 and SHA256 hashes (the Blocklist stops the file from running) on:"
        unavailable={blocklistReason && `Block execution is not available: ${blocklistReason}`}
      >
        <span class="row-actions">
          {OS_TYPES.map((os) => (
            <label key={os}>
              <input
                type="checkbox"
                aria-label={`Block execution on ${OS_LABELS[os]} by default`}
                checked={value.blockExecutionOs.includes(os)}
                onChange={(event) => toggleOs(os, event.currentTarget.checked)}
              />
              {OS_LABELS[os]}
            </label>
          ))}
        </span>
      </BlockOption>
      <BlockOption
        checked={value.blockNetwork}
        onChange={(blockNetwork) => onChange({ ...value, blockNetwork })}
        label="Block network for IPs and domains (an outbound Firewall Control rule on every OS)"
        unavailable={firewallReason && `Block network is not available: ${firewallReason}`}
      />
    </fieldset>
  );
}

interface OptionProps {
  checked: boolean;
  onChange(checked: boolean): void;
  label: string;
  /** Why the console refused the feature: said under the box, and read with it. */
  unavailable: string | null;
  children?: ComponentChildren;
}

/** One action default: its box, what it covers, and why the console does not offer it, if it does not. */
function BlockOption({ checked, onChange, label, unavailable, children }: OptionProps) {
  const reasonId = useId();
  return (
    <>
      <label>
        <input
          type="checkbox"
          checked={checked}
          aria-describedby={unavailable ? reasonId : undefined}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />{' '}
        {label}
      </label>
      {children}
      {unavailable && (
        <p id={reasonId} class="status-warn" data-tone="warn">
          {unavailable}
        </p>
      )}
    </>
  );
}
