/**
 * The settings for a page that must paint before the settings code (and its schemas) has loaded:
 * the popup. undefined until read; kept up to date afterwards.
 */
import { useEffect, useState } from 'preact/hooks';
import type { StoredSettings } from '../../config/settings';
import { whenIdle } from './when-idle';

export function useLazySettings(): StoredSettings | undefined {
  const [settings, setSettings] = useState<StoredSettings>();
  useEffect(() => {
    let live = true;
    let unwatch: (() => void) | undefined;
    // When idle: the settings code (schemas, ~90 KB) is not needed for the first look-up.
    const cancel = whenIdle(() => {
      void import('../../lib/settings/settings').then(({ settingsItem }) => {
        if (!live) return;
        void settingsItem.getValue().then((value) => live && setSettings(value));
        unwatch = settingsItem.watch((value) => setSettings(value));
      });
    });
    return () => {
      live = false;
      cancel();
      unwatch?.();
    };
  }, []);
  return settings;
}
