import { useRef } from 'preact/hooks';
import { RICH_FIELDS, type RichKey } from '../../lib/iocs/rich-fields';

interface Props {
  /** The optional columns shown, in the table's order. */
  shown: readonly RichKey[];
  onToggle(key: RichKey, on: boolean): void;
}

/**
 * "Columns": one checkbox per context field (rich-fields.ts) showing or hiding its column. A
 * <details> is a disclosure the browser already opens by keyboard and names by its summary; Escape
 * closes it and gives the focus back to the summary, as a menu would.
 */
export function ColumnPicker({ shown, onToggle }: Props) {
  const details = useRef<HTMLDetailsElement>(null);
  return (
    <details
      class="column-picker"
      ref={details}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !details.current?.open) return;
        details.current.open = false;
        details.current.querySelector('summary')?.focus();
      }}
    >
      <summary>Columns{shown.length > 0 ? ` (${shown.length} more)` : ''}</summary>
      <fieldset>
        <legend>Optional columns</legend>
        {RICH_FIELDS.map((field) => (
          <label key={field.key}>
            <input
              type="checkbox"
              name={`column-${field.key}`}
              checked={shown.includes(field.key)}
              onChange={(event) => onToggle(field.key, event.currentTarget.checked)}
            />
            {field.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
