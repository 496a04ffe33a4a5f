/**
 * Waiting for the browser to go quiet before a measured opening. Right after a full sync the browser
 * is still at work for seconds (at 1,000,000 IOCs, a minute): the tab the sync was started from shows
 * the IOCs and reads every one of them, and extension pages share one renderer, so a manager tab
 * opened meanwhile paints its first rows behind that read and its garbage (measured at 100,000 IOCs:
 * 0.9–2.1 s against 0.4–0.55 s once the other tab had read everything, in one browser). The popup's
 * floor is measured in a quiet browser; an opening compared with it must be too, as an analyst meets
 * it: not in the second a sync finished.
 */
import { browserCpuSeconds } from './process-cpu';

export interface IdleOptions {
  /** The window CPU use is measured over. */
  windowMs?: number;
  /** Idle: every browser process together below this share of one core over a window. */
  maxShare?: number;
  /** Give up after this long, busy or not: a figure late is better than none. */
  capMs?: number;
}

export interface IdleWait {
  /** How long it waited, in ms (whole windows). */
  waitedMs: number;
  /** false: the cap was reached, or CPU time cannot be read here (no /proc). */
  idle: boolean;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Returns once the browsers this process launched used at most `maxShare` of one core over one
 * window, or after `capMs`. `readCpuSeconds` and `sleep` are the real ones but for tests.
 */
export async function waitForIdleBrowser(
  { windowMs = 500, maxShare = 0.1, capMs = 60_000 }: IdleOptions = {},
  readCpuSeconds: () => number = browserCpuSeconds,
  sleep: (ms: number) => Promise<void> = pause,
): Promise<IdleWait> {
  let before = readCpuSeconds();
  let waitedMs = 0;
  while (waitedMs < capMs) {
    await sleep(windowMs);
    waitedMs += windowMs;
    const after = readCpuSeconds();
    if (!Number.isFinite(after - before)) return { waitedMs, idle: false };
    if ((after - before) / (windowMs / 1000) <= maxShare) return { waitedMs, idle: true };
    before = after;
  }
  return { waitedMs, idle: false };
}
