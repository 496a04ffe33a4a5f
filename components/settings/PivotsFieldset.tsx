import { useState } from 'preact/hooks';
import { IOC_TYPES } from '../../config/ioc-types';
import type { PivotTemplate } from '../../config/pivots';
import { DEFAULT_PIVOTS } from '../../lib/pivots/default-pivots';
import {
  applyPivotDraft,
  EMPTY_PIVOT_DRAFT,
  type PivotDraft,
  pivotDraftOf,
  removePivot,
} from '../../lib/pivots/pivot-edit';
import { Field } from '../ui/Field';

interface Props {
  value: PivotTemplate[];
  onChange(value: PivotTemplate[]): void;
}

/** The editor's state: which template it edits (undefined: a new one) and what is typed. */
interface Editing {
  at: number | undefined;
  draft: PivotDraft;
  problem: string | null;
}

const typesText = (template: PivotTemplate) =>
  template.types.length === IOC_TYPES.length ? 'all types' : template.types.join(', ');

/**
 * The "Open in…" links of the IOC detail, the popup and the review: one URL template each (docs/pivots.md).
 * A template typed here joins the list only once it reads; otherwise the problem is named in place.
 * The list is saved with the rest of the settings.
 */
export function PivotsFieldset({ value, onChange }: Props) {
  const [editing, setEditing] = useState<Editing | null>(null);
  const edit = (at: number | undefined, draft: PivotDraft) => setEditing({ at, draft, problem: null });
  const apply = () => {
    if (!editing) return;
    const result = applyPivotDraft(value, editing.draft, editing.at);
    if (!result.ok) return setEditing({ ...editing, problem: result.message });
    onChange(result.list);
    setEditing(null);
  };
  return (
    <fieldset class="pivots-settings">
      <legend>Open-in links</legend>
      <p class="hint">
        Links that open an IOC's value on another site, in a new tab, when you click one; nothing is sent
        before. In the link, {'{value}'} is the value (refanged and URL-encoded), {'{type}'} its type and{' '}
        {'{console}'} this profile's console. Save keeps the changes.
      </p>
      <ul class="pivot-list" aria-label="Open-in links">
        {value.map((template, index) => (
          <li key={`${index} ${template.name}`}>
            <strong>{template.name}</strong> <span class="hint">({typesText(template)})</span>{' '}
            <code>{template.url}</code>{' '}
            <button
              type="button"
              aria-label={`Edit ${template.name} (${typesText(template)})`}
              onClick={() => edit(index, pivotDraftOf(template))}
            >
              Edit
            </button>{' '}
            <button
              type="button"
              aria-label={`Remove ${template.name} (${typesText(template)})`}
              onClick={() => onChange(removePivot(value, index))}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      {editing ? (
        <PivotEditor
          editing={editing}
          onDraft={(draft) => setEditing({ ...editing, draft })}
          onApply={apply}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <div class="actions">
          <button type="button" onClick={() => edit(undefined, EMPTY_PIVOT_DRAFT)}>
            Add a link…
          </button>
          <button type="button" onClick={() => onChange([...DEFAULT_PIVOTS])}>
            Restore the default links
          </button>
        </div>
      )}
    </fieldset>
  );
}

interface EditorProps {
  editing: Editing;
  onDraft(draft: PivotDraft): void;
  onApply(): void;
  onCancel(): void;
}

/** One template's name, link and types; Enter applies it here rather than saving the whole form. */
function PivotEditor({ editing, onDraft, onApply, onCancel }: EditorProps) {
  const { draft, problem } = editing;
  const onEnter = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    onApply();
  };
  const toggle = (type: (typeof IOC_TYPES)[number], on: boolean) =>
    onDraft({ ...draft, types: IOC_TYPES.filter((t) => (t === type ? on : draft.types.includes(t))) });
  const isNew = editing.at === undefined;
  return (
    <fieldset class="pivot-editor">
      <legend>{isNew ? 'New link' : 'Edit link'}</legend>
      <Field label="Link name">
        {({ id }) => (
          <input
            id={id}
            value={draft.name}
            maxLength={40}
            onKeyDown={onEnter}
            onInput={(event) => onDraft({ ...draft, name: event.currentTarget.value })}
          />
        )}
      </Field>
      <Field label="Link" hint="https://… with {value}, such as https://intel.example/search?q={value}">
        {({ id, describedBy }) => (
          <input
            id={id}
            class="mono"
            spellcheck={false}
            aria-describedby={describedBy}
            value={draft.url}
            onKeyDown={onEnter}
            onInput={(event) => onDraft({ ...draft, url: event.currentTarget.value })}
          />
        )}
      </Field>
      <fieldset class="row-actions-group">
        <legend>For IOC types:</legend>
        {IOC_TYPES.map((type) => (
          <label key={type}>
            <input
              type="checkbox"
              checked={draft.types.includes(type)}
              onChange={(event) => toggle(type, event.currentTarget.checked)}
            />
            {type}
          </label>
        ))}
      </fieldset>
      {/* Named once the analyst tries to keep the link, and read out at once. */}
      <p role="alert" aria-label="Link problem" class="status-error" data-tone="danger">
        {problem ?? ''}
      </p>
      <div class="actions">
        <button type="button" class="primary" onClick={onApply}>
          {isNew ? 'Add link' : 'Keep changes'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </fieldset>
  );
}
