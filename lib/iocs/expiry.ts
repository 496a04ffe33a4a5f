/**
 * Human text for an IOC's `validUntil` and `updatedAt` columns. Only the rendered rows call these,
 * so they parse the ISO text every time; the filter (filter.ts) has its own allocation-free test
 * with the same boundaries: expired means `validUntil < now`, soon means within the next 7 days.
 */
import { isoToMicros } from '../s1/timestamps';
import { pluralize } from '../text/pluralize';

/** An IOC expiring within this many days counts as "expiring soon" (filter and column alike). */
export const EXPIRING_SOON_DAYS = 7;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
export const EXPIRING_SOON_MS = EXPIRING_SOON_DAYS * DAY;

export type ExpiryState = 'never' | 'expired' | 'soon' | 'ok';

export interface ExpiryDescription {
  text: string;
  state: ExpiryState;
  /** `2026-04-28 08:17:48 UTC`, for a tooltip; null when there is no (readable) date. */
  exactUtc: string | null;
}

/**
 * Epoch milliseconds (with the microseconds S1 sends as a fraction) of an ISO time; NaN if unreadable.
 * isoToMicros covers every form S1 sends; Date.parse is the last resort for anything else.
 */
export function isoToEpochMs(iso: string): number {
  const micros = isoToMicros(iso);
  return Number.isNaN(micros) ? Date.parse(iso) : micros / 1000;
}

/** Whole minutes, hours or days (rounded down) of a non-negative span; null under one minute. */
function span(ms: number): string | null {
  if (ms < MINUTE) return null;
  if (ms < HOUR) return pluralize(Math.floor(ms / MINUTE), 'minute');
  if (ms < DAY) return pluralize(Math.floor(ms / HOUR), 'hour');
  return pluralize(Math.floor(ms / DAY), 'day');
}

function utcText(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** `2026-04-28 08:17:48 UTC` for an ISO time, for a tooltip; null when it cannot be read. */
export function exactUtcOf(iso: string | null | undefined): string | null {
  if (iso == null) return null;
  const at = isoToEpochMs(iso);
  return Number.isNaN(at) ? null : utcText(at);
}

/** `in 3 days` / `expired 2 days ago` / `never`, its state and the exact UTC time of `validUntil`. */
export function describeExpiry(validUntil: string | null | undefined, now: number): ExpiryDescription {
  if (validUntil == null || validUntil.trim() === '')
    return { text: 'never', state: 'never', exactUtc: null };
  const at = isoToEpochMs(validUntil);
  // Unreadable dates never expire in the filter either; show the raw text rather than a wrong "never".
  if (Number.isNaN(at)) return { text: validUntil, state: 'never', exactUtc: null };
  const exactUtc = utcText(at);
  const left = at - now;
  if (left < 0) {
    const ago = span(-left);
    return { text: ago === null ? 'expired just now' : `expired ${ago} ago`, state: 'expired', exactUtc };
  }
  const inText = span(left) ?? 'less than a minute';
  return { text: `in ${inText}`, state: left <= EXPIRING_SOON_MS ? 'soon' : 'ok', exactUtc };
}

/** `just now` / `12 minutes ago` / `3 days ago` for the "Updated" column; unreadable text comes back as is. */
export function describeAge(iso: string, now: number): string {
  const at = isoToEpochMs(iso);
  if (Number.isNaN(at)) return iso;
  // A time slightly in the future is clock skew between the console and this machine, not an error.
  const ago = span(now - at);
  return ago === null ? 'just now' : `${ago} ago`;
}
