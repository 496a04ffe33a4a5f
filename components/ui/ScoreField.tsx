import { Field } from './Field';

interface Props {
  label: string;
  value: number | string;
  /** The text as typed: each form reads it its own way (empty is no score, or a problem on Save). */
  onText(text: string): void;
}

/** A risk score box, a whole number from 0 to 100, as the console takes it. */
export function ScoreField({ label, value, onText }: Props) {
  return (
    <Field label={label}>
      {({ id }) => (
        <input
          id={id}
          type="number"
          min={0}
          max={100}
          value={value}
          onInput={(event) => onText(event.currentTarget.value)}
        />
      )}
    </Field>
  );
}
