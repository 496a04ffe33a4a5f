/**
 * The profile list in storage.local. Pages add and rename profiles here directly; removing one goes
 * through the worker (lib/worker/remove-profile.ts), which holds the profile's database open.
 */
import { storage } from 'wxt/utils/storage';
import { INITIAL_PROFILES, type ListChange, normalizeProfileList, type ProfileList } from './profile-list';

export const profilesItem = storage.defineItem<ProfileList>('local:profiles', { fallback: INITIAL_PROFILES });

/** The list as the extension uses it (an install from before profiles reads as its one profile). */
export async function readProfiles(): Promise<ProfileList> {
  return normalizeProfileList(await profilesItem.getValue());
}

/** Applies `change` to the stored list and saves the result when it is allowed; says why not otherwise. */
export async function changeProfiles(change: (list: ProfileList) => ListChange): Promise<ListChange> {
  const result = change(await readProfiles());
  if (result.ok) await profilesItem.setValue(result.list);
  return result;
}

/** Remembers the profile the manager shows, as the default target of the review sheet. */
export async function rememberActiveProfile(profileId: string): Promise<void> {
  const list = await readProfiles();
  if (list.activeId === profileId || !list.profiles.some((profile) => profile.id === profileId)) return;
  await profilesItem.setValue({ ...list, activeId: profileId });
}
