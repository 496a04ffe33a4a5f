import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { FIRST_ROWS } from '../components/page/cache-follower';
import { readProfileRowsEarly, readRowsEarly } from '../components/page/early-rows';
import { isAllProfiles } from '../lib/profiles/all-profiles';
import { storageNamesOf } from '../lib/profiles/profile-storage-names';
import { profileIdInSearch } from '../lib/profiles/profile-url';
import { openEveryCacheEarly, openPageCacheEarly } from '../lib/store/early-cache';
import { createIocRepo } from '../lib/store/ioc-repo';

// A classic script at the top of the manager's page: its profile's cache opens, and its first rows
// are read, while the page's modules load (~100 ms on a 2-core machine). Across profiles, every
// profile's cache, each as soon as the profile list names it.
export default defineUnlistedScript(() => {
  if (isAllProfiles(location.search)) {
    const repos = openEveryCacheEarly().then(
      (databases) => new Map([...databases].map(([id, database]) => [id, createIocRepo(database)])),
    );
    readProfileRowsEarly(repos, FIRST_ROWS);
    return;
  }
  const database = openPageCacheEarly(storageNamesOf(profileIdInSearch(location.search)).database);
  readRowsEarly(createIocRepo(database), FIRST_ROWS);
});
