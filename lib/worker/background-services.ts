/**
 * The service worker's composition root: the activity log, and one set of services per profile
 * (profile-services.ts) made when the profile is first addressed. Created once per worker start by
 * entrypoints/background.ts.
 */
import { browser } from 'wxt/browser';
import { logFor, setLogLevel, setLogSink } from '../log/log';
import { browserMenuDeps } from '../menu/browser-menu-deps';
import { handleMenuClick } from '../menu/handle-menu-click';
import type { MenuClick } from '../menu/menu-text';
import { FIRST_PROFILE_ID, profileById, withProfileRemoved } from '../profiles/profile-list';
import { LOG_DATABASE, profileOfAlarm, storageNamesOf } from '../profiles/profile-storage-names';
import { changeProfiles, profilesItem, readProfiles } from '../profiles/profiles-item';
import { readStoredSettings, settingsItemOf } from '../settings/settings';
import { type LogEntry, openIocDb } from '../store/db';
import { createLogRepo } from '../store/log-repo';
import type { SyncTrigger } from '../sync/sync-engine';
import { errorText } from '../text/error-text';
import { createProfileServices, type ProfileServices } from './profile-services';
import { removeProfileData } from './remove-profile';

/** The refusal for a message addressed to a profile that is not in the list (removed from another page). */
export const UNKNOWN_PROFILE_MESSAGE = 'That profile no longer exists: it was removed. Reload the page.';

const LEVEL_ORDER: readonly LogEntry['level'][] = ['debug', 'info', 'warn', 'error'];

export function createBackgroundServices() {
  // One activity log for the whole extension, in the first profile's database (which it always had).
  const logDb = openIocDb(LOG_DATABASE);
  const logRepo = createLogRepo(logDb);
  setLogSink((entry) => void logRepo.append(entry).catch(() => undefined));

  const running = new Map<string, ProfileServices>();
  const badges = new Map<string, string>();
  const watching = new Map<string, () => void>();

  /** The badge shows a sync while any profile runs one. */
  const badgeFor = (profileId: string) => async (text: string) => {
    badges.set(profileId, text);
    await browser.action.setBadgeText({ text: [...badges.values()].find(Boolean) ?? '' });
  };

  function servicesOf(profileId: string): ProfileServices {
    let services = running.get(profileId);
    if (!services) {
      const { database } = storageNamesOf(profileId);
      services = createProfileServices({
        profileId,
        db: database === LOG_DATABASE ? logDb : openIocDb(database),
        setBadge: badgeFor(profileId),
      });
      running.set(profileId, services);
    }
    return services;
  }

  /** The services of `profileId`, refused when the profile is not (or no longer) in the list. */
  async function profile(profileId: string): Promise<ProfileServices> {
    if (!profileById(await readProfiles(), profileId)) throw new Error(UNKNOWN_PROFILE_MESSAGE);
    return servicesOf(profileId);
  }

  async function everyProfile(): Promise<ProfileServices[]> {
    return (await readProfiles()).profiles.map((entry) => servicesOf(entry.id));
  }

  /**
   * Applies what the worker depends on: each profile's alarm, the settings watchers, and the log level
   * (one log for all profiles: the most detailed level any profile asks for).
   */
  async function applySettings(): Promise<void> {
    const all = await everyProfile();
    for (const services of all) watchSettings(services.profileId);
    const levels = await Promise.all(all.map(async (services) => (await services.readSettings()).logLevel));
    setLogLevel(LEVEL_ORDER.find((level) => levels.includes(level)) ?? 'info');
    await Promise.all(all.map((services) => services.applySettings()));
  }

  /**
   * A new console, account, site or token starts that profile's sync at once; other changes only
   * re-apply. The token itself is in the vault: saving one also stamps `tokenSavedAt` in the item.
   */
  function watchSettings(profileId: string): void {
    if (watching.has(profileId)) return;
    const unwatch = settingsItemOf(profileId).watch((next, previous) => {
      void applySettings();
      const a = next?.connection;
      const b = previous?.connection;
      if (
        a &&
        (a.consoleUrl !== b?.consoleUrl ||
          a.accountId !== b?.accountId ||
          a.scope?.siteId !== b?.scope?.siteId ||
          a.tokenSavedAt !== b?.tokenSavedAt)
      ) {
        void servicesOf(profileId).engine.sync('settings');
      }
    });
    watching.set(profileId, unwatch);
  }
  // A profile added from a page gets its watcher and alarm at once.
  profilesItem.watch(() => void applySettings());
  watchSettings(FIRST_PROFILE_ID);
  // Every profile's services at once, as the worker had its one set before profiles: each publisher reads
  // its saved status now, so a sync the browser stopped mid-way is seen and run again at this start
  // (status-publisher.ts), not only once a page happens to address that profile.
  void everyProfile().catch((error: unknown) =>
    logFor('profiles').error(`Could not start the profiles' services: ${errorText(error)}`),
  );

  // At every start: a token an older version left in storage.local goes into the vault.
  void readStoredSettings(FIRST_PROFILE_ID).catch((error: unknown) =>
    logFor('settings').error(`Could not move the API token out of storage: ${(error as Error).message}`),
  );

  /** The profile the manager showed last: where a context-menu selection goes. */
  const activeProfile = async () => servicesOf((await readProfiles()).activeId);
  const menu = browserMenuDeps({
    readSettings: async () => (await activeProfile()).readSettings(),
    cachedWithValues: async (values) => (await activeProfile()).repo.byValues(values),
    submit: async (drafts) => (await activeProfile()).submitIocs(drafts),
  });

  return {
    logRepo,
    applySettings,
    profile,
    /** Starts (or joins) every profile's sync. */
    async syncAll(trigger: SyncTrigger): Promise<void> {
      await Promise.all((await everyProfile()).map((services) => services.engine.sync(trigger)));
    },
    /** A periodic alarm: the sync of the profile it belongs to. */
    async onAlarm(name: string): Promise<void> {
      const ids = (await readProfiles()).profiles.map((entry) => entry.id);
      const profileId = profileOfAlarm(name, ids);
      if (profileId) await servicesOf(profileId).engine.sync('alarm');
    },
    /**
     * Removes a profile: out of the list first (so nothing addresses it any more), then its cache,
     * token, settings, status and alarm. The first database keeps the activity log, so its cache is
     * emptied rather than deleted.
     */
    async removeProfile(profileId: string): Promise<void> {
      const change = await changeProfiles((list) => withProfileRemoved(list, profileId));
      if (!change.ok) throw new Error(change.reason);
      const services = running.get(profileId);
      services?.retire();
      running.delete(profileId);
      badges.delete(profileId);
      watching.get(profileId)?.();
      watching.delete(profileId);
      const { database } = storageNamesOf(profileId);
      const db = database === LOG_DATABASE ? await logDb : services ? await services.db : null;
      await removeProfileData(profileId, db);
      logFor('profiles').info(
        `Removed the profile ${change.profile.name || profileId} with its cache and token.`,
      );
    },
    /** A context-menu click; a failure is told in a notification, never lost in the console. */
    onMenuClick: (click: MenuClick) =>
      handleMenuClick(menu, click).catch(async (error: unknown) => {
        const message = errorText(error);
        logFor('menu').error(`Context menu failed: ${message}`);
        await menu.notify('S1 IOC Manager', `That did not work: ${message}`).catch(() => undefined);
      }),
  };
}

export type BackgroundServices = ReturnType<typeof createBackgroundServices>;
