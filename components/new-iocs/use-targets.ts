import { useEffect, useState } from 'preact/hooks';
import type { StoredSettings } from '../../config/settings';
import type { Target } from '../../lib/blocks/multi-target';
import { normalizeProfileList, type ProfileColour, profileLabel } from '../../lib/profiles/profile-list';
import { profilesItem } from '../../lib/profiles/profiles-item';
import { scopeInWords } from '../../lib/settings/scope-words';
import { settingsItemOf } from '../../lib/settings/settings';
import { type SyncStatus, syncStatusItemOf } from '../../lib/sync/sync-status';
import { useStorageItem } from '../page/use-storage-item';

/** A profile the review can send to, with what the picker shows of it. */
export interface TargetChoice extends Target {
  colour: ProfileColour;
  /** A profile without a saved connection cannot be sent to. */
  connected: boolean;
}

interface Seen {
  settings?: StoredSettings;
  status?: SyncStatus;
}

/**
 * Each profile's settings and published sync status, kept up to date: what the review needs to name
 * a target and to know whether its console has Firewall Control.
 */
function useProfilesSeen(ids: readonly string[]): Readonly<Record<string, Seen>> {
  const [seen, setSeen] = useState<Record<string, Seen>>({});
  // The ids by value: a new array with the same profiles must not subscribe again.
  const key = ids.join(',');
  useEffect(() => {
    const ids = key ? key.split(',') : [];
    let live = true;
    const set = (id: string, part: Seen) => {
      if (live) setSeen((all) => ({ ...all, [id]: { ...all[id], ...part } }));
    };
    const unwatch = ids.flatMap((id) => {
      const settings = settingsItemOf(id);
      const status = syncStatusItemOf(id);
      void settings.getValue().then((value) => set(id, { settings: value }));
      void status.getValue().then((value) => set(id, { status: value }));
      return [
        settings.watch((value) => set(id, { settings: value })),
        status.watch((value) => set(id, { status: value })),
      ];
    });
    return () => {
      live = false;
      for (const stop of unwatch) stop();
    };
  }, [key]);
  return seen;
}

/**
 * The profiles the review can send to, the page's own first. The page's own settings and status
 * come from the page (as before profiles); the others are read from storage. `several` is false for
 * the single-profile install, which then sees no picker and no profile names.
 */
export function useTargets(
  pageProfileId: string,
  page: { settings: StoredSettings; firewall: Target['firewall']; firewallReason: string | null },
): { choices: TargetChoice[]; several: boolean } {
  const stored = useStorageItem(profilesItem);
  const list = normalizeProfileList(stored);
  const others = list.profiles.map((profile) => profile.id).filter((id) => id !== pageProfileId);
  const seen = useProfilesSeen(others);
  const ordered = [
    ...list.profiles.filter((profile) => profile.id === pageProfileId),
    ...list.profiles.filter((profile) => profile.id !== pageProfileId),
  ];
  const choices = ordered.map((profile): TargetChoice => {
    const own = profile.id === pageProfileId;
    const settings = own ? page.settings : seen[profile.id]?.settings;
    const firewall = own
      ? { available: page.firewall, reason: page.firewallReason }
      : seen[profile.id]?.status?.blocks.firewall;
    const connection = settings?.connection ?? null;
    return {
      id: profile.id,
      label: profileLabel(list, profile, connection ? scopeInWords(connection) : undefined),
      colour: profile.colour,
      // The page's own profile is always offered: its worker says what is missing, as before profiles.
      connected: own || connection !== null,
      firewall: firewall?.available ?? null,
      firewallReason: firewall?.reason ?? null,
    };
  });
  // Until the list is read, the page's profile alone: the single-profile view, never a flash of a picker.
  if (!ordered.some((profile) => profile.id === pageProfileId))
    return {
      choices: [
        {
          id: pageProfileId,
          label: '',
          colour: 'blue',
          connected: true,
          firewall: page.firewall,
          firewallReason: page.firewallReason,
        },
      ],
      several: false,
    };
  return { choices, several: stored !== undefined && list.profiles.length > 1 };
}
