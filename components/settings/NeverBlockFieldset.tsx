import { useEffect, useId } from 'preact/hooks';
import { DEFAULTS } from '../../config/defaults';
import type { NeverBlockDraft } from '../../lib/settings/settings-draft';
import { useLazyModule } from '../page/use-lazy-module';
import { Field } from '../ui/Field';

/** Said while the entries' reader is still loading, so that Save cannot take them unchecked. */
const CHECKING = 'The never-block entries are still being checked; press Save again in a moment.';

// The reader loads the public-suffix list, which the manager keeps out of its first load.
const loadReader = () => import('../../lib/iocs/never-block');
type Reader = Awaited<ReturnType<typeof loadReader>>;

function read(text: string, reader: Reader): NeverBlockDraft {
  const entries = reader.neverBlockLines(text);
  return { text, entries, problems: reader.parseNeverBlock(entries).problems };
}

interface Props {
  value: NeverBlockDraft;
  onChange(value: NeverBlockDraft): void;
}

/**
 * The organisation's own values that are never written to the console. The administrator's entries
 * (config/defaults.yml) are shown and always apply; the analyst adds more, one a line, and each entry
 * that does not read is named here before Save.
 */
export function NeverBlockFieldset({ value, onChange }: Props) {
  const { module: reader, error } = useLazyModule(loadReader, true);
  useEffect(() => {
    if (reader && value.problems[0] === CHECKING) onChange(read(value.text, reader));
  }, [reader, value, onChange]);
  const problemsId = useId();
  const admin = DEFAULTS.neverBlock;
  return (
    <fieldset class="never-block">
      <legend>Never block</legend>
      <p class="hint">
        The organisation's own domains, hashes and addresses: the extension never sends them to SentinelOne
        (no IOC, no Blocklist item, no Firewall rule), and the review warns about them. One a line: a domain
        (also its subdomains and URLs on them), an MD5, SHA1 or SHA256 hash, an IP address or a CIDR range;
        defanged is fine.
      </p>
      {admin.length > 0 && (
        <>
          <p>Set by your administrator, always applied:</p>
          <ul aria-label="Never block, set by your administrator" class="never-block-admin">
            {admin.map((entry) => (
              <li key={entry}>
                <code>{entry}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      <Field
        label={`${admin.length > 0 ? 'Your entries' : 'Entries'}, one a line`}
        error={error}
        invalid={value.problems.length > 0}
        describedBy={value.problems.length > 0 ? problemsId : undefined}
      >
        {({ id, describedBy, invalid }) => (
          <textarea
            id={id}
            rows={4}
            spellcheck={false}
            placeholder={'acme.com\n10.0.0.0/8'}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            value={value.text}
            onInput={(event) => {
              const text = event.currentTarget.value;
              onChange(reader ? read(text, reader) : { text, entries: [], problems: [CHECKING] });
            }}
          />
        )}
      </Field>
      {value.problems.length > 0 && (
        <ul
          id={problemsId}
          role="alert"
          aria-label="Never-block problems"
          class="status-error"
          data-tone="danger"
        >
          {[...new Set(value.problems)].map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
