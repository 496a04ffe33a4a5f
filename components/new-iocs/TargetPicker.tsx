import type { TargetChoice } from './use-targets';

interface Props {
  choices: readonly TargetChoice[];
  checked: readonly string[];
  onChange(checked: string[]): void;
  disabled: boolean;
}

/**
 * "Send to": one box per profile, each in its colour and name, the page's own ticked at first. A
 * profile not yet connected is shown but cannot be ticked.
 */
export function TargetPicker({ choices, checked, onChange, disabled }: Props) {
  const toggle = (id: string, on: boolean) =>
    onChange(choices.map((c) => c.id).filter((c) => (c === id ? on : checked.includes(c))));
  return (
    <fieldset class="review-targets" aria-label="Send to">
      <legend>Send to</legend>
      {choices.map((choice) => (
        <label key={choice.id} class="review-target">
          <input
            type="checkbox"
            checked={choice.connected && checked.includes(choice.id)}
            disabled={disabled || !choice.connected}
            onChange={(event) => toggle(choice.id, event.currentTarget.checked)}
          />
          <span class="profile-swatch" data-colour={choice.colour} aria-hidden="true" />
          {choice.label}
          {!choice.connected && <span class="hint"> (not connected)</span>}
        </label>
      ))}
    </fieldset>
  );
}
