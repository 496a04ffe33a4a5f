import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

interface Props {
  label: ComponentChildren;
  /** Renders the control with the ids that tie it to its label, hint and error. */
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ComponentChildren;
  hint?: ComponentChildren;
  /** A problem with the value, shown in place under the control and announced with it. */
  error?: string | null;
  /** Invalid for a reason shown outside the field, such as a list of problems below it. */
  invalid?: boolean;
  /** Ids of that outside reason, read with the hint and the error. */
  describedBy?: string;
  class?: string;
}

/**
 * A labelled control with its hint and its error: the label is tied with `for`, and the hint and
 * error with `aria-describedby`, so a screen reader reads all three on focus and a test finds the
 * control by its label.
 */
export function Field({ label, children, hint, error, invalid, describedBy: more, class: className }: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : '', more].filter(Boolean).join(' ') || undefined;
  return (
    <div class={['field', className].filter(Boolean).join(' ')}>
      <label for={id}>{label}</label>
      {children({ id, describedBy, invalid: Boolean(error) || Boolean(invalid) })}
      {hint && (
        <span id={hintId} class="hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={errorId} class="field-error" data-tone="danger">
          {error}
        </span>
      )}
    </div>
  );
}
