/**
 * The local cache as an extension page reads it: straight from IndexedDB, never through the
 * service worker or the network, so answers do not wait for a worker to wake up.
 */
import { storageNamesOf } from '../../lib/profiles/profile-storage-names';
import { createBlockRepo } from '../../lib/store/block-repo';
import { openIocDb } from '../../lib/store/db';
import { takeEarlyCache } from '../../lib/store/early-cache';
import { createIocRepo } from '../../lib/store/ioc-repo';
import { createValueLookup } from '../../lib/store/value-lookup';
import { pageProfileId } from './page-profile';

// The popup starts opening the cache in a classic script before this code loads (early-cache.ts).
const pageDb = takeEarlyCache() ?? openIocDb(storageNamesOf(pageProfileId).database);
export const pageRepo = createIocRepo(pageDb);
/** The mirrored Blocklist and the extension's firewall rules, from the same connection. */
export const pageBlocks = createBlockRepo(pageDb);
/** IOCs and blocks of values in one transaction (the popup's look-up). */
export const pageLookup = createValueLookup(pageDb);
