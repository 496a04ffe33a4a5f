import { useState } from 'preact/hooks';
import type { IocFilter } from '../../lib/iocs/filter';
import { RICH_FIELDS, SEVERITY_CHOICES } from '../../lib/iocs/rich-fields';
import { LIST_FILTER_FIELDS, parseSeverityFilter } from '../../lib/iocs/rich-filter';

interface Props {
  filter: IocFilter;
  onChange(filter: IocFilter): void;
  /** The filter bar's hint on text matching, shown on these inputs too. */
  hint: string;
}

const labelOf = (key: string) => RICH_FIELDS.find((field) => field.key === key)?.label ?? key;

/** Whether a context filter is set: the block then opens, so a bookmarked filter is never hidden. */
function anySet(filter: IocFilter): boolean {
  return filter.severity !== '' || LIST_FILTER_FIELDS.some((field) => filter[field].trim() !== '');
}

/**
 * "More filters": the context fields (threat actor, malware, labels, campaign, category, severity),
 * folded away so the filter bar stays one dense line for the common hunts.
 */
export function RichFilters({ filter, onChange, hint }: Props) {
  // Decided once: after that the analyst opens and closes it (a controlled `open` would shut it
  // under their cursor the moment they cleared the last context filter).
  const [openAtFirst] = useState(() => anySet(filter));
  return (
    <details class="more-filters" open={openAtFirst}>
      <summary>More filters</summary>
      <div class="filters-row">
        {LIST_FILTER_FIELDS.map((key) => (
          <label key={key}>
            {labelOf(key)}
            <input
              type="search"
              name={key}
              value={filter[key]}
              title={`${hint} One item of the list is enough.`}
              onInput={(event) => onChange({ ...filter, [key]: event.currentTarget.value })}
            />
          </label>
        ))}
        <label>
          Severity
          <select
            name="severity"
            value={filter.severity}
            onChange={(event) =>
              onChange({ ...filter, severity: parseSeverityFilter(event.currentTarget.value) })
            }
          >
            <option value="">Any</option>
            <optgroup label="Exactly">
              {SEVERITY_CHOICES.map((choice) => (
                <option key={choice.value} value={String(choice.value)}>
                  {choice.text}
                </option>
              ))}
            </optgroup>
            <optgroup label="At least">
              {SEVERITY_CHOICES.slice(1).map((choice) => (
                <option key={choice.value} value={`${choice.value}+`}>
                  {choice.text} or higher
                </option>
              ))}
            </optgroup>
          </select>
        </label>
      </div>
    </details>
  );
}
