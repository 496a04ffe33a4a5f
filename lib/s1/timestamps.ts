/**
 * SentinelOne timestamps are UTC ISO-8601 with microseconds (`2025-11-12T07:43:38.109004Z`); a JS
 * Date keeps milliseconds only. These helpers compare and shift them without losing the order of
 * two IOCs written in the same millisecond.
 */

/** Microseconds since the epoch; NaN for text that is not an ISO time. Zone-less text is read as UTC. */
export function isoToMicros(iso: string): number {
  const match = /^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/.exec(
    iso.trim(),
  );
  if (!match?.[1]) return Number.NaN;
  const seconds = Date.parse(`${match[1].replace(' ', 'T')}${match[3] ?? 'Z'}`);
  const fraction = Number((match[2] ?? '').padEnd(6, '0').slice(0, 6));
  return seconds * 1000 + fraction;
}

/** The later of two ISO times (null counts as earliest). */
export function laterIso(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return isoToMicros(b) > isoToMicros(a) ? b : a;
}

/** `iso` moved by `ms` milliseconds, as ISO with milliseconds and Z. */
export function shiftIso(iso: string, ms: number): string {
  return new Date(Math.floor(isoToMicros(iso) / 1000) + ms).toISOString();
}
