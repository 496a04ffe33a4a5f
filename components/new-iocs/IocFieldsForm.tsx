import { MAX_VALIDITY_DAYS } from '../../config/ioc-types';
import { daysFromText, type IocFields, scoreFromText } from '../../lib/iocs/drafts';

interface Props {
  fields: IocFields;
  onChange(fields: IocFields): void;
  tagPrefix: string;
  /** Fields shown but not editable (an edit keeps the IOC's identity). */
  locked?: ReadonlyArray<'source' | 'externalId'>;
}

const IP_MAX = MAX_VALIDITY_DAYS.IPV4;
const OTHER_MAX = MAX_VALIDITY_DAYS.DNS;

/** The fields every IOC of a submission gets. */
export function IocFieldsForm({ fields, onChange, tagPrefix, locked = [] }: Props) {
  const text = (key: 'name' | 'description' | 'creator' | 'source' | 'externalId') => (event: Event) =>
    onChange({ ...fields, [key]: (event.currentTarget as HTMLInputElement).value });
  return (
    <fieldset class="ioc-fields">
      <legend>Fields</legend>
      <label for="f-name">Name</label>
      <input
        id="f-name"
        value={fields.name}
        onInput={text('name')}
        placeholder={tagPrefix ? `${tagPrefix} …` : ''}
      />
      <label for="f-description">Description</label>
      <input id="f-description" value={fields.description} onInput={text('description')} />
      <label for="f-creator">Creator</label>
      <input id="f-creator" value={fields.creator} onInput={text('creator')} />
      <label for="f-source">Source</label>
      <input
        id="f-source"
        value={fields.source}
        readOnly={locked.includes('source')}
        onInput={text('source')}
      />
      <label for="f-score">Score</label>
      <input
        id="f-score"
        type="number"
        min={0}
        max={100}
        value={fields.score}
        onInput={(event) => onChange({ ...fields, score: scoreFromText(event.currentTarget.value) })}
      />
      <label for="f-validity">Validity (days)</label>
      <span>
        <input
          id="f-validity"
          type="number"
          min={1}
          max={OTHER_MAX}
          placeholder="per type, from Settings"
          value={fields.validityDays ?? ''}
          onInput={(event) => onChange({ ...fields, validityDays: daysFromText(event.currentTarget.value) })}
        />{' '}
        <small>
          At most {IP_MAX} days for IPs and {OTHER_MAX} for the rest; longer is shortened to that.
        </small>
      </span>
      <label for="f-external">External ID</label>
      <input
        id="f-external"
        value={fields.externalId}
        readOnly={locked.includes('externalId')}
        onInput={text('externalId')}
      />
      {tagPrefix && (
        <p class="hint">
          Names and descriptions start with the tag prefix <strong>{tagPrefix}</strong>.
        </p>
      )}
    </fieldset>
  );
}
