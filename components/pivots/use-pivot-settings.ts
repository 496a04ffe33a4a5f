/**
 * A profile's pivot templates and console URL, for the "Open in" links. One read and one watch per
 * profile, shared by every link menu of the page: a review of hundreds of rows renders a menu per
 * row, and each must not open its own storage watch. The settings code loads lazily (as the popup's
 * settings do, use-profile-items.ts): the links are not needed for the first paint.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PivotTemplate } from '../../config/pivots';
import type { StoredSettings } from '../../config/settings';

export interface PivotSettings {
  templates: readonly PivotTemplate[];
  consoleUrl: string | null;
}

interface Shared {
  value: PivotSettings | undefined;
  listeners: Set<(value: PivotSettings) => void>;
  stop: (() => void) | undefined;
}

const shared = new Map<string, Shared>();

// Both with the settings code, once the page is idle: they load the settings' schemas.
const loadSettingsCode = () =>
  Promise.all([import('../../lib/settings/settings'), import('../../lib/pivots/default-pivots')]);

function subscribe(profileId: string, listener: (value: PivotSettings) => void): () => void {
  let entry = shared.get(profileId);
  if (!entry) {
    const created: Shared = { value: undefined, listeners: new Set(), stop: undefined };
    entry = created;
    shared.set(profileId, created);
    void loadSettingsCode().then(([{ settingsItemOf }, { pivotTemplatesOf }]) => {
      if (shared.get(profileId) !== created) return;
      const publish = (settings: StoredSettings | null | undefined) => {
        const value = {
          templates: pivotTemplatesOf(settings ?? undefined),
          consoleUrl: settings?.connection?.consoleUrl ?? null,
        };
        created.value = value;
        for (const each of created.listeners) each(value);
      };
      const item = settingsItemOf(profileId);
      let changed = false;
      void item.getValue().then((first) => changed || publish(first));
      const unwatch = item.watch((next) => {
        changed = true;
        publish(next);
      });
      created.stop = unwatch;
    });
  }
  const current = entry;
  current.listeners.add(listener);
  if (current.value) listener(current.value);
  return () => {
    current.listeners.delete(listener);
    if (current.listeners.size > 0) return;
    current.stop?.();
    shared.delete(profileId);
  };
}

/** The templates and console of `profileId`; undefined until read. */
export function usePivotSettings(profileId: string): PivotSettings | undefined {
  const [value, setValue] = useState<PivotSettings | undefined>(shared.get(profileId)?.value);
  useEffect(() => subscribe(profileId, setValue), [profileId]);
  return value;
}
