import { searchForProfile } from '../../lib/profiles/profile-url';
import type { ProfilesView } from '../page/use-profiles';

/** A bookmark or an old tab naming a profile that was removed: say so, and offer the ones there are. */
export function UnknownProfile({ profiles }: { profiles: ProfilesView }) {
  return (
    <main>
      <h1 class="product-mark">S1 IOC Manager</h1>
      <p role="alert" class="status-error" data-tone="danger">
        This profile no longer exists: it was removed, with its cache and token.
      </p>
      <nav aria-label="Profiles">
        <ul>
          {profiles.list.profiles.map((profile) => (
            <li key={profile.id}>
              <a href={`${location.pathname}${searchForProfile(location.search, profile.id)}#iocs`}>
                Open {profiles.labels.get(profile.id)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </main>
  );
}
