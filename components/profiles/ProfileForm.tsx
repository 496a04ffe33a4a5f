import { useState } from 'preact/hooks';
import { MAX_PROFILE_NAME, PROFILE_COLOURS, type ProfileColour } from '../../lib/profiles/profile-list';
import { Field } from '../ui/Field';

interface Props {
  /** The form's accessible name: "Add a profile", "Rename Globex". */
  label: string;
  submitLabel: string;
  initial: { name: string; colour: ProfileColour };
  /** Saves; a returned sentence is the problem, shown in place under the name. */
  onSubmit(change: { name: string; colour: ProfileColour }): Promise<string | null>;
  onCancel?(): void;
}

/** A profile's name and colour: the add form and the rename form are this one. */
export function ProfileForm({ label, submitLabel, initial, onSubmit, onCancel }: Props) {
  const [name, setName] = useState(initial.name);
  const [colour, setColour] = useState<ProfileColour>(initial.colour);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      class="profile-form"
      aria-label={label}
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        try {
          setProblem(await onSubmit({ name, colour }));
        } finally {
          setBusy(false);
        }
      }}
    >
      <Field label="Profile name" error={problem}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            value={name}
            maxLength={MAX_PROFILE_NAME}
            placeholder="Tenant name, such as Globex"
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={(event) => setName(event.currentTarget.value)}
          />
        )}
      </Field>
      <Field label="Colour">
        {({ id }) => (
          <select
            id={id}
            value={colour}
            onChange={(event) => setColour(event.currentTarget.value as ProfileColour)}
          >
            {PROFILE_COLOURS.map((choice) => (
              <option key={choice} value={choice}>
                {choice[0]?.toUpperCase()}
                {choice.slice(1)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
