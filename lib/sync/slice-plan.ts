/**
 * How a full sync splits the account's IOCs into queries paged side by side: the sync lasts as long
 * as its longest query, so the queries should hold about as many IOCs each, one per request allowed
 * in flight. The split is read off a sample: the first IOCs in uuid order, which spread over time
 * as the uuids do (random), cost one request and no count queries (a console limiting the request
 * rate counts every one of those). The queries are time ranges on `updatedAt` meeting end to end,
 * the first and last open, so they cover every IOC once whatever the sample; a range the sample
 * shows too full to page alone (a burst sharing one timestamp) is split again by IOC type.
 *
 * The sample only shapes the split. An IOC updated while the pages are fetched moves to a newer
 * `updatedAt`, perhaps out of the range whose cursor had not reached it yet; it is then newer than
 * the watermark taken before any page, so the incremental sync that follows a full one brings it.
 */
import { IOC_TYPES } from '../../config/ioc-types';
import type { IocQuery } from '../s1/client';

export type SliceQuery = Pick<IocQuery, 'type' | 'updatedAt__gte' | 'updatedAt__lt'>;

/**
 * IOCs in the sample: one page of the API's largest. Each cut lands within about 1.6 % of the total
 * of where it should; bursts sharing a timestamp (batches uploaded at once) widen that, and 300
 * made the longest of 7 ranges of the bench's console 18 pages against an ideal 15 (1000: 16).
 */
export const SAMPLE_SIZE = 1000;

/** A range holding more than this many times its share is split by type too. */
const OVERFULL = 1.5;

export interface SlicePlanInput {
  /** The sampled IOCs (their `updatedAt`), in any order. */
  sample: readonly { updatedAt: string }[];
  /** The console's total, or null when it did not say. */
  total: number | null;
  pageSize: number;
  /** Queries wanted at once: the requests allowed in flight. */
  concurrency: number;
}

/** The queries of one full sync; together they match every IOC of the scope exactly once. */
export function planSlices({ sample, total, pageSize, concurrency }: SlicePlanInput): SliceQuery[] {
  const byType = (range: SliceQuery) => IOC_TYPES.map((type) => ({ ...range, type }));
  // Too few IOCs to fill a page per query: one query, its pages one after another.
  const pages = total === null ? null : Math.ceil(total / Math.max(1, pageSize));
  if (pages !== null && pages <= 1) return [{}];
  const wanted = Math.max(1, Math.min(concurrency, pages ?? concurrency));
  const times = sample.map((ioc) => ioc.updatedAt).sort();
  if (times.length === 0 || wanted === 1) return times.length === 0 ? byType({}) : [{}];

  // Cut points at the sample's quantiles; a cut at the smallest time would leave its range empty.
  const cuts: string[] = [];
  for (let i = 1; i < wanted; i++) {
    const cut = times[Math.floor((i * times.length) / wanted)] as string;
    if (cut > (cuts.at(-1) ?? (times[0] as string))) cuts.push(cut);
  }
  const ranges: SliceQuery[] = [0, ...cuts.map((_, i) => i + 1)].map((i) => ({
    ...(i > 0 ? { updatedAt__gte: cuts[i - 1] } : {}),
    ...(i < cuts.length ? { updatedAt__lt: cuts[i] } : {}),
  }));
  const share = (range: SliceQuery) =>
    times.filter(
      (t) =>
        (range.updatedAt__gte === undefined || t >= range.updatedAt__gte) &&
        (range.updatedAt__lt === undefined || t < range.updatedAt__lt),
    ).length / times.length;
  // The fullest first, while the queries stay within a budget: each costs at least one request, and
  // a console limiting the rate counts them all.
  const shares = ranges.map(share);
  const split = new Set<number>();
  let queries = ranges.length;
  for (const i of shares.map((_, i) => i).sort((a, b) => (shares[b] as number) - (shares[a] as number))) {
    if ((shares[i] as number) * wanted <= OVERFULL) break;
    if (queries + IOC_TYPES.length - 1 > wanted + IOC_TYPES.length) break;
    split.add(i);
    queries += IOC_TYPES.length - 1;
  }
  return ranges.flatMap((range, i) => (split.has(i) ? byType(range) : [range]));
}
