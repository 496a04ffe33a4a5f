import { useEffect, useId, useState } from 'preact/hooks';
import { type ContextText, emptyContext, hasContext } from '../../lib/iocs/context-fields';
import { RICH_FIELDS, type RichListKey, SEVERITY_CHOICES } from '../../lib/iocs/rich-fields';
import { Field } from '../ui/Field';

interface Props {
  context: ContextText | undefined;
  onChange(context: ContextText): void;
  /** No "none": the IOC has a severity, and no value sent clears one. */
  severityRequired?: boolean;
}

/**
 * Severity and the context lists (rich-fields.ts), folded so the dense form stays short, and open
 * from the start when any is set, so a value sent is never hidden.
 */
export function ContextFields({ context = emptyContext(), onChange, severityRequired = false }: Props) {
  const [open, setOpen] = useState(() => hasContext(context));
  const anySet = hasContext(context);
  // Opened too when the fields are set from outside (an IOC to edit); never closed under the analyst.
  useEffect(() => {
    if (anySet) setOpen(true);
  }, [anySet]);
  const hintId = useId();
  const setList = (key: RichListKey, text: string) =>
    onChange({ ...context, lists: { ...context.lists, [key]: text } });
  return (
    <details class="ioc-context" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Context: severity, labels, threat actors…</summary>
      <div class="ioc-fields">
        <p id={hintId} class="hint">
          Lists are comma- or semicolon-separated; each IOC gets them as its context on the console.
        </p>
        <Field label="Severity">
          {({ id }) => (
            <select
              id={id}
              value={context.severity ?? ''}
              onChange={(event) => {
                const text = event.currentTarget.value;
                onChange({ ...context, severity: text === '' ? null : Number(text) });
              }}
            >
              {!severityRequired && <option value="">none</option>}
              {SEVERITY_CHOICES.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.text}
                </option>
              ))}
            </select>
          )}
        </Field>
        {RICH_FIELDS.map(({ key, label }) =>
          key === 'severity' ? null : (
            <Field key={key} label={label} describedBy={hintId}>
              {({ id, describedBy }) => (
                <input
                  id={id}
                  aria-describedby={describedBy}
                  value={context.lists[key] ?? ''}
                  onInput={(event) => setList(key, event.currentTarget.value)}
                />
              )}
            </Field>
          ),
        )}
      </div>
    </details>
  );
}
