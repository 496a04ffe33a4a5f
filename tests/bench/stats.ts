/** Summaries of repeated measurements: what the benchmark prints and the targets are checked on. */

export interface Summary {
  runs: number;
  min: number;
  median: number;
  max: number;
  p95: number;
}

/** The value at quantile `q` (0..1) of `sorted`, by the nearest-rank method; NaN when empty. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median =
    sorted.length === 0
      ? Number.NaN
      : sorted.length % 2 === 1
        ? (sorted[Math.floor(mid)] as number)
        : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return {
    runs: sorted.length,
    min: sorted[0] ?? Number.NaN,
    median,
    max: sorted.at(-1) ?? Number.NaN,
    p95: quantile(sorted, 0.95),
  };
}

/** A number rounded for a report: three significant digits, whole numbers above 100. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  if (Math.abs(value) >= 100) return Math.round(value);
  return Number(value.toPrecision(3));
}

/**
 * The median at each position of a sequence measured several times and recorded run after run
 * (`flat` = run 1's `length` samples, then run 2's, …).
 */
export function medianPerPosition(flat: readonly number[], length: number): number[] {
  return Array.from({ length }, (_, k) => summarize(flat.filter((_, i) => i % length === k)).median);
}
