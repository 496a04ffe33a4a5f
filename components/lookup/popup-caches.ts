/**
 * Every profile's cache as the popup reads it: straight from IndexedDB, all opened side by side (the
 * early script has usually opened them before this code loads: lib/store/early-cache.ts), with the
 * label and colour each tenant is shown with.
 *
 * Read once for the popup's life: it closes as soon as the analyst goes to the manager to add, rename
 * or remove a profile, so the list cannot change under it.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Tenant } from '../../lib/lookup/tenant-answers';
import { type ProfileList, profileLabel } from '../../lib/profiles/profile-list';
import { storageNamesOf } from '../../lib/profiles/profile-storage-names';
import { scopeInWords } from '../../lib/settings/scope-words';
import { type IocDatabase, openIocDb } from '../../lib/store/db';
import { readProfileList, takeEarlyProfiles } from '../../lib/store/early-cache';
import { createIocRepo, type IocRepo } from '../../lib/store/ioc-repo';
import { createValueLookup, type ValueLookup } from '../../lib/store/value-lookup';
import { pageLookup, pageRepo } from '../page/page-cache';
import { pageProfileId } from '../page/page-profile';

export interface TenantCache {
  tenant: Tenant;
  repo: IocRepo;
  /** The IOCs and block states of values, in one transaction. */
  lookup: ValueLookup;
}

/** The page's own profile shares the page's connection (page-cache.ts took the early one for it). */
function cacheOf(profileId: string, early: Promise<IocDatabase> | undefined) {
  if (profileId === pageProfileId) return { repo: pageRepo, lookup: pageLookup };
  const db = early ?? openIocDb(storageNamesOf(profileId).database);
  return { repo: createIocRepo(db), lookup: createValueLookup(db) };
}

type Connection = Parameters<typeof scopeInWords>[0];

/**
 * What each connection reaches in words, for the labels of unnamed profiles: read raw from the
 * settings items (the settings module, with its schemas, loads only when the popup is idle).
 */
async function scopeWordsOf(list: ProfileList): Promise<Map<string, string>> {
  const keys = list.profiles.map((profile) => storageNamesOf(profile.id).settingsKey.replace(/^local:/, ''));
  const stored = await browser.storage.local.get(keys).catch(() => ({}) as Record<string, unknown>);
  const words = new Map<string, string>();
  list.profiles.forEach((profile, index) => {
    const item = stored[keys[index] as string] as { connection?: Connection | null } | undefined;
    if (item?.connection) words.set(profile.id, scopeInWords(item.connection));
  });
  return words;
}

/** What a look-up reads of one profile: its caches, without its label. */
export type ProfileStores = Omit<TenantCache, 'tenant'>;

async function loadList() {
  const early = takeEarlyProfiles();
  return early ? await early : { list: await readProfileList(), databases: new Map() };
}

const listRead = loadList();

/**
 * Every profile's caches in the list's order, as soon as the list is read: the look-up reads them
 * while the labels (popupTenants) are still being read.
 */
export const popupStores: Promise<ProfileStores[]> = listRead.then(({ list, databases }) =>
  list.profiles.map((profile) => cacheOf(profile.id, databases.get(profile.id))),
);

async function loadTenants(): Promise<TenantCache[]> {
  const [{ list }, stores] = await Promise.all([listRead, popupStores]);
  // One profile shows no label: it reads as the popup did before profiles.
  const words = list.profiles.length > 1 ? await scopeWordsOf(list) : new Map<string, string>();
  return list.profiles.map((profile, index) => ({
    tenant: {
      id: profile.id,
      label: profileLabel(list, profile, words.get(profile.id)),
      colour: profile.colour,
    },
    ...(stores[index] as ProfileStores),
  }));
}

/** Every profile's cache, in the list's order. */
export const popupTenants: Promise<TenantCache[]> = loadTenants();

let loaded: TenantCache[] | undefined;
// Registered before any component's: a render that follows an answer already knows every tenant.
void popupTenants.then((tenants) => {
  loaded = tenants;
});

/** The tenants once popupTenants has resolved, else undefined. */
export const loadedTenants = (): TenantCache[] | undefined => loaded;

/** The tenants for a render: known at once when the list was read before this component rendered. */
export function usePopupTenants(): TenantCache[] | undefined {
  const [tenants, setTenants] = useState(loadedTenants);
  useEffect(() => {
    let live = true;
    if (!tenants) void popupTenants.then((all) => live && setTenants(all));
    return () => {
      live = false;
    };
  }, [tenants]);
  return tenants ?? loaded;
}
