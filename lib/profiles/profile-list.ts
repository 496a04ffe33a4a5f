/**
 * Profiles: one named connection each (console, token, scope, defaults, a colour), so that an MSSP
 * analyst keeps one per tenant side by side. This file is the list itself and the pure rules for
 * changing it; where each profile's data lives is profile-storage-names.ts.
 *
 * The first profile is the install as it was before profiles: it keeps every storage name it had, so an
 * existing install becomes profile 1 with its cache, token and status untouched (no migration, no
 * re-sync). Its name starts empty and the page shows the connection's scope instead, so the
 * single-profile user never has to name anything.
 */

export const FIRST_PROFILE_ID = 'p1';

/** Ids are short and fixed-form: they appear in storage keys, database names and the manager's URL. */
export const PROFILE_ID_PATTERN = /^p[1-9]\d{0,3}$/;

/** The most profiles at once: each syncs on its own and holds up to 1,000,000 IOCs. */
export const MAX_PROFILES = 20;
export const MAX_PROFILE_NAME = 40;

/** Named colours (styles/tokens.css gives each a shade per theme): a tenant is recognised at a glance. */
export const PROFILE_COLOURS = ['blue', 'green', 'amber', 'purple', 'teal', 'pink', 'slate', 'red'] as const;
export type ProfileColour = (typeof PROFILE_COLOURS)[number];

export interface ProfileEntry {
  id: string;
  /** '' until the analyst names it: shown as the connection's scope ("Acme Corp"), or "Profile 1". */
  name: string;
  colour: ProfileColour;
}

export interface ProfileList {
  profiles: ProfileEntry[];
  /** The profile the manager opened last: the review sheet's default target. */
  activeId: string;
  /** The highest profile number ever given, removed ones included, so that no id is given twice. */
  lastNumber?: number;
}

export const INITIAL_PROFILES: ProfileList = {
  profiles: [{ id: FIRST_PROFILE_ID, name: '', colour: 'blue' }],
  activeId: FIRST_PROFILE_ID,
};

export type ListChange =
  | { ok: true; list: ProfileList; profile: ProfileEntry }
  | { ok: false; reason: string };

/** Why `name` cannot name a profile (empty, too long, taken by another), or null when it can. */
export function profileNameProblem(list: ProfileList, name: string, exceptId?: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'Enter a name for the profile, such as the tenant it connects to.';
  if (trimmed.length > MAX_PROFILE_NAME)
    return `A profile name has at most ${MAX_PROFILE_NAME} characters; this one has ${trimmed.length}.`;
  const taken = list.profiles.find(
    (profile) => profile.id !== exceptId && profile.name.trim().toLowerCase() === trimmed.toLowerCase(),
  );
  return taken ? `A profile named "${taken.name}" exists already.` : null;
}

/** The first colour no profile uses yet (cycling once all are used): tenants stay apart at a glance. */
export function nextProfileColour(list: ProfileList): ProfileColour {
  const used = new Set(list.profiles.map((profile) => profile.colour));
  return (
    PROFILE_COLOURS.find((candidate) => !used.has(candidate)) ??
    PROFILE_COLOURS[list.profiles.length % PROFILE_COLOURS.length] ??
    'blue'
  );
}

/** The list with a new profile named `name`: the next free id, and `colour` or the next unused one. */
export function withProfileAdded(
  list: ProfileList,
  name: string,
  colour = nextProfileColour(list),
): ListChange {
  if (list.profiles.length >= MAX_PROFILES)
    return { ok: false, reason: `At most ${MAX_PROFILES} profiles: remove one before adding another.` };
  const problem = profileNameProblem(list, name);
  if (problem) return { ok: false, reason: problem };
  const highest = Math.max(
    list.lastNumber ?? 0,
    ...list.profiles.map((profile) => Number(profile.id.slice(1))),
  );
  // Ids are never reused: a removed profile's leftovers (a late write, an old bookmark) cannot meet a new one.
  const profile: ProfileEntry = { id: `p${highest + 1}`, name: name.trim(), colour };
  return {
    ok: true,
    list: { ...list, profiles: [...list.profiles, profile], lastNumber: highest + 1 },
    profile,
  };
}

/** The list with profile `id` renamed and recoloured. */
export function withProfileChanged(
  list: ProfileList,
  id: string,
  change: { name: string; colour: ProfileColour },
): ListChange {
  const current = profileById(list, id);
  if (!current) return { ok: false, reason: 'That profile was removed meanwhile.' };
  const problem = profileNameProblem(list, change.name, id);
  if (problem) return { ok: false, reason: problem };
  const profile = { ...current, name: change.name.trim(), colour: change.colour };
  return {
    ok: true,
    list: { ...list, profiles: list.profiles.map((entry) => (entry.id === id ? profile : entry)) },
    profile,
  };
}

/** The list without profile `id`; the last profile stays (there is always one to connect). */
export function withProfileRemoved(list: ProfileList, id: string): ListChange {
  const profile = profileById(list, id);
  if (!profile) return { ok: false, reason: 'That profile was removed meanwhile.' };
  if (list.profiles.length === 1)
    return { ok: false, reason: 'The only profile cannot be removed: disconnect it in Settings instead.' };
  const profiles = list.profiles.filter((entry) => entry.id !== id);
  const activeId = list.activeId === id ? (profiles[0] as ProfileEntry).id : list.activeId;
  const lastNumber = Math.max(
    list.lastNumber ?? 0,
    ...list.profiles.map((entry) => Number(entry.id.slice(1))),
  );
  return { ok: true, list: { profiles, activeId, lastNumber }, profile };
}

export function profileById(list: ProfileList, id: string): ProfileEntry | undefined {
  return list.profiles.find((profile) => profile.id === id);
}

/**
 * What a profile is called on screen: its name, else what its connection reaches (the caller's
 * `scopeWords`, e.g. "Acme Corp"), else its position ("Profile 2").
 */
export function profileLabel(list: ProfileList, profile: ProfileEntry, scopeWords?: string): string {
  if (profile.name.trim()) return profile.name.trim();
  if (scopeWords?.trim()) return scopeWords.trim();
  return `Profile ${list.profiles.indexOf(profile) + 1}`;
}

/**
 * A stored list as the extension can use it: entries with a malformed id or colour dropped, the
 * first profile always present (an install before profiles has no list at all), a valid activeId.
 */
export function normalizeProfileList(raw: unknown): ProfileList {
  const input = (raw ?? {}) as Partial<ProfileList>;
  const seen = new Set<string>();
  const profiles: ProfileEntry[] = [];
  for (const entry of Array.isArray(input.profiles) ? input.profiles : []) {
    if (!entry || typeof entry.id !== 'string' || !PROFILE_ID_PATTERN.test(entry.id) || seen.has(entry.id))
      continue;
    seen.add(entry.id);
    profiles.push({
      id: entry.id,
      name: typeof entry.name === 'string' ? entry.name.slice(0, MAX_PROFILE_NAME) : '',
      colour: PROFILE_COLOURS.includes(entry.colour) ? entry.colour : 'blue',
    });
  }
  if (profiles.length === 0) profiles.push(...INITIAL_PROFILES.profiles);
  const activeId =
    typeof input.activeId === 'string' && seen.has(input.activeId)
      ? input.activeId
      : (profiles[0] as ProfileEntry).id;
  const lastNumber =
    typeof input.lastNumber === 'number' && Number.isInteger(input.lastNumber) ? input.lastNumber : 0;
  return lastNumber > 0 ? { profiles, activeId, lastNumber } : { profiles, activeId };
}
