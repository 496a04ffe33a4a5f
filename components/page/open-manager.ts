import { browser } from 'wxt/browser';
import { EMPTY_FILTER } from '../../lib/iocs/filter';
import { filterToSearch } from '../../lib/iocs/filter-url';
import { FIRST_PROFILE_ID } from '../../lib/profiles/profile-list';
import { searchForProfile } from '../../lib/profiles/profile-url';

/** Opens the manager tab filtered to `value`, on `profileId`'s cache. */
export function openInManager(value: string, profileId = FIRST_PROFILE_ID): void {
  // `%` and `*` are wildcards in the value filter; a URL holding one matches a little more, never less.
  const search = searchForProfile(filterToSearch({ ...EMPTY_FILTER, value }), profileId);
  const url = `${browser.runtime.getURL('/options.html')}${search}#iocs`;
  void browser.tabs.create({ url });
}
