/**
 * The local cache of any profile, for the manager's view across profiles: each profile's own
 * IndexedDB database (profile-storage-names.ts), opened once per page. The page's own profile keeps
 * the one connection page-cache.ts opened already; the others are the connections the manager's
 * early script opened across profiles (lib/store/early-cache.ts), where it ran.
 */
import { storageNamesOf } from '../../lib/profiles/profile-storage-names';
import { type BlockRepo, createBlockRepo } from '../../lib/store/block-repo';
import { type IocDatabase, openIocDb } from '../../lib/store/db';
import { takeEarlyProfiles } from '../../lib/store/early-cache';
import { createIocRepo, type IocRepo } from '../../lib/store/ioc-repo';
import { pageBlocks, pageRepo } from './page-cache';
import { pageProfileId } from './page-profile';

export interface ProfileCache {
  repo: IocRepo;
  blocks: BlockRepo;
}

const opened = new Map<string, ProfileCache>([[pageProfileId, { repo: pageRepo, blocks: pageBlocks }]]);
const early = takeEarlyProfiles();

function openProfileDb(profileId: string): Promise<IocDatabase> {
  const open = () => openIocDb(storageNamesOf(profileId).database);
  return early ? early.then(({ databases }) => databases.get(profileId) ?? open()) : open();
}

export function profileCache(profileId: string): ProfileCache {
  let cache = opened.get(profileId);
  if (!cache) {
    const db = openProfileDb(profileId);
    cache = { repo: createIocRepo(db), blocks: createBlockRepo(db) };
    opened.set(profileId, cache);
  }
  return cache;
}
