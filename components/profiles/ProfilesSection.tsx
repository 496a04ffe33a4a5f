import { useState } from 'preact/hooks';
import { sendMessage } from '../../lib/messages';
import {
  nextProfileColour,
  type ProfileEntry,
  withProfileAdded,
  withProfileChanged,
} from '../../lib/profiles/profile-list';
import { searchForProfile } from '../../lib/profiles/profile-url';
import { changeProfiles } from '../../lib/profiles/profiles-item';
import { scopeInWords } from '../../lib/settings/scope-words';
import { syncStatusItemOf } from '../../lib/sync/sync-status';
import { pluralize } from '../../lib/text/pluralize';
import type { ProfilesView } from '../page/use-profiles';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ProfileForm } from './ProfileForm';

interface Props {
  profiles: ProfilesView;
  /** The profile this page shows. */
  currentId: string;
}

/** Loads the manager for `profileId` on `hash` (a profile's page is its own URL: page-profile.ts). */
const openProfile = (profileId: string, hash: string) =>
  location.assign(`${location.pathname}${searchForProfile(location.search, profileId)}${hash}`);

/**
 * Settings' list of profiles: one per console or tenant, each with its own token, cache and sync.
 * Adding one opens its connection form; removing one deletes its cache and token after a
 * confirmation that names it.
 */
export function ProfilesSection({ profiles, currentId }: Props) {
  const { list, labels, connections } = profiles;
  const [renaming, setRenaming] = useState<string | null>(null);
  const [removing, setRemoving] = useState<{ profile: ProfileEntry; iocCount: number } | null>(null);
  const label = (profile: ProfileEntry) => labels.get(profile.id) ?? profile.id;

  return (
    <section class="profiles" aria-labelledby="profiles-heading">
      <h2 id="profiles-heading">Profiles</h2>
      <p class="hint">
        One profile per console or tenant, each with its own API token, cache and sync. The popup answers from
        every profile.
      </p>
      <ul class="profile-list">
        {list.profiles.map((profile) => {
          const connection = connections.get(profile.id);
          const current = profile.id === currentId;
          return (
            <li key={profile.id} aria-current={current ? 'true' : undefined}>
              <span class="profile-swatch" data-colour={profile.colour} aria-hidden="true" />
              <span class="profile-name">{label(profile)}</span>
              <span class="muted">
                {connection
                  ? `${scopeInWords(connection)} on ${new URL(connection.consoleUrl).host}${
                      connection.tokenHint ? '' : ': enter its API token'
                    }`
                  : 'Not connected yet'}
              </span>
              {current ? (
                <span class="muted">Shown now</span>
              ) : (
                <a href={`${location.pathname}${searchForProfile(location.search, profile.id)}#iocs`}>
                  Open {label(profile)}
                </a>
              )}
              <button type="button" onClick={() => setRenaming(profile.id)}>
                Rename {label(profile)}
              </button>
              {list.profiles.length > 1 && (
                <button
                  type="button"
                  class="danger"
                  onClick={async () => {
                    const status = await syncStatusItemOf(profile.id).getValue();
                    setRemoving({ profile, iocCount: status.iocCount });
                  }}
                >
                  Remove {label(profile)}
                </button>
              )}
              {renaming === profile.id && (
                <ProfileForm
                  label={`Rename ${label(profile)}`}
                  submitLabel="Save name"
                  initial={{ name: profile.name || label(profile), colour: profile.colour }}
                  onCancel={() => setRenaming(null)}
                  onSubmit={async (change) => {
                    const result = await changeProfiles((stored) =>
                      withProfileChanged(stored, profile.id, change),
                    );
                    if (!result.ok) return result.reason;
                    setRenaming(null);
                    return null;
                  }}
                />
              )}
            </li>
          );
        })}
      </ul>
      <ProfileForm
        label="Add a profile"
        submitLabel="Add profile"
        initial={{ name: '', colour: nextProfileColour(list) }}
        onSubmit={async ({ name, colour }) => {
          const result = await changeProfiles((stored) => withProfileAdded(stored, name, colour));
          if (!result.ok) return result.reason;
          // Straight to the new profile's connection form: a profile is only useful once connected.
          openProfile(result.profile.id, '#settings');
          return null;
        }}
      />
      {removing && (
        <ConfirmDialog
          title={`Remove the profile ${label(removing.profile)}?`}
          message={`Its local cache (${pluralize(removing.iocCount, 'IOC')}), its API token and its settings are deleted from this browser. Nothing changes in the SentinelOne console.`}
          confirmLabel={`Remove ${label(removing.profile)}`}
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await sendMessage('removeProfile', undefined, removing.profile.id);
            if (removing.profile.id === currentId) {
              const next = list.profiles.find((profile) => profile.id !== removing.profile.id);
              if (next) openProfile(next.id, '#settings');
            }
          }}
        />
      )}
    </section>
  );
}
