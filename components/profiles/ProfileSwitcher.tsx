import { ALL_PROFILES, searchForAllProfiles } from '../../lib/profiles/all-profiles';
import type { ProfileList } from '../../lib/profiles/profile-list';
import { searchForProfile } from '../../lib/profiles/profile-url';

interface Props {
  list: ProfileList;
  labels: ReadonlyMap<string, string>;
  /** A profile id, or ALL_PROFILES for every profile's IOCs together. */
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
          const search =
            id === ALL_PROFILES
              ? searchForAllProfiles(location.search)
              : searchForProfile(location.search, id);
          // Every profile together is an IOCs view: the other views belong to one profile.
          const hash = id === ALL_PROFILES ? '#iocs' : location.hash;
          location.assign(`${location.pathname}${search}${hash}`);
        }}
      >
        {list.profiles.map((profile) => (
          <option key={profile.id} value={profile.id}>
            {labels.get(profile.id)}
          </option>
        ))}
        <option value={ALL_PROFILES}>All profiles</option>
      </select>
    </div>
  );
}
