import { useEffect, useState } from 'preact/hooks';
import type { StoredSettings } from '../../config/settings';
import type { Target } from '../../lib/blocks/multi-target';
import { draftSettings } from '../../lib/iocs/drafts';
import type { ProfileColour } from '../../lib/profiles/profile-list';
import { type SyncStatus, syncStatusItemOf } from '../../lib/sync/sync-status';
import { useProfiles } from '../page/use-profiles';

/** A profile the review can send to, with what the picker shows of it. */
export interface TargetChoice extends Target {
  colour: ProfileColour;
  /** A profile without a saved connection cannot be sent to. */
  connected: boolean;
}

type Firewall = SyncStatus['blocks']['firewall'];

/** Each of `ids`' Firewall Control availability, from its published sync status, kept up to date. */
function useFirewalls(ids: readonly string[]): ReadonlyMap<string, Firewall> {
  const [firewalls, setFirewalls] = useState<ReadonlyMap<string, Firewall>>(new Map());
  // The ids by value: a new array naming the same profiles must not subscribe again.
  const key = ids.join(',');
  useEffect(() => {
    if (!key) return;
    let live = true;
    const set = (id: string, status: SyncStatus | null) => {
      if (live && status) setFirewalls((previous) => new Map(previous).set(id, status.blocks.firewall));
    };
    const items = key.split(',').map((id) => [id, syncStatusItemOf(id)] as const);
    for (const [id, item] of items) void item.getValue().then((status) => set(id, status));
    const unwatch = items.map(([id, item]) => item.watch((status) => set(id, status)));
    return () => {
      live = false;
      for (const stop of unwatch) stop();
    };
  }, [key]);
  return firewalls;
}

/** A profile's own tag prefix and validity, once its settings are read. */
const draftSettingsOf = (settings: StoredSettings | undefined) =>
  settings ? { draftSettings: draftSettings(settings) } : {};

/**
 * The profiles the review can send to, the page's own first. The page's own Firewall Control comes
 * from the page (as before profiles); the others' from their published status. `several` is false
 * for the single-profile install (and until the list is read), which then sees no picker and no
 * profile names.
 */
export function useTargets(
  pageProfileId: string,
  page: Pick<Target, 'firewall' | 'firewallReason'>,
): { choices: TargetChoice[]; several: boolean } {
  const profiles = useProfiles();
  const others = (profiles?.list.profiles ?? []).map((p) => p.id).filter((id) => id !== pageProfileId);
  const firewalls = useFirewalls(others);
  const own: TargetChoice = {
    id: pageProfileId,
    label: profiles?.labels.get(pageProfileId) ?? '',
    colour: profiles?.list.profiles.find((p) => p.id === pageProfileId)?.colour ?? 'blue',
    // The page's own profile is always offered: its worker says what is missing, as before profiles.
    connected: true,
    ...page,
  };
  if (!profiles || others.length === 0) return { choices: [own], several: false };
  const choices = profiles.list.profiles
    .filter((profile) => profile.id !== pageProfileId)
    .map(
      (profile): TargetChoice => ({
        id: profile.id,
        label: profiles.labels.get(profile.id) ?? profile.id,
        colour: profile.colour,
        connected: Boolean(profiles.connections.get(profile.id)),
        firewall: firewalls.get(profile.id)?.available ?? null,
        firewallReason: firewalls.get(profile.id)?.reason ?? null,
        ...draftSettingsOf(profiles.settings.get(profile.id)),
      }),
    );
  return { choices: [own, ...choices], several: true };
}
