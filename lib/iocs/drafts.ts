/**
 * The form's fields turned into what POST /threat-intelligence/iocs takes
 * (docs/sentinelone-api.md#item-fields): one draft per reviewed row, with the settings' tag prefix on
 * name and description and validUntil already clamped to the per-type maximum (the console would clamp
 * it silently, docs/sentinelone-api.md#validuntil-defaults-and-clamping).
 */
import { MAX_VALIDITY_DAYS } from '../../config/ioc-types';
import type { SettingsWithoutToken } from '../../config/settings';
import type { IocDraft, IocType } from '../s1/schemas';
import { type ContextText, contextDraft, emptyContext, validateContext } from './context-fields';

export interface IocFields {
  name: string;
  description: string;
  creator: string;
  source: string;
  score: number;
  /** null: the per-type default from settings. */
  validityDays: number | null;
  externalId: string;
  /**
   * Severity and the context lists every IOC gets (the form's Context group); absent or empty ones
   * are not sent. Optional so callers that never show the group need not name it.
   */
  context?: ContextText;
}

export interface DraftSettings {
  tagPrefix: string;
  validityDays: Record<IocType, number>;
}

/** The fields a new submission starts with: creator and source from settings, validity per type. */
export function defaultFields(settings: SettingsWithoutToken): IocFields {
  return {
    name: '',
    description: '',
    creator: settings.connection?.creatorEmail ?? '',
    source: settings.iocDefaults.source,
    score: settings.iocDefaults.score,
    validityDays: null,
    externalId: '',
    context: emptyContext(),
  };
}

/** What toDrafts needs from the settings. */
export function draftSettings(settings: SettingsWithoutToken): DraftSettings {
  return { tagPrefix: settings.connection?.tagPrefix ?? '', validityDays: settings.iocDefaults.validityDays };
}

const DAY_MS = 86_400_000;
/** The longest validity any type allows, which the form offers. */
const MAX_DAYS = Math.max(...Object.values(MAX_VALIDITY_DAYS));

/**
 * `text` prefixed with `tag` as the original tool did (`[ORG]` + `name` → `[ORG] name`). Unchanged
 * when already prefixed, so editing an IOC does not stack tags. An empty text gives the tag alone:
 * the tag exists so the organisation's IOCs can be found by name, so every IOC sent carries it.
 */
export function applyTag(tag: string, text: string): string {
  const prefix = tag.trim();
  const body = text.trim();
  if (prefix === '') return body;
  if (body === prefix || body.startsWith(`${prefix} `)) return body;
  return body === '' ? prefix : `${prefix} ${body}`;
}

/** `now` plus `days`, at most the type's maximum (IPs 30, others 180), as UTC ISO-8601 with `Z`. */
export function validUntilFor(type: IocType, days: number, now: Date): string {
  const clamped = Math.max(0, Math.min(days, MAX_VALIDITY_DAYS[type]));
  return new Date(now.getTime() + clamped * DAY_MS).toISOString();
}

/** The identity an IOC already in SentinelOne keeps, so that sending it again updates it. */
export interface ExistingIdentity {
  /**
   * The value as the console holds it, which may differ from the reviewed form in case or in an IPv6
   * address's spelling (`2001:db8::0dc4`): the console keeps what it was sent and matches it as sent.
   */
  value: string;
  source: string;
  externalId: string | null;
}

/**
 * One draft per row; empty optional fields (name, description, creator, externalId, the context
 * fields) are left out, not sent as '' or []: on an upsert an empty list would clear the field. A row already in SentinelOne keeps its own value as held, source and external ID:
 * the console upserts on them, so the reviewed form or the form's fields would create a second IOC
 * instead of updating the one shown.
 */
export function toDrafts(
  rows: ReadonlyArray<{ value: string; type: IocType; existing?: ExistingIdentity }>,
  fields: IocFields,
  settings: DraftSettings,
  now: Date,
): IocDraft[] {
  const name = applyTag(settings.tagPrefix, fields.name);
  const description = applyTag(settings.tagPrefix, fields.description);
  const creator = fields.creator.trim();
  const formExternalId = fields.externalId.trim();
  return rows.map(({ value, type, existing }) => {
    const externalId = existing ? (existing.externalId ?? '') : formExternalId;
    return {
      type,
      value: existing ? existing.value : value,
      source: existing ? existing.source : fields.source.trim(),
      method: 'EQUALS',
      ...(name ? { name } : {}),
      ...(description ? { description } : {}),
      ...(externalId ? { externalId } : {}),
      ...(creator ? { creator } : {}),
      validUntil: validUntilFor(type, fields.validityDays ?? settings.validityDays[type], now),
      originalRiskScore: fields.score,
      // Per row, so no two drafts share a list.
      ...contextDraft(fields.context),
    };
  });
}

/** The Score field's text: empty is NaN, which validateFields refuses (`Number('')` is 0, a score nobody chose). */
export const scoreFromText = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

/** The Validity field's text: empty is null, the per-type default from settings. */
export const daysFromText = (text: string): number | null => (text.trim() === '' ? null : Number(text));

/** The first problem with `fields` as a sentence naming the field, or null when they can be sent. */
export function validateFields(fields: IocFields): string | null {
  if (fields.source.trim() === '') return 'Source is required.';
  if (!Number.isInteger(fields.score) || fields.score < 0 || fields.score > 100) {
    return 'Score must be a whole number from 0 to 100.';
  }
  const days = fields.validityDays;
  if (days !== null && (!Number.isInteger(days) || days < 1 || days > MAX_DAYS)) {
    return `Validity must be a whole number of days from 1 to ${MAX_DAYS}.`;
  }
  return validateContext(fields.context);
}
