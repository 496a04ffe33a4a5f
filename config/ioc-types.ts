/**
 * The seven SentinelOne IOC types and what the API does with `validUntil` for each: the default when
 * none is sent, and the maximum it silently clamps a later date to
 * (docs/sentinelone-api.md#validuntil-defaults-and-clamping).
 */

/**
 * Upper case only: the API refuses `sha256` (docs/sentinelone-api.md#item-fields). `DNS` covers domains
 * and host names.
 */
export const IOC_TYPES = ['DNS', 'IPV4', 'IPV6', 'MD5', 'SHA1', 'SHA256', 'URL'] as const;
export type IocType = (typeof IOC_TYPES)[number];

/** The console clamps a later `validUntil` to upload time plus this many days, without an error. */
export const MAX_VALIDITY_DAYS: Readonly<Record<IocType, number>> = {
  IPV4: 30,
  IPV6: 30,
  DNS: 180,
  URL: 180,
  MD5: 180,
  SHA1: 180,
  SHA256: 180,
};

/** What the console applies when `validUntil` is absent; we always send one, so this is for reference. */
export const API_DEFAULT_VALIDITY_DAYS: Readonly<Record<IocType, number>> = {
  IPV4: 14,
  IPV6: 14,
  DNS: 90,
  URL: 90,
  MD5: 180,
  SHA1: 180,
  SHA256: 180,
};
