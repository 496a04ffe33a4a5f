/**
 * limit / skip / cursor / countOnly / skipCount / sortBy / sortOrder
 * (docs/sentinelone-api.md#paging-and-sorting). Out-of-range limit or skip is a 400 (knob outOfRange
 * 'reject', default) or clamped ('clamp'); clamp-or-reject is UNCONFIRMED. Messages follow marshmallow's
 * wording, as the fixture's "Must be greater than or equal".
 */
import type { Knobs } from '../config';

export interface Paging {
  limit: number;
  skip: number;
  cursor: string | null;
  countOnly: boolean;
  skipCount: boolean;
  sortBy: string;
  desc: boolean;
}

export type PagingResult = { ok: true; paging: Paging } | { ok: false; detail: string };

const RANGES = { limit: [1, 1000, 10], skip: [0, 1000, 0] } as const;

function parseBool(q: URLSearchParams, name: string): boolean | string {
  const v = q.get(name);
  if (v === null) return false;
  if (v.toLowerCase() === 'true') return true;
  if (v.toLowerCase() === 'false') return false;
  return `${name}: Not a valid boolean.`;
}

export function parsePaging(
  q: URLSearchParams,
  outOfRange: Knobs['outOfRange'],
  sortFields: readonly string[],
  defaultSort: string,
): PagingResult {
  const nums: Record<string, number> = {};
  for (const [name, [min, max, dflt]] of Object.entries(RANGES)) {
    const raw = q.get(name);
    if (raw === null || raw === '') {
      nums[name] = dflt;
      continue;
    }
    if (!/^-?\d+$/.test(raw.trim())) return { ok: false, detail: `${name}: Not a valid integer.` };
    let n = Number(raw);
    if (n < min || n > max) {
      if (outOfRange === 'reject') {
        return {
          ok: false,
          detail: `${name}: Must be greater than or equal to ${min} and less than or equal to ${max}.`,
        };
      }
      n = Math.min(max, Math.max(min, n));
    }
    nums[name] = n;
  }
  const countOnly = parseBool(q, 'countOnly');
  if (typeof countOnly === 'string') return { ok: false, detail: countOnly };
  const skipCount = parseBool(q, 'skipCount');
  if (typeof skipCount === 'string') return { ok: false, detail: skipCount };
  const sortBy = q.get('sortBy') || defaultSort;
  if (!sortFields.includes(sortBy))
    return { ok: false, detail: `sortBy: Must be one of: ${sortFields.join(', ')}.` };
  const order = (q.get('sortOrder') || 'asc').toLowerCase();
  if (order !== 'asc' && order !== 'desc')
    return { ok: false, detail: 'sortOrder: Must be one of: asc, desc.' };
  return {
    ok: true,
    paging: {
      limit: nums.limit ?? 10,
      skip: nums.skip ?? 0,
      cursor: q.get('cursor') || null,
      countOnly,
      skipCount,
      sortBy,
      desc: order === 'desc',
    },
  };
}
