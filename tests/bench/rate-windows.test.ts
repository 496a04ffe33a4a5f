import { describe, expect, it } from 'vitest';
import { checkWindows, type SeenRequest } from './rate-windows';

const LIMIT = { requests: 3, windowMs: 1000 };
const ok = (at: number): SeenRequest => ({ at, status: 200 });
const refused = (at: number): SeenRequest => ({ at, status: 429 });

describe('checkWindows', () => {
  it.each<
    [string, SeenRequest[], { mostInWindow: number; burstsOverLimit: number; firstRefusalAt: number | null }]
  >([
    [
      'no refusal: nothing to check',
      [ok(0), ok(1), ok(2), ok(3), ok(4)],
      { mostInWindow: 0, burstsOverLimit: 0, firstRefusalAt: null },
    ],
    [
      'paced after the refusal',
      [ok(0), ok(1), ok(2), refused(3), ok(1000), ok(1001), ok(1002), ok(2000)],
      { mostInWindow: 3, burstsOverLimit: 0, firstRefusalAt: 3 },
    ],
    [
      'a burst past the limit after the refusal',
      [ok(0), refused(10), ok(20), ok(30), ok(40), ok(50), ok(2000)],
      { mostInWindow: 4, burstsOverLimit: 1, firstRefusalAt: 10 },
    ],
    [
      'the burst before the refusal does not count',
      [ok(0), ok(1), ok(2), ok(3), ok(4), refused(5), ok(1005)],
      { mostInWindow: 1, burstsOverLimit: 0, firstRefusalAt: 5 },
    ],
    [
      'a window is half-open: a request a full window later starts the next',
      [refused(0), ok(0), ok(1), ok(2), ok(1000), ok(1001)],
      { mostInWindow: 3, burstsOverLimit: 0, firstRefusalAt: 0 },
    ],
    [
      'refused and reset requests are not accepted ones',
      [refused(0), ok(1), refused(2), { at: 3, status: null }, ok(4), ok(5), refused(6)],
      { mostInWindow: 3, burstsOverLimit: 0, firstRefusalAt: 0 },
    ],
    [
      'arrival order does not matter',
      [ok(50), ok(40), refused(10), ok(30), ok(20)],
      { mostInWindow: 4, burstsOverLimit: 1, firstRefusalAt: 10 },
    ],
  ])('%s', (_name, requests, expected) => {
    expect(checkWindows(requests, LIMIT)).toMatchObject(expected);
  });

  it('counts the requests', () => {
    expect(checkWindows([ok(0), refused(1), refused(2), { at: 3, status: 500 }], LIMIT)).toMatchObject({
      accepted: 1,
      refused: 2,
    });
  });
});
