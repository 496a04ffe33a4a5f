import { useState } from 'preact/hooks';
import type { Settings } from '../config/settings';
import { downloadText } from './download';

interface Props {
  settings: Settings;
  /** A file that could not be imported, with the reason; nothing was changed. */
  onRefused(text: string): void;
  onImported(next: Settings, fileName: string): void;
}

/** The YAML parser loads only when a settings file is imported or exported (tests/bench/results.md). */
const settingsYaml = () => import('../lib/settings-yaml');

/** Settings import (ours, or the original tool's config.yml) and export, the token only when ticked. */
export function SettingsFileFieldset({ settings, onRefused, onImported }: Props) {
  const [includeToken, setIncludeToken] = useState(false);
  return (
    <fieldset>
      <legend>Settings file</legend>
      <label for="importYaml">Import YAML (ours, or the original tool's config.yml)</label>
      <input
        id="importYaml"
        type="file"
        accept=".yml,.yaml,text/yaml"
        onChange={async (event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (!file) return;
          const { importSettingsYaml } = await settingsYaml();
          const result = importSettingsYaml(await file.text(), settings);
          if (!result.ok) return onRefused(`${file.name}: ${result.message} Nothing was changed.`);
          onImported(result.settings, file.name);
        }}
      />
      <label for="includeToken">Include the API token in the export</label>
      <input
        id="includeToken"
        type="checkbox"
        checked={includeToken}
        onChange={(event) => setIncludeToken(event.currentTarget.checked)}
      />
      <button
        type="button"
        onClick={async () => {
          const { exportSettingsYaml } = await settingsYaml();
          downloadText(
            's1-ioc-manager-settings.yml',
            exportSettingsYaml(settings, { includeToken }),
            'text/yaml',
          );
        }}
      >
        Export YAML
      </button>
    </fieldset>
  );
}
