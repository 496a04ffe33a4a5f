import { IOC_TYPES, MAX_VALIDITY_DAYS } from '../../config/ioc-types';
import type { SettingsDraft } from '../../lib/settings/settings-draft';
import { Field } from '../ui/Field';
import { ScoreField } from '../ui/ScoreField';

type Draft = Pick<SettingsDraft, 'validityDays' | 'score' | 'quickBlockSingle'>;

interface Props {
  draft: Draft;
  onChange(patch: Partial<Draft>): void;
}

/** What a new IOC gets unless the analyst says otherwise, and whether one value may skip the review. */
export function IocDefaultsFieldset({ draft, onChange }: Props) {
  return (
    <fieldset class="ioc-defaults">
      <legend>Defaults for new IOCs</legend>
      {IOC_TYPES.map((type) => (
        <Field key={type} label={`Validity ${type} (days)`}>
          {({ id }) => (
            <input
              id={id}
              type="number"
              min={1}
              max={MAX_VALIDITY_DAYS[type]}
              value={draft.validityDays[type]}
              title={`At most ${MAX_VALIDITY_DAYS[type]} days: the API clamps anything longer.`}
              onInput={(event) =>
                onChange({ validityDays: { ...draft.validityDays, [type]: event.currentTarget.value } })
              }
            />
          )}
        </Field>
      ))}
      <ScoreField label="Default score" value={draft.score} onText={(score) => onChange({ score })} />
      <Field
        label="Detect a single valid new IOC without the review"
        hint="From the context menu, send it as a Threat Intelligence IOC (Detect) at once when the selection holds exactly one valid IOC that is not in SentinelOne yet and has no warning. Blocks always go through the review."
      >
        {({ id, describedBy }) => (
          <input
            id={id}
            type="checkbox"
            aria-describedby={describedBy}
            checked={draft.quickBlockSingle}
            onChange={(event) => onChange({ quickBlockSingle: event.currentTarget.checked })}
          />
        )}
      </Field>
    </fieldset>
  );
}
