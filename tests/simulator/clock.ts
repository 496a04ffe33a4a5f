/**
 * The simulator's clock, in epoch MICROseconds: the console stamps IOCs with 6-digit fractions
 * (docs/sentinelone-api.md#the-ioc-object), and JS Dates only hold milliseconds. Epoch µs stays below 2^53,
 * so a number is exact. The clock is static unless set or advanced, so tests are deterministic.
 */

const MS = 1000;
const DAY_US = 86_400_000_000;
export const daysUs = (days: number): number => days * DAY_US;

// ISO 8601 with or without fraction and zone, plus the console docs' 'YYYY-MM-DD HH:MM:SS[.ffffff]'
// (docs/sentinelone-api.md#validuntil-defaults-and-clamping).
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses a timestamp to epoch µs, keeping microseconds; zone-less values are read as UTC (UNCONFIRMED,
 * docs/sentinelone-api.md#validuntil-defaults-and-clamping).
 */
export function parseTimestampUs(text: string): number | null {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(ms);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  let offsetMin = 0;
  if (zone && zone !== 'Z' && zone !== 'z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  }
  const micros = Number(frac.padEnd(6, '0').slice(0, 6));
  return (ms - offsetMin * 60_000) * MS + micros;
}

const PAD2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const PAD3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
const dayPrefix = new Map<number, string>();

/**
 * Formats epoch µs like the console: `2025-11-12T07:43:38.109004Z`. Hand-rolled with a per-day
 * cache because seeding 1M IOCs formats millions of timestamps.
 */
export function formatUs(us: number): string {
  const t = Math.floor(us);
  const day = Math.floor(t / DAY_US);
  let prefix = dayPrefix.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * 86_400_000).toISOString().slice(0, 11); // 'YYYY-MM-DDT'
    if (dayPrefix.size < 100_000) dayPrefix.set(day, prefix);
  }
  const inDay = t - day * DAY_US;
  const secs = Math.floor(inDay / 1_000_000);
  const frac = inDay - secs * 1_000_000;
  const out = `${prefix}${PAD2[Math.floor(secs / 3600)]}:${PAD2[Math.floor(secs / 60) % 60]}:${PAD2[secs % 60]}.${PAD3[Math.floor(frac / 1000)]}${PAD3[frac % 1000]}Z`;
  out.charCodeAt(0); // flatten the concatenation: 1M IOCs hold millions of these
  return out;
}

export interface SimClock {
  now(): number;
  iso(): string;
  set(iso: string): void;
  advance(ms: number): void;
}

export function createClock(initialIso: string): SimClock {
  const parse = (iso: string) => {
    const us = parseTimestampUs(iso);
    if (us === null) throw new Error(`Not a timestamp: ${iso}`);
    return us;
  };
  let nowUs = parse(initialIso);
  return {
    now: () => nowUs,
    iso: () => formatUs(nowUs),
    set(iso) {
      nowUs = parse(iso);
    },
    advance(ms) {
      nowUs += Math.round(ms * MS);
    },
  };
}
