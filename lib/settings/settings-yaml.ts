/**
 * Settings as a YAML file: export (without the API token unless asked) and import, which also
 * takes the original desktop tool's config.yml keys and maps them onto ours. An import either
 * yields complete new settings or one message naming the line and key; it never half-applies.
 */
import { stringify } from 'yaml';
import { z } from 'zod';
import {
  type Connection,
  ConnectionFieldsSchema,
  ConnectionSchema,
  normalizeConsoleUrl,
} from '../../config/connection';
import { DefaultsSchema, ValidityDaysSchema } from '../../config/defaults';
import { MAX_VALIDITY_DAYS } from '../../config/ioc-types';
import { parseYamlWith } from '../../config/parse-yaml';
import { LOG_LEVELS, type Settings, type SettingsInput, SettingsSchema } from '../../config/settings';
import { parseNeverBlockEntry } from '../iocs/never-block';

/**
 * What an import yields: complete new settings, or why not. `quickPathHeldOff` says the file asked
 * for the quick path while it is off here: an import never turns it on (a file from a colleague or
 * a share must not make the next right-click write without a review), the analyst does.
 */
export type ImportResult =
  | { ok: true; settings: Settings; quickPathHeldOff: boolean }
  | { ok: false; message: string };

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

/**
 * What the import of a file may leave: with `tokenOptional` (a file of several profiles), a connection
 * whose console has no token, in the file or saved here, is kept with an empty `apiToken` so that
 * its profile asks for the token instead of failing the whole file.
 */
interface MergeOptions {
  tokenOptional?: boolean;
}

/** Settings whose connection may lack its token: what `tokenOptional` lets through. */
const SettingsWithoutTokenSchema = SettingsSchema.extend({
  connection: ConnectionSchema.extend({ apiToken: z.string().trim() }).nullable(),
});

/** `file` read onto `current`: complete new settings, or the first reason it cannot be. */
export function mergeSettingsFile(
  current: Settings,
  file: SettingsFile,
  options: MergeOptions = {},
): ImportResult {
  const connection = mergeConnection(current.connection, file.connection, options);
  if (!connection.ok) return connection;
  // Keys the file cannot name (none today) stay as they are rather than fall back to defaults.
  const next = {
    ...current,
    connection: connection.value,
    iocDefaults: {
      ...current.iocDefaults,
      ...file.iocDefaults,
      validityDays: { ...current.iocDefaults.validityDays, ...file.iocDefaults?.validityDays },
    },
    sync: { ...current.sync, ...file.sync },
    actionDefaults: { ...current.actionDefaults, ...file.actionDefaults },
    // A file may turn the quick path off, never on (see ImportResult).
    quickBlockSingle: current.quickBlockSingle && file.quickBlockSingle !== false,
    logLevel: file.logLevel ?? current.logLevel,
    neverBlock: file.neverBlock ?? current.neverBlock,
  };
  const checked = (options.tokenOptional ? SettingsWithoutTokenSchema : SettingsSchema).safeParse(next);
  return checked.success
    ? {
        ok: true,
        settings: checked.data,
        quickPathHeldOff: file.quickBlockSingle === true && !current.quickBlockSingle,
      }
    : { ok: false, message: checked.error.issues[0]?.message ?? 'invalid settings' };
}

type ConnectionResult = { ok: true; value: Connection | null } | { ok: false; message: string };

function mergeConnection(
  current: Connection | null,
  file: SettingsFile['connection'],
  options: MergeOptions,
): ConnectionResult {
  if (!file || Object.values(file).every((v) => v === undefined)) return { ok: true, value: current };
  let consoleUrl = current?.consoleUrl;
  if (file.consoleUrl !== undefined) {
    const url = normalizeConsoleUrl(file.consoleUrl);
    if (!url.ok) return { ok: false, message: `The console URL: ${url.reason}` };
    consoleUrl = url.origin;
  }
  // A token belongs to one console: keep the current one only when the file names the same console.
  const apiToken = file.apiToken ?? (consoleUrl === current?.consoleUrl ? current?.apiToken : undefined);
  const { siteId, siteName, ...fields } = file;
  const { scope: _scope, ...kept } = current ?? {};
  const merged = { ...kept, ...definedOnly(fields), ...siteOf(current, file), consoleUrl, apiToken };
  if (!merged.apiToken && options.tokenOptional) {
    const fields = ConnectionFieldsSchema.safeParse(merged);
    return fields.success
      ? { ok: true, value: { ...fields.data, apiToken: '' } }
      : { ok: false, message: fields.error.issues[0]?.message ?? 'invalid connection' };
  }
  if (!merged.apiToken) {
    return {
      ok: false,
      message: `The file has no API token for ${consoleUrl ?? 'its console'}: add it to the file (s1_token, or apiToken under connection), or enter the connection in Settings by hand.`,
    };
  }
  const parsed = ConnectionSchema.safeParse(merged);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, message: parsed.error.issues[0]?.message ?? 'invalid connection' };
}

/**
 * The site the file leaves: its own when it names one; else the current one, unless the file names
 * another account (the current site belongs to the current account). None for an account connection.
 */
function siteOf(
  current: Connection | null,
  file: NonNullable<SettingsFile['connection']>,
): Partial<Connection> {
  if (file.siteId)
    return { scope: { kind: 'site', siteId: file.siteId.trim(), siteName: file.siteName ?? '' } };
  const sameAccount = file.accountId === undefined || file.accountId.trim() === current?.accountId;
  return current?.scope && sameAccount ? { scope: current.scope } : {};
}

const definedOnly = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
