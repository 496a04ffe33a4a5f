/**
 * The `rateLimit` knob: a sliding window per token over a path prefix, on an injected clock; then once
 * through the server, for the errors envelope, Retry-After and the request log.
 */
import { describe, expect, it } from 'vitest';
import { createRateLimiter, type RateLimit } from './rate-limit';
import { IOCS, startSim } from './test-helpers';

const TI = '/web/api/v2.1/threat-intelligence';
const limit = (over: Partial<RateLimit> = {}): RateLimit => ({
  requests: 3,
  windowMs: 1000,
  pathPrefix: TI,
  retryAfter: true,
  ...over,
});

/** [at ms, path, token]: the requests of one case, in order. */
type Call = [number, string, string];
const A = 'ApiToken a';
const B = 'ApiToken b';
const IOC_PATH = `${TI}/iocs`;

describe('createRateLimiter', () => {
  it.each<[string, RateLimit | null, Call[], Array<number | null>]>([
    [
      'no limit: everything passes',
      null,
      [0, 0, 0, 0].map((t) => [t, IOC_PATH, A]),
      [null, null, null, null],
    ],
    [
      'the fourth request in the window is refused, with the seconds until the oldest leaves',
      limit(),
      [
        [0, IOC_PATH, A],
        [100, IOC_PATH, A],
        [200, IOC_PATH, A],
        [300, IOC_PATH, A],
      ],
      [null, null, null, 1],
    ],
    [
      'a slot frees when the oldest request is windowMs old',
      limit(),
      [
        [0, IOC_PATH, A],
        [100, IOC_PATH, A],
        [200, IOC_PATH, A],
        [999, IOC_PATH, A],
        [1000, IOC_PATH, A],
        [1050, IOC_PATH, A],
      ],
      [null, null, null, 1, null, 1],
    ],
    [
      'a refused request takes no slot',
      limit({ requests: 1 }),
      [
        [0, IOC_PATH, A],
        [500, IOC_PATH, A],
        [900, IOC_PATH, A],
        [1000, IOC_PATH, A],
      ],
      [null, 1, 1, null],
    ],
    [
      'Retry-After rounds up to whole seconds',
      limit({ requests: 1, windowMs: 60_000 }),
      [
        [0, IOC_PATH, A],
        [1, IOC_PATH, A],
        [58_500, IOC_PATH, A],
      ],
      [null, 60, 2],
    ],
    [
      'each token has its own window',
      limit({ requests: 1 }),
      [
        [0, IOC_PATH, A],
        [0, IOC_PATH, B],
        [1, IOC_PATH, A],
      ],
      [null, null, 1],
    ],
    [
      'paths outside the prefix are neither limited nor counted',
      limit({ requests: 1 }),
      [
        [0, '/web/api/v2.1/user', A],
        [0, '/web/api/v2.1/user', A],
        [0, IOC_PATH, A],
        [1, IOC_PATH, A],
      ],
      [null, null, null, 1],
    ],
  ])('%s', (_, rateLimit, calls, expected) => {
    let now = 0;
    const limiter = createRateLimiter(() => now);
    const answers = calls.map(([at, path, token]) => {
      now = at;
      const reply = limiter.admit(rateLimit, path, token);
      return reply === null ? null : Number(reply.headers?.['Retry-After']);
    });
    expect(answers).toEqual(expected);
  });

  it('sends no Retry-After unless asked', () => {
    const limiter = createRateLimiter(() => 0);
    const rateLimit = limit({ requests: 0, retryAfter: false });
    expect(limiter.admit(rateLimit, IOC_PATH, A)).toMatchObject({ status: 429 });
    expect(limiter.admit(rateLimit, IOC_PATH, A)?.headers).toBeUndefined();
  });
});

describe('the rateLimit knob', () => {
  it('answers 429 in the errors envelope beyond the limit and logs it with its real time', async () => {
    const h = await startSim({ iocs: 3 });
    h.sim.configure({ rateLimit: limit({ requests: 2, windowMs: 60_000 }) });
    const statuses = [];
    for (let n = 0; n < 3; n++) statuses.push((await h.call(IOCS)).status);
    expect(statuses).toEqual([200, 200, 429]);
    const refused = await h.call(IOCS);
    expect(refused.headers.get('retry-after')).toMatch(/^(59|60)$/);
    expect(await refused.json()).toEqual({
      errors: [{ code: 4290010, detail: null, title: 'Too Many Requests' }],
    });
    expect((await h.call('/web/api/v2.1/user')).status).toBe(200);
    const log = h.sim.requests();
    expect(log.map((r) => [r.status, r.fault])).toEqual([
      [200, undefined],
      [200, undefined],
      [429, 'rate-limit'],
      [429, 'rate-limit'],
      [200, undefined],
    ]);
    expect(log.every((r) => typeof r.wallMs === 'number')).toBe(true);
  });

  it('starts again with empty windows after a reset', async () => {
    const h = await startSim({ iocs: 1, rateLimit: limit({ requests: 1, windowMs: 60_000 }) });
    expect((await h.call(IOCS)).status).toBe(200);
    expect((await h.call(IOCS)).status).toBe(429);
    h.sim.reset();
    expect((await h.call(IOCS)).status).toBe(200);
  });
});
