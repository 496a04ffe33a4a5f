import { MAX_VALIDITY_DAYS } from '../../config/ioc-types';
import { daysFromText, type IocFields, scoreFromText } from '../../lib/iocs/drafts';
import { Field } from '../ui/Field';
import { ScoreField } from '../ui/ScoreField';
import { ContextFields } from './ContextFields';

interface Props {
  fields: IocFields;
  onChange(fields: IocFields): void;
  tagPrefix: string;
  /** Fields shown but not editable (an edit keeps the IOC's identity). */
  locked?: ReadonlyArray<'source' | 'externalId'>;
  /** The severity picker offers no "none" (an edited IOC that has a severity). */
  severityRequired?: boolean;
}

type TextKey = 'name' | 'description' | 'creator' | 'source' | 'externalId';

const IP_MAX = MAX_VALIDITY_DAYS.IPV4;
const OTHER_MAX = MAX_VALIDITY_DAYS.DNS;

/** The fields every IOC of a submission gets. */
export function IocFieldsForm({ fields, onChange, tagPrefix, locked = [], severityRequired }: Props) {
  const text = (label: string, key: TextKey, placeholder?: string) => (
    <Field label={label}>
      {({ id }) => (
        <input
          id={id}
          value={fields[key]}
          placeholder={placeholder}
          readOnly={(locked as readonly TextKey[]).includes(key)}
          onInput={(event) => onChange({ ...fields, [key]: event.currentTarget.value })}
        />
      )}
    </Field>
  );
  return (
    <fieldset class="ioc-fields">
      <legend>Fields</legend>
      {text('Name', 'name', tagPrefix ? `${tagPrefix} …` : '')}
      {text('Description', 'description')}
      {text('Creator', 'creator')}
      {text('Source', 'source')}
      <ScoreField
        label="Score"
        value={fields.score}
        onText={(score) => onChange({ ...fields, score: scoreFromText(score) })}
      />
      <Field
        label="Validity (days)"
        hint={`At most ${IP_MAX} days for IPs and ${OTHER_MAX} for the rest; longer is shortened to that.`}
      >
        {({ id, describedBy }) => (
          <input
            id={id}
            type="number"
            min={1}
            max={OTHER_MAX}
            placeholder="per type, from Settings"
            aria-describedby={describedBy}
            value={fields.validityDays ?? ''}
            onInput={(event) =>
              onChange({ ...fields, validityDays: daysFromText(event.currentTarget.value) })
            }
          />
        )}
      </Field>
      {text('External ID', 'externalId')}
      <ContextFields
        context={fields.context}
        onChange={(context) => onChange({ ...fields, context })}
        severityRequired={severityRequired}
      />
      {tagPrefix && (
        <p class="hint">
          Names and descriptions start with the tag prefix <strong>{tagPrefix}</strong>.
        </p>
      )}
    </fieldset>
  );
}
