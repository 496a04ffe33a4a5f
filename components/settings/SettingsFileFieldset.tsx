import { useState } from 'preact/hooks';
import type { Settings, SettingsInput, StoredSettings } from '../../config/settings';
import { displayText } from '../../lib/iocs/display-text';
import { sendMessage } from '../../lib/messages';
import { type ProfileList, profileLabel } from '../../lib/profiles/profile-list';
import { readProfiles } from '../../lib/profiles/profiles-item';
import { requestConsoleOrigin } from '../../lib/settings/console-permission';
import type { AppliedImport } from '../../lib/settings/profiles-file-apply';
import type { ProfilesImportPlan } from '../../lib/settings/profiles-file-plan';
import { scopeInWords } from '../../lib/settings/scope-words';
import { readSettings, readStoredSettings } from '../../lib/settings/settings';
import type { ImportChange, ProfilePreview } from '../../lib/settings/settings-import-diff';
import { pluralize } from '../../lib/text/pluralize';
import { downloadText } from '../page/download';
import { pageProfileId } from '../page/page-profile';
import { useProfiles } from '../page/use-profiles';
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
  /** A file of several profiles, applied by `apply` once the analyst chose Apply. */
  onProfilesImported(apply: () => Promise<{ text: string; current: SettingsInput }>): void;
}

type Pending =
  | { kind: 'one'; next: Settings; fileName: string; changes: ImportChange[] }
  | {
      kind: 'profiles';
      plan: ProfilesImportPlan;
      fileName: string;
      preview: { profiles: ProfilePreview[]; untouched: string[] };
    };

type Scope = 'this' | 'all';

/** The YAML parser loads only when a settings file is imported or exported (tests/bench/results.md). */
const settingsYaml = () => import('../../lib/settings/settings-yaml');

/** The import's diff loads with it: both are needed only once a file is picked. */
const importDiff = () => import('../../lib/settings/settings-import-diff');

/** The file of several profiles: read, matched to the profiles here, written. */
const profilesFile = () => import('../../lib/settings/profiles-file');
const profilesPlan = () => import('../../lib/settings/profiles-file-plan');
const profilesApply = () => import('../../lib/settings/profiles-file-apply');

/**
 * Settings import (ours, or the original tool's config.yml), applied only after a preview of what
 * changes, and export, the token only when ticked. With several profiles, the export holds this
 * profile or all of them, and a file of all profiles imports into each (new ones added).
 */
export function SettingsFileFieldset({ settings, busy, onRefused, onImported, onProfilesImported }: Props) {
  const [includeToken, setIncludeToken] = useState(false);
  const [scope, setScope] = useState<Scope>('this');
  const [pending, setPending] = useState<Pending | null>(null);
  const profiles = useProfiles();
  const several = (profiles?.list.profiles.length ?? 1) > 1;

  async function pick(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const fileName = displayText(file.name, 100);
    const [
      { importSettingsYaml, refuseFileSize },
      { describeImport, describeProfilesImport },
      { parseProfilesYaml },
    ] = await Promise.all([settingsYaml(), importDiff(), profilesFile()]);
    // Checked before reading: a file of gigabytes would stall the page before any message.
    const tooLarge = refuseFileSize(file.size);
    if (tooLarge) return onRefused(`${fileName}: ${tooLarge} Nothing was changed.`);
    const text = await file.text();
    const ofProfiles = parseProfilesYaml(text);
    if (ofProfiles && !ofProfiles.ok)
      return onRefused(`${fileName}: ${ofProfiles.message} Nothing was changed.`);
    if (ofProfiles) {
      const { planProfilesImport } = await profilesPlan();
      const planned = planProfilesImport(await profilesNow(), ofProfiles.profiles);
      if (!planned.ok) return onRefused(`${fileName}: ${planned.message} Nothing was changed.`);
      const preview = describeProfilesImport(planned.plan);
      return setPending({ kind: 'profiles', plan: planned.plan, fileName, preview });
    }
    // With the saved token, so that a file naming the saved console keeps it.
    const current = await readSettings(pageProfileId);
    const result = importSettingsYaml(text, current);
    if (!result.ok) return onRefused(`${fileName}: ${result.message} Nothing was changed.`);
    const changes = describeImport(current, result.settings, result);
    setPending({ kind: 'one', next: result.settings, fileName, changes });
  }

  async function exportFile() {
    const { exportSettingsYaml } = await settingsYaml();
    if (!several || scope === 'this')
      return downloadText(
        's1-ioc-manager-settings.yml',
        // The token is read from the vault only when it goes into the file.
        exportSettingsYaml(includeToken ? await readSettings(pageProfileId) : settings, { includeToken }),
        'text/yaml',
      );
    const [{ exportProfilesYaml }, list] = await Promise.all([profilesFile(), readProfiles()]);
    const all = await Promise.all(
      list.profiles.map(async (entry) => ({
        entry,
        settings: includeToken ? await readSettings(entry.id) : await readStoredSettings(entry.id),
      })),
    );
    downloadText(
      's1-ioc-manager-profiles.yml',
      exportProfilesYaml(all, { includeTokens: includeToken }),
      'text/yaml',
    );
  }

  function applyProfiles(plan: ProfilesImportPlan, fileName: string) {
    onProfilesImported(async () => {
      // Asked first, while the click on Apply is still a user gesture (console-permission.ts).
      const consoles = new Set(
        plan.profiles.flatMap(({ next, needsToken }) =>
          next.connection && !needsToken ? [next.connection.consoleUrl] : [],
        ),
      );
      for (const consoleUrl of consoles) await requestConsoleOrigin(consoleUrl);
      const { applyProfilesImport } = await profilesApply();
      const applied = await applyProfilesImport(plan, (id) => sendMessage('syncNow', {}, id));
      return { text: importedText(fileName, applied), current: await readStoredSettings(pageProfileId) };
    });
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
      {several && (
        <Field label="Profiles to export">
          {({ id }) => (
            <select id={id} value={scope} onChange={(event) => setScope(event.currentTarget.value as Scope)}>
              <option value="this">This profile</option>
              <option value="all">All profiles</option>
            </select>
          )}
        </Field>
      )}
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
      <button type="button" onClick={() => void exportFile()}>
        Export YAML
      </button>
      {pending?.kind === 'one' && (
        <ImportPreviewDialog
          fileName={pending.fileName}
          changes={pending.changes}
          onApply={() => onImported(pending.next, pending.fileName)}
          onClose={() => setPending(null)}
        />
      )}
      {pending?.kind === 'profiles' && (
        <ImportPreviewDialog
          fileName={pending.fileName}
          profiles={pending.preview}
          onApply={() => applyProfiles(pending.plan, pending.fileName)}
          onClose={() => setPending(null)}
        />
      )}
    </fieldset>
  );
}

/** Every profile here, with what the preview calls it and its settings read with the token. */
async function profilesNow() {
  const list: ProfileList = await readProfiles();
  const entries = await Promise.all(
    list.profiles.map(async (entry) => [entry, await readSettings(entry.id)] as const),
  );
  return {
    list,
    settings: new Map(entries.map(([entry, read]) => [entry.id, read])),
    labels: new Map(
      entries.map(([entry, read]) => [
        entry.id,
        profileLabel(list, entry, read.connection ? scopeInWords(read.connection) : undefined),
      ]),
    ),
  };
}

/** The status line after an import of several profiles: what was added, and who asks for a token. */
function importedText(fileName: string, applied: AppliedImport): string {
  const added =
    applied.added.length > 0
      ? ` Added ${pluralize(applied.added.length, 'profile')}: ${applied.added.join(', ')}.`
      : '';
  const [one, ...more] = applied.needToken;
  const tokens = !one
    ? ''
    : more.length === 0
      ? ` ${one} asks for its API token: open it and enter the token in Settings.`
      : ` ${applied.needToken.join(', ')} ask for their API tokens: open each and enter its token in Settings.`;
  return `Imported ${fileName} into ${pluralize(applied.ids.length, 'profile')}.${added}${tokens}`;
}
