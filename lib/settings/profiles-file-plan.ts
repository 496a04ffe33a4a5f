/**
 * What a file of several profiles does to this browser's profiles, worked out in full before anything
 * is written: each profile of the file either updates the profile of the same name here or is added;
 * profiles the file does not mention are left alone (an import never removes one). A file without
 * tokens keeps each matched profile's saved token for the same console; a profile left without a
 * token is still imported, and asks for its token, rather than failing the whole file.
 */
import { DEFAULT_SETTINGS, type Settings } from '../../config/settings';
import {
  MAX_PROFILE_NAME,
  nextProfileColour,
  type ProfileColour,
  type ProfileList,
  profileById,
  withProfileAdded,
} from '../profiles/profile-list';
import type { FileProfile } from './profiles-file';
import { scopeInWords } from './scope-words';
import { mergeSettingsFile } from './settings-merge';

export interface ProfileImport {
  /** The profile of this browser it updates; absent for one the import adds. */
  id?: string;
  /** What the preview calls it: the profile's label here, or the new profile's name. */
  label: string;
  /** A new profile's name; an updated profile keeps its own. */
  name: string;
  /** The updated profile's colour now; absent for a new profile. */
  colourBefore?: ProfileColour;
  colour: ProfileColour;
  /** The settings now (a new profile's are the defaults), read with the token. */
  current: Settings;
  /** The settings after the import; `connection.apiToken` is '' when `needsToken`. */
  next: Settings;
  /** The file asked for the quick path while it is off: an import never turns it on. */
  quickPathHeldOff: boolean;
  /** Connected by the file, but neither the file nor this browser holds a token for its console. */
  needsToken: boolean;
}

export interface ProfilesImportPlan {
  /** In the file's order. */
  profiles: ProfileImport[];
  /** The labels of this browser's profiles that the file does not mention: left as they are. */
  untouched: string[];
}

/** This browser's profiles, as the plan needs them. */
export interface ProfilesNow {
  list: ProfileList;
  /** Each profile's label (profileLabel), by id. */
  labels: ReadonlyMap<string, string>;
  /** Each profile's settings read with its token (readSettings), by id. */
  settings: ReadonlyMap<string, Settings>;
}

export type PlanResult = { ok: true; plan: ProfilesImportPlan } | { ok: false; message: string };

export type ListResult = { ok: true; list: ProfileList; ids: string[] } | { ok: false; reason: string };

const nameKey = (name: string) => name.trim().toLowerCase();
const NOT_CONNECTED: Settings = { ...DEFAULT_SETTINGS, connection: null };

/** The plan for `file` onto `now`, or the first problem, naming the profile of the file it is in. */
export function planProfilesImport(now: ProfilesNow, file: readonly FileProfile[]): PlanResult {
  const claimed = new Set<string>();
  const profiles: ProfileImport[] = [];
  let running = now.list;
  for (const [index, item] of file.entries()) {
    // An unnamed profile of the file (a first profile never named) matches the unnamed one here.
    const existing = now.list.profiles.find(
      (profile) => !claimed.has(profile.id) && nameKey(profile.name) === nameKey(item.name),
    );
    if (existing) claimed.add(existing.id);
    const current = (existing && now.settings.get(existing.id)) ?? NOT_CONNECTED;
    const merged = mergeSettingsFile(current, item.settings, { tokenOptional: true });
    const fallbackLabel = item.name || `Profile ${index + 1} of the file`;
    const where = `"profiles.${index}" (${existing ? (now.labels.get(existing.id) ?? existing.id) : fallbackLabel})`;
    if (!merged.ok) return { ok: false, message: `${where}: ${merged.message}` };
    const next = merged.settings;
    const name = item.name || newProfileName(next, index);
    const planned: ProfileImport = {
      ...(existing ? { id: existing.id, colourBefore: existing.colour } : {}),
      label: existing ? (now.labels.get(existing.id) ?? name) : name,
      name,
      colour: item.colour ?? existing?.colour ?? nextProfileColour(running),
      current,
      next,
      quickPathHeldOff: merged.quickPathHeldOff,
      needsToken: Boolean(next.connection && !next.connection.apiToken),
    };
    // Checked profile by profile: a name taken here, or one profile too many, refuses the whole file.
    const stepped = listAfterImport(running, [planned]);
    if (!stepped.ok) return { ok: false, message: `${where}: ${stepped.reason}` };
    running = stepped.list;
    profiles.push(planned);
  }
  const untouched = now.list.profiles
    .filter((profile) => !claimed.has(profile.id))
    .map((profile) => now.labels.get(profile.id) ?? profile.id);
  return { ok: true, plan: { profiles, untouched } };
}

/**
 * `list` with the plan's profiles added and recoloured, and the id of each (in the plan's order).
 * Applied again to the list as stored when the analyst confirms: a profile removed or a name taken
 * in another tab meanwhile refuses the import rather than writing over something else.
 */
export function listAfterImport(list: ProfileList, profiles: readonly ProfileImport[]): ListResult {
  let next = list;
  const ids: string[] = [];
  for (const planned of profiles) {
    const { id } = planned;
    if (id) {
      // Looked up in the list as given: a profile added just before may have taken a removed one's id.
      if (!profileById(list, id)) return { ok: false, reason: `${planned.label} was removed meanwhile.` };
      next = {
        ...next,
        profiles: next.profiles.map((entry) =>
          entry.id === id ? { ...entry, colour: planned.colour } : entry,
        ),
      };
      ids.push(id);
      continue;
    }
    const added = withProfileAdded(next, planned.name, planned.colour);
    if (!added.ok) return { ok: false, reason: added.reason };
    next = added.list;
    ids.push(added.profile.id);
  }
  return { ok: true, list: next, ids };
}

/** A name for an unnamed profile of the file that matches none here: what it connects to, as the page would call it. */
function newProfileName(settings: Settings, index: number): string {
  const words = settings.connection ? scopeInWords(settings.connection) : `Imported profile ${index + 1}`;
  return words.slice(0, MAX_PROFILE_NAME);
}
