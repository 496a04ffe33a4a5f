/**
 * The Settings form as typed, and how it reads back into settings: every field is text until Save,
 * so that a half-typed number is shown as typed and the first problem is named in words, not thrown.
 */
import { ConnectionFieldsSchema, type ConnectionInput, normalizeConsoleUrl } from '../../config/connection';
import { IOC_TYPES, type IocType, MAX_VALIDITY_DAYS } from '../../config/ioc-types';
import type { PivotTemplate } from '../../config/pivots';
import type { Settings, SettingsInput, StoredSettings } from '../../config/settings';
import type { ConsoleProbe } from '../messages';
import { pivotTemplatesOf } from '../pivots/default-pivots';
import { errorText } from '../text/error-text';
import { tokenChoice } from './connection-probe';

/** The never-block box until Save: what was typed, read into entries and problems. */
export interface NeverBlockDraft {
  text: string;
  /** The entries, one a line; saved as they are. */
  entries: string[];
  /** A message naming each entry that does not read; Save refuses while there is one. */
  problems: string[];
}

/** The saved entries as a draft; stored settings from before the list have none. */
export const neverBlockDraft = (entries: readonly string[] | undefined): NeverBlockDraft => ({
  text: (entries ?? []).join('\n'),
  entries: [...(entries ?? [])],
  problems: [],
});

export type ConnectionDraft = Record<
  'consoleUrl' | 'apiToken' | 'accountId' | 'accountName' | 'creatorEmail' | 'tagPrefix',
  string
> & {
  /** A site token's site ('' for an account): set by Load sites, never typed beside an account. */
  siteId?: string;
  siteName?: string;
};

export type SettingsDraft = ConnectionDraft & {
  validityDays: Record<IocType, string>;
  score: string;
  quickBlockSingle: boolean;
  actionDefaults: Settings['actionDefaults'];
  neverBlock: NeverBlockDraft;
  /** Checked one by one as they are added or edited (lib/pivots/pivot-edit.ts), so always valid. */
  pivots: PivotTemplate[];
};

/** The saved connection as the page knows it: without the token, with its hint. */
export type SavedConnection = StoredSettings['connection'];

type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

// The token field is never filled with the saved token: a URL changed in the form must not inherit it,
// and the page has no reason to show it. Left empty, it keeps the saved token for the saved console.
export const settingsDraft = (settings: SettingsInput): SettingsDraft => ({
  consoleUrl: settings.connection?.consoleUrl ?? '',
  apiToken: '',
  accountId: settings.connection?.accountId ?? '',
  accountName: settings.connection?.accountName ?? '',
  creatorEmail: settings.connection?.creatorEmail ?? '',
  tagPrefix: settings.connection?.tagPrefix ?? '',
  siteId: settings.connection?.scope?.siteId ?? '',
  siteName: settings.connection?.scope?.siteName ?? '',
  validityDays: Object.fromEntries(
    IOC_TYPES.map((t) => [t, String(settings.iocDefaults.validityDays[t])]),
  ) as Record<IocType, string>,
  score: String(settings.iocDefaults.score),
  quickBlockSingle: settings.quickBlockSingle,
  actionDefaults: settings.actionDefaults,
  neverBlock: neverBlockDraft(settings.neverBlock),
  pivots: [...pivotTemplatesOf(settings)],
});

/** The hint in the empty token field: the saved token's last four characters only. */
export const savedTokenHint = (saved: SavedConnection): string | undefined =>
  saved?.tokenHint ? `Saved token ${saved.tokenHint}: leave empty to keep it` : undefined;

/**
 * The token the draft's console may use: the one typed, or the saved one (`typed` absent) for the
 * saved console, which stays with the worker; or why neither.
 */
export function draftToken(
  draft: ConnectionDraft,
  origin: string,
  saved: SavedConnection,
): { ok: true; typed?: string } | { ok: false; reason: string } {
  try {
    const hint = saved && { consoleUrl: saved.consoleUrl, hasToken: saved.tokenHint !== '' };
    const choice = tokenChoice(origin, draft.apiToken, hint);
    return 'typed' in choice ? { ok: true, typed: choice.typed } : { ok: true };
  } catch (error) {
    return { ok: false, reason: errorText(error) };
  }
}

/** What Test connection and Load accounts send: the token only when typed, never the saved one. */
export const probeOf = (draft: ConnectionDraft, consoleUrl: string): ConsoleProbe => {
  const typed = draft.apiToken.trim();
  return typed ? { consoleUrl, apiToken: typed } : { consoleUrl };
};

/** What Load accounts may send: the console's origin and the token it may have, or why not. */
export function accountsProbe(draft: ConnectionDraft, saved: SavedConnection): Read<ConsoleProbe> {
  const url = normalizeConsoleUrl(draft.consoleUrl);
  if (!url.ok) return url;
  const token = draftToken(draft, url.origin, saved);
  return token.ok ? { ok: true, value: probeOf(draft, url.origin) } : token;
}

/** The draft as a connection, or the first reason it is not one. */
export function draftConnection(draft: ConnectionDraft, saved: SavedConnection): Read<ConnectionInput> {
  const url = normalizeConsoleUrl(draft.consoleUrl);
  if (!url.ok) return url;
  const token = draftToken(draft, url.origin, saved);
  if (!token.ok) return token;
  const { siteId = '', siteName = '', ...fields } = draft;
  const parsed = ConnectionFieldsSchema.safeParse({
    ...fields,
    consoleUrl: url.origin,
    accountId: draft.accountId.trim(),
    // Only a site token has a scope: an account connection stays as every install before sites stored it.
    ...(siteId.trim() ? { scope: { kind: 'site', siteId: siteId.trim(), siteName } } : {}),
  });
  return parsed.success
    ? { ok: true, value: token.typed ? { ...parsed.data, apiToken: token.typed } : parsed.data }
    : { ok: false, reason: parsed.error.issues[0]?.message ?? 'Invalid connection.' };
}

/** What Test connection sends: the probe and the account to test, or why the draft cannot be tested. */
export function testProbe(
  draft: ConnectionDraft,
  saved: SavedConnection,
): Read<ConsoleProbe & { accountId: string; siteId?: string }> {
  const read = draftConnection(draft, saved);
  if (!read.ok) return read;
  const { consoleUrl, accountId, scope } = read.value;
  return {
    ok: true,
    value: { ...probeOf(draft, consoleUrl), accountId, ...(scope ? { siteId: scope.siteId } : {}) },
  };
}

/** The draft as complete settings, or the first reason it is not. */
export function draftSettings(draft: SettingsDraft, base: StoredSettings): Read<SettingsInput> {
  const connection = draftConnection(draft, base.connection);
  if (!connection.ok) return connection;
  const validityDays = { ...base.iocDefaults.validityDays };
  for (const type of IOC_TYPES) {
    const days = Number(draft.validityDays[type]);
    if (!Number.isInteger(days) || days < 1 || days > MAX_VALIDITY_DAYS[type]) {
      return {
        ok: false,
        reason: `Validity for ${type} must be a whole number of days from 1 to ${MAX_VALIDITY_DAYS[type]} (the API's maximum).`,
      };
    }
    validityDays[type] = days;
  }
  const score = Number(draft.score);
  if (!Number.isInteger(score) || score < 0 || score > 100)
    return { ok: false, reason: 'The default score must be a whole number from 0 to 100.' };
  const [neverBlockProblem] = draft.neverBlock.problems;
  if (neverBlockProblem) return { ok: false, reason: neverBlockProblem };
  return {
    ok: true,
    value: {
      ...base,
      connection: connection.value,
      iocDefaults: { ...base.iocDefaults, validityDays, score },
      quickBlockSingle: draft.quickBlockSingle,
      actionDefaults: draft.actionDefaults,
      neverBlock: draft.neverBlock.entries,
      pivots: draft.pivots,
    },
  };
}
