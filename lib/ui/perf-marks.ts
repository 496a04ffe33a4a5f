/**
 * performance.mark names the UI sets at the moments an analyst waits for, read by the benchmark
 * (tests/bench). Marks cost nothing measurable and need no flag: they are the instrumentation.
 */
export const PERF_MARKS = {
  /** The manager tab painted its first rows of IOCs. */
  firstRows: 's1:first-rows-painted',
  /** The manager tab holds every cached IOC and has built its filter columns: ready to filter it all. */
  allRows: 's1:all-rows-loaded',
} as const;
