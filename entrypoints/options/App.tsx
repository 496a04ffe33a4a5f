import { useEffect, useState } from 'preact/hooks';
import { AllProfilesIocs, PickAProfile } from '../../components/manager/AllProfilesIocs';
import { FirstSyncNotice } from '../../components/manager/FirstSyncNotice';
import { IocsView } from '../../components/manager/IocsView';
import { LogView } from '../../components/manager/LogView';
import { ShortcutsDialog } from '../../components/manager/ShortcutsDialog';
import { SyncHeader } from '../../components/manager/SyncHeader';
import { pageProfileId, sendAboutPage } from '../../components/page/page-profile';
import { type PageCache, useIocCache } from '../../components/page/use-ioc-cache';
import { useLazyModule } from '../../components/page/use-lazy-module';
import { useProfiles } from '../../components/page/use-profiles';
import { focusLabelled, useShortcuts } from '../../components/page/use-shortcuts';
import { useStorageItem } from '../../components/page/use-storage-item';
import { useWakeWorker } from '../../components/page/use-wake-worker';
import { ProfileSwitcher } from '../../components/profiles/ProfileSwitcher';
import { ProfilesSection } from '../../components/profiles/ProfilesSection';
import { UnknownProfile } from '../../components/profiles/UnknownProfile';
import { SettingsView } from '../../components/settings/SettingsView';
import { sendMessage } from '../../lib/messages';
import { ALL_PROFILES, isAllProfiles } from '../../lib/profiles/all-profiles';
import { profileById } from '../../lib/profiles/profile-list';
import { rememberActiveProfile } from '../../lib/profiles/profiles-item';
import type { IocDraft } from '../../lib/s1/schemas';
import { requestConsoleOrigin } from '../../lib/settings/console-permission';
import { scopeInWords } from '../../lib/settings/scope-words';
import { saveSettings, settingsItemOf } from '../../lib/settings/settings';
import { IDLE_STATUS, syncStatusItemOf } from '../../lib/sync/sync-status';
import { errorText } from '../../lib/text/error-text';
import { firstSyncNotice } from '../../lib/ui/first-sync';

type View = 'iocs' | 'blocks' | 'new' | 'settings' | 'log';
const VIEWS: readonly View[] = ['iocs', 'blocks', 'new', 'settings', 'log'];
const viewFromHash = (): View => VIEWS.find((view) => location.hash === `#${view}`) ?? 'iocs';
const loadNewIocsView = async () => {
  const [view, cache] = await Promise.all([
    import('../../components/new-iocs/NewIocsView'),
    import('../../components/page/cache-lookup'),
  ]);
  return { NewIocsView: view.NewIocsView, lookupInCache: cache.lookupInCache };
};
const loadBlocksView = () => import('../../components/blocks/BlocksView');
/** Every profile's IOCs together (`?profile=all`): the other views are about one profile each. */
export const allProfiles = isAllProfiles(location.search);

/** First run: the connection screen, addressed so that a reload before saving stays on it. */
function initialView(): View {
  if (!location.hash) history.replaceState(null, '', `${location.pathname}${location.search}#settings`);
  return viewFromHash();
}

/** `cache`: the page's profile's cache, its read started before this first render (main.tsx). */
export function App({ cache: pageCache }: { cache: PageCache }) {
  const settings = useStorageItem(settingsItemOf(pageProfileId));
  const publishedStatus = useStorageItem(syncStatusItemOf(pageProfileId));
  const status = publishedStatus ?? IDLE_STATUS;
  const cache = useIocCache(pageCache, allProfiles ? undefined : publishedStatus);
  const profiles = useProfiles();
  const known = profiles ? Boolean(profileById(profiles.list, pageProfileId)) : undefined;
  useWakeWorker();
  useEffect(() => {
    // The review sheet and the context menu go to the profile the analyst last looked at.
    if (known) void rememberActiveProfile(pageProfileId);
  }, [known]);
  const [view, setView] = useState<View>(viewFromHash);
  useEffect(() => {
    if (settings && !settings.connection) setView(initialView());
  }, [settings]);
  const [grabError, setGrabError] = useState<string | null>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const grab = (full: boolean) => {
    setGrabError(null);
    // A failed sync is reported through the status; this catches a worker that did not answer.
    sendAboutPage('syncNow', { full }).catch((error: unknown) => setGrabError(errorText(error)));
  };
  useShortcuts(Boolean(settings?.connection), {
    focusFilter: () => {
      if (location.hash !== '#iocs') location.hash = '#iocs';
      focusLabelled('IOCs', 'Value');
    },
    newIocs: () => {
      location.hash = '#new';
    },
    // As the button, which is disabled while a sync runs.
    grab: () => {
      if (!status.running) grab(false);
    },
    help: () => setShortcutsOpen(true),
  });
  useEffect(() => {
    const onHash = () => setView(viewFromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const newIocs = useLazyModule(loadNewIocsView, view === 'new' && !allProfiles);
  const blocks = useLazyModule(loadBlocksView, view === 'blocks' && !allProfiles);
  if (settings === undefined || profiles === undefined) return <p>Loading…</p>;
  if (!known) return <UnknownProfile profiles={profiles} />;
  const connection = settings.connection;
  const submit = (drafts: IocDraft[]) => sendAboutPage('submitIocs', drafts);
  // Until connected there is nothing else to show.
  const shown: View = connection || view === 'log' ? view : 'settings';
  const notice = firstSyncNotice(status, cache.iocs?.length ?? null);

  return (
    <>
      <header class="top">
        <h1 class="product-mark">S1 IOC Manager</h1>
        <ProfileSwitcher
          list={profiles.list}
          labels={profiles.labels}
          currentId={allProfiles ? ALL_PROFILES : pageProfileId}
        />
        <nav aria-label="Views">
          <a href="#iocs" aria-current={shown === 'iocs' ? 'page' : undefined}>
            IOCs
          </a>
          <a href="#blocks" aria-current={shown === 'blocks' ? 'page' : undefined}>
            Blocks
          </a>
          <a href="#new" aria-current={shown === 'new' ? 'page' : undefined} aria-keyshortcuts="n">
            New IOCs
          </a>
          <a href="#settings" aria-current={shown === 'settings' ? 'page' : undefined}>
            Settings
          </a>
          <a href="#log" aria-current={shown === 'log' ? 'page' : undefined}>
            Activity log
          </a>
        </nav>
        <button type="button" aria-keyshortcuts="?" onClick={() => setShortcutsOpen(true)}>
          Keyboard shortcuts (?)
        </button>
      </header>
      {shortcutsOpen && <ShortcutsDialog onClose={() => setShortcutsOpen(false)} />}
      {/* All profiles together: each syncs on its own, and its own page shows its sync. */}
      {connection && !allProfiles && (
        <SyncHeader
          status={status}
          accountLabel={scopeInWords(connection)}
          actionError={grabError}
          onGrab={grab}
        />
      )}
      <main>
        {!connection && <p class="intro">Connect to your SentinelOne console to start.</p>}
        {allProfiles && shown === 'iocs' && <AllProfilesIocs />}
        {allProfiles && shown === 'settings' && <PickAProfile toDo="change its settings" />}
        {allProfiles && shown === 'blocks' && <PickAProfile toDo="see its blocks" />}
        {allProfiles && shown === 'new' && <PickAProfile toDo="add IOCs to it" />}
        {!allProfiles && shown === 'settings' && (
          <SettingsView
            settings={settings}
            blocks={status.blocks}
            onSave={async (next) => {
              const firstConnection = !connection && next.connection;
              if (next.connection) await requestConsoleOrigin(next.connection.consoleUrl);
              await saveSettings(next, pageProfileId);
              // The first run ends on the IOCs, to watch the first sync bring them; a later save
              // (a default changed, a new token) leaves the analyst where they were.
              if (firstConnection) location.hash = '#iocs';
            }}
            // The origin is asked for first, while the click is still a user gesture: the worker's
            // client reaches only origins the browser has granted.
            onTest={async (probe) => {
              await requestConsoleOrigin(probe.consoleUrl);
              return sendAboutPage('testConnection', probe);
            }}
            onListScopes={async (probe) => {
              await requestConsoleOrigin(probe.consoleUrl);
              return sendAboutPage('listScopes', probe);
            }}
          />
        )}
        {!allProfiles && shown === 'settings' && (connection || profiles.list.profiles.length > 1) && (
          <ProfilesSection profiles={profiles} currentId={pageProfileId} />
        )}
        {shown === 'log' && <LogView />}
        {!allProfiles &&
          shown === 'iocs' &&
          (cache.error ? (
            <p class="error" data-tone="danger">
              {cache.error}
            </p>
          ) : cache.iocs === null ? (
            <p>Reading the local cache…</p>
          ) : notice ? (
            <FirstSyncNotice notice={notice} />
          ) : (
            <IocsView
              iocs={cache.iocs}
              stillReading={cache.complete ? 0 : Math.max(0, status.iocCount - cache.iocs.length)}
              settings={settings}
              onDelete={async (targets) => {
                await sendAboutPage('deleteIocs', targets);
                await cache.reload();
              }}
              onSubmit={submit}
              onUpdate={(previous, draft) => sendAboutPage('updateIoc', { previous, draft })}
            />
          ))}
        {!allProfiles &&
          shown === 'blocks' &&
          (blocks.module ? (
            <blocks.module.BlocksView status={publishedStatus} />
          ) : (
            <p class={blocks.error ? 'error' : undefined} data-tone={blocks.error ? 'danger' : undefined}>
              {blocks.error ?? 'Loading…'}
            </p>
          ))}
        {/* Kept mounted once opened, only hidden: a paste under review survives a trip to Settings
            (for a new token, say) and back. */}
        {newIocs.module ? (
          <div hidden={shown !== 'new'}>
            <newIocs.module.NewIocsView
              lookupExisting={newIocs.module.lookupInCache}
              settings={settings}
              firewall={status.blocks.firewall.available}
              firewallReason={status.blocks.firewall.reason}
              onApply={(profileId, requests) => sendMessage('applyActions', requests, profileId)}
            />
          </div>
        ) : (
          !allProfiles &&
          shown === 'new' && (
            <p class={newIocs.error ? 'error' : undefined} data-tone={newIocs.error ? 'danger' : undefined}>
              {newIocs.error ?? 'Loading…'}
            </p>
          )
        )}
      </main>
    </>
  );
}
