/**
 * Which reviewed values SentinelOne already holds, answered from the local cache. The review asks
 * once per paste for the values it found, so a page need not hold the whole cache in memory: the
 * answer comes from an IndexedDB index (any page, the service worker) or from IOCs already loaded.
 */
import type { Ioc, IocType } from '../s1/schemas';
import { valueKey } from '../store/ioc-repo';
import type { Candidate } from './extract';
import type { FindExisting } from './review';
import { validateIoc } from './validate';

export type ExistingLookup = (values: readonly string[]) => Promise<FindExisting>;

const key = (type: IocType, value: string) => `${type}|${valueKey(value)}`;

/** `value` in the form the review judges, or its value key when the validator refuses it. */
function normalOf(value: string, type: IocType): string {
  const validation = validateIoc(value, type);
  return validation.ok ? validation.value : valueKey(value);
}

/**
 * A FindExisting over `iocs`: same type, same IOC once both are in normal form. The value key folds
 * all case, which a URL's path keeps (`/X` is not `/x`), so the normal forms decide among the IOCs
 * sharing a key: an existing row is sent as held, and must never update another URL. The first IOC
 * wins when sources differ.
 */
export function findIn(iocs: readonly Ioc[]): FindExisting {
  const byKey = new Map<string, Ioc[]>();
  for (const ioc of iocs) {
    const k = key(ioc.type, ioc.value);
    const same = byKey.get(k);
    if (same) same.push(ioc);
    else byKey.set(k, [ioc]);
  }
  return (value, type) => {
    const same = byKey.get(key(type, value));
    if (!same) return undefined;
    const normal = normalOf(value, type);
    return same.find((ioc) => normalOf(ioc.value, type) === normal);
  };
}

/** Looks the values up through `byValues` (ioc-repo), all in one call. */
export function lookupThrough(byValues: (values: readonly string[]) => Promise<Ioc[]>): ExistingLookup {
  return async (values) => (values.length === 0 ? () => undefined : findIn(await byValues(values)));
}

/**
 * The values to look up for `candidates`: each in the form the review judges and the cache stores
 * (`8.8.4.4/32` is looked up as `8.8.4.4`, a URL as normalised), the raw text when it is invalid.
 */
export function lookupValues(candidates: readonly Pick<Candidate, 'value' | 'type'>[]): string[] {
  return candidates.map((candidate) => {
    const validation = validateIoc(candidate.value, candidate.type);
    return validation.ok ? validation.value : candidate.value;
  });
}
