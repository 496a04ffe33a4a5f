/**
 * The local cache as an extension page reads it: straight from IndexedDB, never through the
 * service worker or the network, so answers do not wait for a worker to wake up.
 */
import { openIocDb } from '../lib/store/db';
import { createIocRepo } from '../lib/store/ioc-repo';

export const pageRepo = createIocRepo(openIocDb());
