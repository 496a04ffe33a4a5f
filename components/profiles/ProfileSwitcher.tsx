import type { ProfileList } from '../../lib/profiles/profile-list';
import { searchForProfile } from '../../lib/profiles/profile-url';

interface Props {
  list: ProfileList;
  labels: ReadonlyMap<string, string>;
  currentId: string;
}

/**
 * The manager header's profile picker, shown only with two profiles or more. Picking one loads the
 * page for it (its URL names the profile), on the same view.
 */
export function ProfileSwitcher({ list, labels, currentId }: Props) {
  if (list.profiles.length < 2) return null;
  const current = list.profiles.find((profile) => profile.id === currentId);
  return (
    <div class="profile-switcher">
      <span class="profile-swatch" data-colour={current?.colour} aria-hidden="true" />
      <select
        aria-label="Profile"
        value={currentId}
        onChange={(event) => {
          const id = event.currentTarget.value;
          location.assign(`${location.pathname}${searchForProfile(location.search, id)}${location.hash}`);
        }}
      >
        {list.profiles.map((profile) => (
          <option key={profile.id} value={profile.id}>
            {labels.get(profile.id)}
          </option>
        ))}
      </select>
    </div>
  );
}
