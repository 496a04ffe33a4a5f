/**
 * Opening the caches before the page's code has loaded, so that the popup's look-up answers sooner.
 *
 * Opening IndexedDB takes 5–60 ms in a fresh extension page, and a module graph is evaluated only
 * after every file of it has loaded (~100 ms after the popup opens on a 2-core machine). A small
 * classic script (entrypoints/popup-early.ts) therefore starts the opens as the page begins to parse,
 * and the page's own code takes the connections over instead of opening second ones.
 *
 * The first profile's database opens at once, before anything is read, so that a single-profile
 * install waits for nothing new; the profile list is read meanwhile (one storage.local read, a few
 * ms) and every other profile's database opens as soon as it is known, all side by side.
 *
 * The two are separate bundles, each with its own copy of idb: a connection is handed over as the
 * plain IDBDatabase, under a global symbol, and wrapped again by the taker.
 */
import { unwrap, wrap } from 'idb';
import { browser } from 'wxt/browser';
import {
  FIRST_PROFILE_ID,
  INITIAL_PROFILES,
  normalizeProfileList,
  type ProfileList,
} from '../profiles/profile-list';
import { storageNamesOf } from '../profiles/profile-storage-names';
import { type IocDatabase, openIocDb } from './db';

const HANDOFF = Symbol.for('s1-ioc-manager/early-cache');
const PROFILES_HANDOFF = Symbol.for('s1-ioc-manager/early-profiles');

interface EarlyProfiles {
  list: ProfileList;
  /** Every profile's database but the first's (that one is HANDOFF's), opening. */
  databases: Map<string, Promise<IDBDatabase>>;
}

type Scope = { [HANDOFF]?: Promise<IDBDatabase>; [PROFILES_HANDOFF]?: Promise<EarlyProfiles> };
const scope = globalThis as Scope;

/**
 * The stored list as the extension uses it; the one-profile list when it cannot be read. Read raw
 * (also by the popup's own code when this script did not run): profiles-item.ts's storage item is a
 * module with side effects, which would cost the popup a file of its own to load.
 */
export async function readProfileList(): Promise<ProfileList> {
  try {
    // The raw storage.local key of lib/profiles/profiles-item.ts.
    const { profiles } = await browser.storage.local.get('profiles');
    return normalizeProfileList(profiles);
  } catch {
    return INITIAL_PROFILES;
  }
}

/** Starts opening the caches now (the real opens, with their upgrade steps), for the takers below. */
export function openCacheEarly(): void {
  scope[HANDOFF] ??= openIocDb().then((db) => unwrap(db));
  scope[PROFILES_HANDOFF] ??= readProfileList().then((list) => {
    const others = list.profiles.filter((profile) => profile.id !== FIRST_PROFILE_ID);
    const databases = new Map(
      others.map((profile) => {
        const opening = openIocDb(storageNamesOf(profile.id).database).then((db) => unwrap(db));
        // Taken later, or never (a profile removed meanwhile): a failed open must not go unhandled.
        opening.catch(() => undefined);
        return [profile.id, opening] as const;
      }),
    );
    return { list, databases };
  });
}

/**
 * The manager's early script across profiles (`?profile=all`): the opens as the popup's
 * (openCacheEarly(), for the page's takers), and every listed profile's connection, for the script's
 * own first reads (components/page/early-rows.ts), by profile id in the list's order.
 */
export function openEveryCacheEarly(): Promise<Map<string, Promise<IocDatabase>>> {
  openCacheEarly();
  const first = scope[HANDOFF] as Promise<IDBDatabase>;
  const others = scope[PROFILES_HANDOFF] as Promise<EarlyProfiles>;
  return others.then(({ list, databases }) => {
    const opened = new Map<string, Promise<IocDatabase>>();
    for (const { id } of list.profiles) {
      const opening = id === FIRST_PROFILE_ID ? first : databases.get(id);
      if (opening)
        opened.set(
          id,
          opening.then((db) => wrap(db) as IocDatabase),
        );
    }
    return opened;
  });
}

/**
 * The manager's early script for one profile: only the database of the profile its address names
 * (the page's own, page-profile.ts), and no profile list (the manager reads it itself).
 */
export function openPageCacheEarly(database: string): Promise<IocDatabase> {
  const opening = openIocDb(database);
  scope[HANDOFF] ??= opening.then((db) => unwrap(db));
  return opening;
}

/**
 * The connection the page's early script started (the popup: the first profile's; the manager: its
 * profile's), once; null if none ran in this page.
 */
export function takeEarlyCache(): Promise<IocDatabase> | null {
  const opening = scope[HANDOFF];
  if (!opening) return null;
  delete scope[HANDOFF];
  return opening.then((db) => wrap(db) as IocDatabase);
}

/**
 * The profile list openCacheEarly() read and the other profiles' connections it started, once; null if
 * it did not run in this page. Each connection is the caller's to take (`databases.get(id)`).
 */
export function takeEarlyProfiles(): Promise<{
  list: ProfileList;
  databases: Map<string, Promise<IocDatabase>>;
}> | null {
  const opening = scope[PROFILES_HANDOFF];
  if (!opening) return null;
  delete scope[PROFILES_HANDOFF];
  return opening.then(({ list, databases }) => ({
    list,
    databases: new Map(
      [...databases].map(([id, db]) => [id, db.then((opened) => wrap(opened) as IocDatabase)] as const),
    ),
  }));
}
