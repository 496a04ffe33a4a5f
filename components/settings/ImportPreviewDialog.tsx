import type { ImportChange, ProfilePreview } from '../../lib/settings/settings-import-diff';
import { Modal } from '../ui/Modal';

interface Props {
  fileName: string;
  /** What a file of one profile changes in this one. */
  changes?: readonly ImportChange[];
  /** A file of several profiles: what it does to each, and the profiles it leaves alone. */
  profiles?: { profiles: readonly ProfilePreview[]; untouched: readonly string[] };
  onApply(): void;
  onClose(): void;
}

/**
 * What a settings file would change, before anything is saved: Apply saves it, Cancel (or Escape)
 * leaves the settings as they are. A file can swap the console and its token at once, so the
 * analyst sees that first; a file of several profiles shows each one, new or updated.
 */
export function ImportPreviewDialog({ fileName, changes, profiles, onApply, onClose }: Props) {
  return (
    <Modal title={`Import ${fileName}?`} onClose={onClose}>
      {({ close }) => (
        <>
          {changes && (
            <Changes changes={changes} label="What the import changes" none="The file changes nothing." />
          )}
          {profiles?.profiles.map((profile) => (
            <section key={profile.label} aria-label={profile.label}>
              <h3>
                {profile.label}: {profile.isNew ? 'a new profile' : 'a profile here'}
              </h3>
              {profile.needsToken && (
                <p class="hint">
                  The file holds no API token for its console: after the import, enter it in the profile’s
                  Settings.
                </p>
              )}
              <Changes
                changes={profile.changes}
                label={`What the import changes in ${profile.label}`}
                none="The file changes nothing in this profile."
              />
            </section>
          ))}
          {profiles && profiles.untouched.length > 0 && (
            <p>Not in the file, left as they are: {profiles.untouched.join(', ')}.</p>
          )}
          <p>Nothing is saved until you apply.</p>
          <div class="actions">
            <button
              type="button"
              onClick={() => {
                onApply();
                close();
              }}
            >
              Apply
            </button>
            <button type="button" onClick={close}>
              Cancel
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}

function Changes({
  changes,
  label,
  none,
}: {
  changes: readonly ImportChange[];
  label: string;
  none: string;
}) {
  if (changes.length === 0) return <p>{none}</p>;
  return (
    <table class="log" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Setting</th>
          <th scope="col">Now</th>
          <th scope="col">After the import</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.label}>
            <th scope="row">{change.label}</th>
            <td>{change.before}</td>
            <td>{change.after}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
