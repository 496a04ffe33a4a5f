/**
 * Renewing IOCs: the same IOC re-sent (type, value, source and externalId identify it to the
 * console's upsert) with its own fields and a new validUntil, clamped to the type's maximum.
 */
import { type IocType, MAX_VALIDITY_DAYS } from '../../config/ioc-types';
import type { Ioc, IocDraft } from '../s1/schemas';
import { contextOfIoc } from './context-fields';

const DAY_MS = 24 * 60 * 60_000;

/** `iso`, or the latest validUntil the API keeps for `type` from `now` when `iso` is later. */
export function clampValidUntil(type: IocType, iso: string, now: Date): string {
  const latest = now.getTime() + MAX_VALIDITY_DAYS[type] * DAY_MS;
  const asked = Date.parse(iso);
  return new Date(Number.isNaN(asked) ? latest : Math.min(asked, latest)).toISOString();
}

/** One draft per IOC, keeping everything the analyst set, valid for the type's configured days from now. */
export function renewDrafts(
  iocs: readonly Ioc[],
  validityDays: Record<IocType, number>,
  now: Date,
): IocDraft[] {
  return iocs.map((ioc) => {
    const days = Math.min(validityDays[ioc.type], MAX_VALIDITY_DAYS[ioc.type]);
    return {
      type: ioc.type,
      value: ioc.value,
      source: ioc.source,
      method: 'EQUALS',
      validUntil: new Date(now.getTime() + days * DAY_MS).toISOString(),
      ...(ioc.name ? { name: ioc.name } : {}),
      ...(ioc.description ? { description: ioc.description } : {}),
      ...(ioc.externalId ? { externalId: ioc.externalId } : {}),
      ...(ioc.creator ? { creator: ioc.creator } : {}),
      ...(typeof ioc.originalRiskScore === 'number' ? { originalRiskScore: ioc.originalRiskScore } : {}),
      ...contextOfIoc(ioc),
    };
  });
}
