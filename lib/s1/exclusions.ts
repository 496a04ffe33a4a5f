/**
 * How a value is compared with the scope's TI exclusions (excludeTii,
 * docs/sentinelone-api.md#ti-user-config-will-it-fire). Apart from the user-config call, so the pages
 * can flag excluded values without loading worker code.
 */

/**
 * Whether `value` is among the config's excluded values. The console's own comparison is UNCONFIRMED;
 * this one ignores case and surrounding spaces, so a hash or a domain listed in another case is flagged.
 */
export function isExcluded(config: { excludeTii: readonly string[] }, value: string): boolean {
  const wanted = exclusionKey(value);
  return config.excludeTii.some((v) => exclusionKey(v) === wanted);
}

/** A value as isExcluded compares it, for a Set of the excluded values when many are checked. */
export const exclusionKey = (value: string) => value.trim().toLowerCase();
