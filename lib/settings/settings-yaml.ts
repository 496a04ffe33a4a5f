/**
 * Settings as a YAML file: export (without the API token unless asked) and import, which also
 * takes the original desktop tool's config.yml keys and maps them onto ours. An import either
 * yields complete new settings or one message naming the line and key; it never half-applies.
 * What a file's keys do to the current settings is settings-merge.ts's.
 */
import { stringify } from 'yaml';
import { z } from 'zod';
import { DefaultsSchema, ValidityDaysSchema } from '../../config/defaults';
import { MAX_VALIDITY_DAYS } from '../../config/ioc-types';
import { parseYamlWith } from '../../config/parse-yaml';
import { PivotListSchema } from '../../config/pivots';
import { LOG_LEVELS, type Settings, type SettingsInput } from '../../config/settings';
import { parseNeverBlockEntry } from '../iocs/never-block';
import { pivotTemplatesOf } from '../pivots/default-pivots';
import { type ImportResult, mergeSettingsFile } from './settings-merge';

/** A settings file is a few hundred bytes; anything near this is not one, and is not parsed. */
export const MAX_SETTINGS_FILE_BYTES = 256 * 1024;

/** Integers come in as bigint (see parseYamlWith); small ones are plain numbers again. */
const int = (schema: z.ZodNumber) => z.preprocess((v) => (typeof v === 'bigint' ? Number(v) : v), schema);
export const text = z.preprocess(
  (v) => (typeof v === 'bigint' || typeof v === 'number' ? String(v) : v),
  z.string(),
);
const days = (max: number, label: string) =>
  int(
    z
      .number()
      .int('must be a whole number of days')
      .min(1, 'must be at least 1 day')
      .max(max, `must be at most ${max} days, the API's maximum for ${label}`),
  );

/** The keys of the original tool's config/config.yml (its README and code, see original-tool.md). */
const OriginalConfigSchema = z.strictObject({
  s1_api: text.optional(),
  s1_token: text.optional(),
  s1_account_id: text.optional(),
  creator_mail: text.optional(),
  ioc_tag: text.optional(),
  debug: z.boolean().optional(),
  sha1_retention: days(MAX_VALIDITY_DAYS.SHA1, 'hashes').optional(),
  url_retention: days(MAX_VALIDITY_DAYS.URL, 'URLs').optional(),
  dns_retention: days(MAX_VALIDITY_DAYS.DNS, 'domains').optional(),
  ip_retention: days(MAX_VALIDITY_DAYS.IPV4, 'IPs').optional(),
});
type OriginalConfig = z.infer<typeof OriginalConfigSchema>;

/** Our own settings file: the same keys as the settings, each optional (a missing key keeps the current value). */
export const SettingsFileSchema = z.strictObject({
  connection: z
    .strictObject({
      consoleUrl: text.optional(),
      apiToken: text.optional(),
      accountId: text.optional(),
      accountName: text.optional(),
      // A site token's site; absent for an account connection.
      siteId: text.optional(),
      siteName: text.optional(),
      creatorEmail: text.optional(),
      tagPrefix: text.optional(),
    })
    .optional(),
  iocDefaults: z
    .strictObject({
      validityDays: z.preprocess(
        (v) =>
          v && typeof v === 'object'
            ? Object.fromEntries(
                Object.entries(v).map(([k, n]) => [k, typeof n === 'bigint' ? Number(n) : n]),
              )
            : v,
        ValidityDaysSchema.partial(),
      ),
      score: int(z.number().int().min(0, 'must be 0-100').max(100, 'must be 0-100')),
      source: text.pipe(z.string().trim().min(1, 'must not be empty')),
    })
    .partial()
    .optional(),
  sync: z
    .strictObject({
      intervalMinutes: int(z.number().int().min(1).max(1440)),
      pageSize: int(z.number().int().min(1).max(1000)),
      maxParallelRequests: int(z.number().int().min(1).max(16)),
    })
    .partial()
    .optional(),
  actionDefaults: DefaultsSchema.shape.actions.partial().optional(),
  quickBlockSingle: z.boolean().optional(),
  logLevel: z.enum(LOG_LEVELS).optional(),
  // Each entry read as Settings reads it, so that a file cannot store one Save would refuse.
  neverBlock: z
    .array(
      text.pipe(
        z.string().superRefine((entry, ctx) => {
          const parsed = parseNeverBlockEntry(entry);
          if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
        }),
      ),
    )
    .optional(),
  // The whole list, as Settings saves it: a file with the key replaces the analyst's links.
  pivots: PivotListSchema.optional(),
});
export type SettingsFile = z.infer<typeof SettingsFileSchema>;

const ORIGINAL_KEYS = Object.keys(OriginalConfigSchema.shape);

/**
 * The settings as a YAML document; the token only when `includeToken` (the caller then passes the
 * settings read with their token, lib/settings/settings.ts readSettings; the stored item has none).
 */
export function exportSettingsYaml(
  settings: SettingsInput,
  options: { includeToken?: boolean } = {},
): string {
  const file = settingsFileOf(settings, options);
  const header = file.connection?.apiToken
    ? '# S1 IOC Manager settings. This file holds the API token: keep it secret.\n'
    : '# S1 IOC Manager settings. The API token is left out; it stays as it is on import.\n';
  // Without anchors: a value object met twice must not come out as an alias, which an import refuses.
  return header + stringify(file, { aliasDuplicateObjects: false });
}

/** The keys a file carries of `settings`, in the file's order; the token only when `includeToken`. */
export function settingsFileOf(
  settings: SettingsInput,
  options: { includeToken?: boolean } = {},
): SettingsFile {
  const c = settings.connection;
  const token = options.includeToken ? c?.apiToken : undefined;
  // Named one by one: the stored item's token hint and date are not settings a file carries.
  const connection = c && {
    consoleUrl: c.consoleUrl,
    accountId: c.accountId,
    accountName: c.accountName,
    ...(c.scope ? { siteId: c.scope.siteId, siteName: c.scope.siteName } : {}),
    creatorEmail: c.creatorEmail,
    tagPrefix: c.tagPrefix,
    ...(token ? { apiToken: token } : {}),
  };
  return {
    connection: connection ?? undefined,
    iocDefaults: settings.iocDefaults,
    sync: settings.sync,
    actionDefaults: settings.actionDefaults,
    quickBlockSingle: settings.quickBlockSingle,
    logLevel: settings.logLevel,
    neverBlock: settings.neverBlock,
    pivots: [...pivotTemplatesOf(settings)],
  };
}

/** Reads a settings file (ours or the original tool's) onto `current`. */
export function importSettingsYaml(yamlText: string, current: Settings): ImportResult {
  if (yamlText.length > MAX_SETTINGS_FILE_BYTES) return { ok: false, message: TOO_LARGE };
  const probe = parseYamlWith(z.unknown(), yamlText, { intAsBigInt: true });
  if (!probe.ok) return probe;
  const isOriginal =
    probe.value !== null &&
    typeof probe.value === 'object' &&
    Object.keys(probe.value).some((key) => ORIGINAL_KEYS.includes(key));
  if (isOriginal) {
    const parsed = parseYamlWith(OriginalConfigSchema, yamlText, { intAsBigInt: true });
    return parsed.ok ? mergeSettingsFile(current, fromOriginal(parsed.value)) : parsed;
  }
  const parsed = parseYamlWith(SettingsFileSchema, yamlText, { intAsBigInt: true });
  return parsed.ok ? mergeSettingsFile(current, parsed.value) : parsed;
}

const TOO_LARGE = `The file is larger than ${MAX_SETTINGS_FILE_BYTES / 1024} KB: a settings file is a few hundred bytes.`;

/** Why a file of `bytes` is not read at all, or null when it may be. */
export const refuseFileSize = (bytes: number): string | null =>
  bytes > MAX_SETTINGS_FILE_BYTES ? TOO_LARGE : null;

function fromOriginal(config: OriginalConfig): SettingsFile {
  const hash = config.sha1_retention;
  const ip = config.ip_retention;
  return {
    connection: {
      consoleUrl: config.s1_api,
      apiToken: config.s1_token,
      accountId: config.s1_account_id?.trim(),
      creatorEmail: config.creator_mail,
      tagPrefix: config.ioc_tag,
    },
    iocDefaults: {
      // The original tool knew SHA1 as its only hash type: its retention now covers every hash type.
      validityDays: {
        ...(hash === undefined ? {} : { MD5: hash, SHA1: hash, SHA256: hash }),
        ...(config.url_retention === undefined ? {} : { URL: config.url_retention }),
        ...(config.dns_retention === undefined ? {} : { DNS: config.dns_retention }),
        ...(ip === undefined ? {} : { IPV4: ip, IPV6: ip }),
      },
    },
    logLevel: config.debug === undefined ? undefined : config.debug ? 'debug' : 'info',
  };
}
