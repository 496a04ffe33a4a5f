/**
 * The profile list and what each profile is called, kept up to date: a profile added, renamed or
 * connected in another tab shows here at once.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { StoredConnection } from '../../config/connection';
import type { StoredSettings } from '../../config/settings';
import { normalizeProfileList, type ProfileList, profileLabel } from '../../lib/profiles/profile-list';
import { profilesItem } from '../../lib/profiles/profiles-item';
import { scopeInWords } from '../../lib/settings/scope-words';
import { settingsItemOf } from '../../lib/settings/settings';
import { useStorageItem } from './use-storage-item';

export interface ProfilesView {
  list: ProfileList;
  /** Each profile's label (profileLabel), by id. */
  labels: ReadonlyMap<string, string>;
  /** Each profile's saved connection (without token), by id; null when not connected yet. */
  connections: ReadonlyMap<string, StoredConnection | null>;
  /** Each profile's settings (without token), by id, once read. */
  settings: ReadonlyMap<string, StoredSettings>;
}

export function useProfiles(): ProfilesView | undefined {
  const stored = useStorageItem(profilesItem);
  const list = useMemo(() => (stored === undefined ? undefined : normalizeProfileList(stored)), [stored]);
  const [settings, setSettings] = useState<ReadonlyMap<string, StoredSettings>>(new Map());
  const ids = list?.profiles.map((profile) => profile.id).join(',') ?? '';

  useEffect(() => {
    if (!ids) return;
    let live = true;
    const items = ids.split(',').map((id) => [id, settingsItemOf(id)] as const);
    const set = (id: string, value: StoredSettings | null) =>
      live && value && setSettings((previous) => new Map(previous).set(id, value));
    for (const [id, item] of items) void item.getValue().then((value) => set(id, value));
    const unwatch = items.map(([id, item]) => item.watch((value) => set(id, value)));
    return () => {
      live = false;
      for (const stop of unwatch) stop();
    };
  }, [ids]);

  return useMemo(() => {
    if (!list) return undefined;
    const connections = new Map([...settings].map(([id, value]) => [id, value.connection]));
    const labels = new Map(
      list.profiles.map((profile) => {
        const connection = connections.get(profile.id);
        return [profile.id, profileLabel(list, profile, connection ? scopeInWords(connection) : undefined)];
      }),
    );
    return { list, labels, connections, settings };
  }, [list, settings]);
}
