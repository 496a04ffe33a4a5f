import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { isAllProfiles } from '../lib/profiles/all-profiles';
import { storageNamesOf } from '../lib/profiles/profile-storage-names';
import { profileIdInSearch } from '../lib/profiles/profile-url';
import { openPageCacheEarly } from '../lib/store/early-cache';

// A classic script at the top of the manager's page: its profile's cache opens while the page's
// modules load (~100 ms on a 2-core machine), so the first rows' read does not wait for the open.
// Across profiles the view opens each profile's cache itself.
export default defineUnlistedScript(() => {
  if (!isAllProfiles(location.search))
    openPageCacheEarly(storageNamesOf(profileIdInSearch(location.search)).database);
});
