/**
 * Writes a checked plan (profiles-file-plan.ts) once the analyst has seen its preview: the new
 * profiles into the list first (their ids are only known then), then each profile's settings. A
 * profile whose console has no token is saved with its connection and an empty token hint, the
 * state the worker and Settings already read as "enter the token", instead of being refused.
 */
import type { Settings } from '../../config/settings';
import type { ProfileEntry } from '../profiles/profile-list';
import { storageNamesOf } from '../profiles/profile-storage-names';
import { changeProfiles } from '../profiles/profiles-item';
import { listAfterImport, type ProfileImport, type ProfilesImportPlan } from './profiles-file-plan';
import { saveSettings, settingsItemOf } from './settings';
import { clearToken } from './token-vault';

export interface AppliedImport {
  /** The id of each profile of the plan, in its order. */
  ids: string[];
  /** The labels of the profiles added. */
  added: string[];
  /** The labels of the profiles that ask for their token. */
  needToken: string[];
}

/**
 * Applies `plan`; `startSync` then starts the sync of each profile whose connection is new or changed
 * and has its token (a profile added this instant may not be watched by the worker yet).
 */
export async function applyProfilesImport(
  plan: ProfilesImportPlan,
  startSync: (profileId: string) => Promise<unknown>,
): Promise<AppliedImport> {
  let ids: string[] = [];
  const listed = await changeProfiles((stored) => {
    const result = listAfterImport(stored, plan.profiles);
    if (!result.ok) return result;
    ids = result.ids;
    // changeProfiles needs one profile to report; the ids above are what this import uses.
    return { ok: true, list: result.list, profile: result.list.profiles[0] as ProfileEntry };
  });
  if (!listed.ok) throw new Error(`${listed.reason} Nothing was changed: import the file again.`);
  const toSync: string[] = [];
  for (const [index, planned] of plan.profiles.entries()) {
    const id = ids[index] as string;
    await saveImported(planned.next, id, planned.needsToken);
    if (planned.next.connection && !planned.needsToken && (planned.id === undefined || reaches(planned)))
      toSync.push(id);
  }
  // Started after every write: one failing to start (a worker restarting) leaves the import complete.
  await Promise.allSettled(toSync.map((id) => startSync(id)));
  return {
    ids,
    added: plan.profiles.filter((planned) => planned.id === undefined).map((planned) => planned.label),
    needToken: plan.profiles.filter((planned) => planned.needsToken).map((planned) => planned.label),
  };
}

/** The profile reaches another console, account, site or token after the import: its cache needs a sync. */
function reaches({ current, next }: ProfileImport): boolean {
  const [a, b] = [current.connection, next.connection];
  return (
    a?.consoleUrl !== b?.consoleUrl ||
    a?.accountId !== b?.accountId ||
    a?.scope?.siteId !== b?.scope?.siteId ||
    a?.apiToken !== b?.apiToken
  );
}

async function saveImported(next: Settings, profileId: string, needsToken: boolean): Promise<void> {
  if (!needsToken || !next.connection) {
    await saveSettings(next, profileId);
    return;
  }
  // saveSettings refuses a console without its token; the profile is kept connected-but-tokenless.
  const { apiToken: _none, ...connection } = next.connection;
  await clearToken(storageNamesOf(profileId).tokenKey);
  await settingsItemOf(profileId).setValue({
    ...next,
    connection: { ...connection, tokenHint: '', tokenSavedAt: 0 },
  });
}
