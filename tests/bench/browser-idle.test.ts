import { describe, expect, it } from 'vitest';
import { type IdleWait, waitForIdleBrowser } from './browser-idle';

describe('waitForIdleBrowser', () => {
  // CPU seconds read at the start and after each 500 ms window: the share of a window is its
  // difference ÷ 0.5 s, idle at 0.1 (0.05 s of CPU in a window) or less.
  it.each<[string, number[], IdleWait]>([
    ['idle in the first window', [10, 10.02], { waitedMs: 500, idle: true }],
    ['just under the bar', [10, 10.04], { waitedMs: 500, idle: true }],
    ['just over the bar, then idle', [10, 10.06, 10.06], { waitedMs: 1000, idle: true }],
    ['busy, then quiet', [10, 10.5, 11.2, 11.21], { waitedMs: 1500, idle: true }],
    ['busy until the cap', [10, 10.5, 11, 11.5, 12, 12.5], { waitedMs: 2000, idle: false }],
    ['no /proc', [Number.NaN, Number.NaN], { waitedMs: 500, idle: false }],
  ])('%s', async (_name, readings, expected) => {
    let reading = 0;
    const read = () => readings[Math.min(reading++, readings.length - 1)] as number;
    const result = await waitForIdleBrowser(
      { windowMs: 500, maxShare: 0.1, capMs: 2000 },
      read,
      async () => {},
    );
    expect(result).toEqual(expected);
  });
});
