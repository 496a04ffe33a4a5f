/**
 * A settings file's keys read onto the current settings: a missing key keeps the current value, a
 * token stays only with its own console, a site only with its own account, and the quick path is
 * never turned on. The same rules for a one-profile file (settings-yaml.ts) and for each profile of
 * a file of several (profiles-file-plan.ts), which may leave a profile without its token.
 */
import { z } from 'zod';
import {
  type Connection,
  ConnectionFieldsSchema,
  ConnectionSchema,
  normalizeConsoleUrl,
} from '../../config/connection';
import { type Settings, SettingsSchema } from '../../config/settings';
import { pivotTemplatesOf } from '../pivots/default-pivots';
import type { SettingsFile } from './settings-yaml';

/**
 * What an import yields: complete new settings, or why not. `quickPathHeldOff` says the file asked
 * for the quick path while it is off here: an import never turns it on (a file from a colleague or
 * a share must not make the next right-click write without a review), the analyst does.
 */
export type ImportResult =
  | { ok: true; settings: Settings; quickPathHeldOff: boolean }
  | { ok: false; message: string };

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
    pivots: file.pivots ?? [...pivotTemplatesOf(current)],
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
