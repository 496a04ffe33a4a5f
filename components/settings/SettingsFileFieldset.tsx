import { useState } from 'preact/hooks';
import type { Settings, StoredSettings } from '../../config/settings';
import { displayText } from '../../lib/iocs/display-text';
import { readSettings } from '../../lib/settings/settings';
import type { ImportChange } from '../../lib/settings/settings-import-diff';
import { downloadText } from '../page/download';
import { Field } from '../ui/Field';
import { ImportPreviewDialog } from './ImportPreviewDialog';

interface Props {
  /** As stored, without the token: an import or a token export reads the token from the vault. */
  settings: StoredSettings;
  /** While another action of the form runs: the import would report on the same status line. */
  busy: boolean;
  /** A file that could not be imported, with the reason; nothing was changed. */
  onRefused(text: string): void;
  /** Called only once the analyst has seen what the file changes and chose Apply. */
  onImported(next: Settings, fileName: string): void;
}

interface Pending {
  next: Settings;
  fileName: string;
  changes: ImportChange[];
}

/** The YAML parser loads only when a settings file is imported or exported (tests/bench/results.md). */
const settingsYaml = () => import('../../lib/settings/settings-yaml');

/** The import's diff loads with it: both are needed only once a file is picked. */
const importDiff = () => import('../../lib/settings/settings-import-diff');

/**
 * Settings import (ours, or the original tool's config.yml), applied only after a preview of what
 * changes, and export, the token only when ticked.
 */
export function SettingsFileFieldset({ settings, busy, onRefused, onImported }: Props) {
  const [includeToken, setIncludeToken] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);

  async function pick(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const fileName = displayText(file.name, 100);
    const [{ importSettingsYaml, refuseFileSize }, { describeImport }] = await Promise.all([
      settingsYaml(),
      importDiff(),
    ]);
    // Checked before reading: a file of gigabytes would stall the page before any message.
    const tooLarge = refuseFileSize(file.size);
    if (tooLarge) return onRefused(`${fileName}: ${tooLarge} Nothing was changed.`);
    // With the saved token, so that a file naming the saved console keeps it.
    const current = await readSettings();
    const result = importSettingsYaml(await file.text(), current);
    if (!result.ok) return onRefused(`${fileName}: ${result.message} Nothing was changed.`);
    const changes = describeImport(current, result.settings, result);
    setPending({ next: result.settings, fileName, changes });
  }

  return (
    <fieldset>
      <legend>Settings file</legend>
      <Field label="Import YAML (ours, or the original tool's config.yml)">
        {({ id }) => (
          <input
            id={id}
            type="file"
            accept=".yml,.yaml,text/yaml"
            disabled={busy}
            onChange={(event) => void pick(event.currentTarget)}
          />
        )}
      </Field>
      <Field label="Include the API token in the export">
        {({ id }) => (
          <input
            id={id}
            type="checkbox"
            checked={includeToken}
            onChange={(event) => setIncludeToken(event.currentTarget.checked)}
          />
        )}
      </Field>
      <button
        type="button"
        onClick={async () => {
          const { exportSettingsYaml } = await settingsYaml();
          downloadText(
            's1-ioc-manager-settings.yml',
            // The token is read from the vault only when it goes into the file.
            exportSettingsYaml(includeToken ? await readSettings() : settings, { includeToken }),
            'text/yaml',
          );
        }}
      >
        Export YAML
      </button>
      {pending && (
        <ImportPreviewDialog
          fileName={pending.fileName}
          changes={pending.changes}
          onApply={() => onImported(pending.next, pending.fileName)}
          onClose={() => setPending(null)}
        />
      )}
    </fieldset>
  );
}
