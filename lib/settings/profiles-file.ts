/**
 * Every profile in one settings file: a top-level `profiles:` list whose items hold the keys of a
 * one-profile file (settings-yaml.ts) beside `profileName` and `profileColour`. Tokens are in it only
 * when the analyst asks. Reading one checks the whole file first, so that a mistake in its last
 * profile is found before anything of the first is written; profiles-file-plan.ts matches it to
 * this browser's profiles.
 */
import { stringify } from 'yaml';
import { z } from 'zod';
import { parseYamlWith } from '../../config/parse-yaml';
import type { SettingsInput } from '../../config/settings';
import {
  MAX_PROFILE_NAME,
  MAX_PROFILES,
  PROFILE_COLOURS,
  type ProfileColour,
  type ProfileEntry,
} from '../profiles/profile-list';
import { pluralize } from '../text/pluralize';
import {
  MAX_SETTINGS_FILE_BYTES,
  type SettingsFile,
  SettingsFileSchema,
  settingsFileOf,
  text,
} from './settings-yaml';

/** One profile as a file holds it: its name ('' for a first profile never named), colour and settings. */
export interface FileProfile {
  name: string;
  colour?: ProfileColour;
  settings: SettingsFile;
}

/** A profile to export: its list entry, and its settings (read with the token when tokens go in). */
export interface ProfileToExport {
  entry: ProfileEntry;
  settings: SettingsInput;
}

const nameKey = (name: string) => name.trim().toLowerCase();

const ProfileItemSchema = SettingsFileSchema.extend({
  profileName: text
    .pipe(z.string().trim().max(MAX_PROFILE_NAME, `must have at most ${MAX_PROFILE_NAME} characters`))
    .optional(),
  profileColour: z.enum(PROFILE_COLOURS).optional(),
});

const ProfilesFileSchema = z.strictObject({
  profiles: z
    .array(ProfileItemSchema)
    .min(1, 'must list at least one profile')
    .max(MAX_PROFILES, `must list at most ${MAX_PROFILES} profiles, the most the extension keeps`)
    // Profiles are matched by name: two of one name would both claim the same profile here.
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((item, index) => {
        const key = nameKey(item.profileName ?? '');
        if (key && seen.has(key))
          ctx.addIssue({
            code: 'custom',
            path: [index, 'profileName'],
            message: `"${item.profileName}" names two profiles of the file`,
          });
        seen.add(key);
      });
    }),
});

/** The file of every profile; each profile's token only when `includeTokens`. */
export function exportProfilesYaml(
  profiles: readonly ProfileToExport[],
  options: { includeTokens?: boolean } = {},
): string {
  const items = profiles.map(({ entry, settings }) => ({
    // A first profile never named has no name to carry: it is matched to the unnamed profile on import.
    ...(entry.name ? { profileName: entry.name } : {}),
    profileColour: entry.colour,
    ...settingsFileOf(settings, { includeToken: options.includeTokens }),
  }));
  const count = pluralize(profiles.length, 'profile');
  const withToken = items.some((item) => item.connection?.apiToken);
  const header = withToken
    ? `# S1 IOC Manager settings of ${count}. This file holds API tokens: keep it secret.\n`
    : `# S1 IOC Manager settings of ${count}. The API tokens are left out: a profile keeps its saved token on import, a new one asks for its token.\n`;
  // Without anchors: two profiles sharing one value object must not come out as an alias, which an
  // import refuses (parse-yaml.ts).
  return header + stringify({ profiles: items }, { aliasDuplicateObjects: false });
}

/**
 * The file's profiles, or why the file does not read (not YAML, or a profile that does not), or null
 * when it is a one-profile file (no `profiles:`) for settings-yaml.ts to read.
 */
export function parseProfilesYaml(
  yamlText: string,
): { ok: true; profiles: FileProfile[] } | { ok: false; message: string } | null {
  // Too large: the one-profile reader says why, as it always has.
  if (yamlText.length > MAX_SETTINGS_FILE_BYTES) return null;
  const probe = parseYamlWith(z.unknown(), yamlText, { intAsBigInt: true });
  if (!probe.ok) return probe;
  if (!isProfilesFile(probe.value)) return null;
  const parsed = parseYamlWith(ProfilesFileSchema, yamlText, { intAsBigInt: true });
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    profiles: parsed.value.profiles.map(({ profileName, profileColour, ...settings }) => ({
      name: profileName ?? '',
      ...(profileColour ? { colour: profileColour } : {}),
      settings,
    })),
  };
}

/** A mapping with a `profiles` key: the one-profile file has none, so anything else is read as one. */
const isProfilesFile = (value: unknown): boolean =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && 'profiles' in value;
