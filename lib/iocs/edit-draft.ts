/**
 * Editing one IOC: the form prefilled with it, and the draft that re-sends it. The console has no
 * update call; a POST with the same identity upserts (docs/sentinelone-api.md#upsert-semantics), so
 * the draft keeps the IOC's value, source and external ID, re-sends its context fields, and sends []
 * for a list the analyst emptied, which is the only way to clear it.
 */
import type { SettingsWithoutToken } from '../../config/settings';
import type { Ioc, IocDraft } from '../s1/schemas';
import { clearedLists, contextTextOf } from './context-fields';
import { type DraftSettings, type IocFields, toDrafts } from './drafts';

/** The form's fields as the IOC holds them; creator and score fall back to the settings. */
export function editFieldsOf(
  ioc: Ioc,
  settings: Pick<SettingsWithoutToken, 'connection' | 'iocDefaults'>,
): IocFields {
  return {
    name: ioc.name ?? '',
    description: ioc.description ?? '',
    creator: ioc.creator ?? settings.connection?.creatorEmail ?? '',
    source: ioc.source,
    score: ioc.originalRiskScore ?? settings.iocDefaults.score,
    validityDays: null,
    externalId: ioc.externalId ?? '',
    context: contextTextOf(ioc),
  };
}

/** The edited IOC as one draft; source and external ID stay the IOC's whatever the form holds. */
export function editDraft(ioc: Ioc, fields: IocFields, settings: DraftSettings, now: Date): IocDraft {
  const fixed: IocFields = { ...fields, source: ioc.source, externalId: ioc.externalId ?? '' };
  const [draft] = toDrafts([{ value: ioc.value, type: ioc.type }], fixed, settings, now);
  if (!draft) throw new Error('toDrafts gives one draft per row.');
  return fields.context ? { ...draft, ...clearedLists(ioc, fields.context) } : draft;
}
