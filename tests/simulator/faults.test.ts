/**
 * The simulator's fault injection (docs/sentinelone-api.md#fault-injection): latency, 429 (+Retry-After),
 * 5xx before/after commit, reset, malformed, html, slow body.
 */
import { describe, expect, it } from 'vitest';
import { draft, IOCS, loadFixture, postBody, q, startSim } from './test-helpers';

const INTERNAL = loadFixture('error-500.internal-server-error.json');
const post = (value = 'a.example.com') => ({ method: 'POST', json: postBody([draft({ value })]) });

describe('fault injection', () => {
  it('latency: fixed plus jitter delays API routes', async () => {
    const h = await startSim();
    h.sim.faults.add({ kind: 'latency', latencyMs: 150, jitterMs: 50, path: 'threat-intelligence/iocs' });
    const t0 = performance.now();
    expect((await h.call(IOCS)).status).toBe(200);
    const took = performance.now() - t0;
    expect(took).toBeGreaterThanOrEqual(145);
    expect(took).toBeLessThan(1000);
    h.sim.faults.clear();
    h.sim.configure({ latencyMs: 120 });
    const t1 = performance.now();
    await h.call(IOCS);
    expect(performance.now() - t1).toBeGreaterThanOrEqual(115);
  });

  it.each([
    [undefined, null],
    [7, '7'],
  ])('429 with the errors envelope, retryAfter %s -> Retry-After %s', async (retryAfter, header) => {
    const h = await startSim();
    h.sim.faults.add({ kind: 'status', status: 429, times: 1, ...(retryAfter ? { retryAfter } : {}) });
    const res = await h.call(IOCS);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe(header);
    expect(await res.json()).toEqual({
      errors: [{ code: 4290010, detail: null, title: 'Too Many Requests' }],
    });
    expect((await h.call(IOCS)).status).toBe(200); // times: 1 consumed
  });

  it('500 before commit: fixture body, nothing stored', async () => {
    const h = await startSim();
    h.sim.faults.add({ kind: 'status', status: 500, method: 'POST', phase: 'before', times: 1 });
    const { status, body } = await h.json(IOCS, post());
    expect(status).toBe(500);
    expect(body).toEqual(INTERNAL);
    expect(h.sim.iocs()).toHaveLength(0);
  });

  it('500 after commit: the IOC IS stored although the client got 500', async () => {
    const h = await startSim();
    h.sim.faults.add({ kind: 'status', status: 500, method: 'POST', phase: 'after', times: 1 });
    expect((await h.json(IOCS, post())).status).toBe(500);
    expect(h.sim.iocs()).toHaveLength(1);
  });

  it.each([502, 503] as const)('%i answers an HTML gateway page, not JSON', async (status) => {
    const h = await startSim();
    h.sim.faults.add({ kind: 'status', status, times: 1 });
    const res = await h.call(IOCS);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain(`<title>${status}`);
  });

  it.each([
    ['before', 0],
    ['after', 1],
  ] as const)('connection reset %s commit (stored: %i)', async (phase, stored) => {
    const h = await startSim();
    h.sim.faults.add({ kind: 'reset', method: 'POST', phase, times: 1 });
    await expect(h.call(IOCS, post())).rejects.toThrow();
    expect(h.sim.iocs()).toHaveLength(stored);
    expect(h.sim.requests().at(-1)).toMatchObject({ status: null, fault: 'reset' });
  });

  it('malformed: 200 with a truncated JSON body', async () => {
    const h = await startSim({ iocs: 3 });
    h.sim.faults.add({ kind: 'malformed', times: 1 });
    const res = await h.call(IOCS);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.startsWith('{"data":[')).toBe(true);
    expect(() => JSON.parse(text)).toThrow();
  });

  it('html: 200 text/html login page', async () => {
    const h = await startSim();
    h.sim.faults.add({ kind: 'html', times: 1 });
    const res = await h.call(IOCS);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('<form id="login"');
  });

  it('slowBody: headers arrive, then the body stalls past a client timeout', async () => {
    const h = await startSim({ iocs: 2 });
    h.sim.faults.add({ kind: 'slowBody', latencyMs: 600, times: 1 });
    const res = await h.call(IOCS);
    expect(res.status).toBe(200);
    const body = res.text();
    const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 200));
    expect(await Promise.race([body, timeout])).toBe('timeout');
    expect(JSON.parse(await body).data).toHaveLength(2); // eventually complete
  });

  it('rules match by method and path; times counts down; list/remove/clear', async () => {
    const h = await startSim();
    const id = h.sim.faults.add({ kind: 'status', status: 503, method: 'GET', path: '/user', times: 2 });
    expect(h.sim.faults.list()).toEqual([expect.objectContaining({ id, times: 2 })]);
    expect((await h.call(IOCS)).status).toBe(200);
    expect((await h.call('/web/api/v2.1/user')).status).toBe(503);
    expect(h.sim.faults.list()[0]?.times).toBe(1);
    expect((await h.call('/web/api/v2.1/user')).status).toBe(503);
    expect((await h.call('/web/api/v2.1/user')).status).toBe(200);
    expect(h.sim.faults.list()).toEqual([]);
    const id2 = h.sim.faults.add({ kind: 'html' });
    expect(h.sim.faults.remove(id2)).toBe(true);
    expect((await h.call(IOCS)).status).toBe(200);
  });

  it('probability draws from a seeded PRNG: same seed, same pattern', async () => {
    const pattern = async (seed: number) => {
      const h = await startSim({ seed });
      h.sim.faults.add({ kind: 'status', status: 500, probability: 0.5 });
      const out: number[] = [];
      for (let i = 0; i < 20; i++) out.push((await h.call(q({ limit: 1 }))).status);
      return out;
    };
    const a = await pattern(3);
    expect(await pattern(3)).toEqual(a);
    expect(a).toContain(500);
    expect(a).toContain(200);
    expect(await pattern(4)).not.toEqual(a);
  });

  it('control routes are never faulted', async () => {
    const h = await startSim();
    h.sim.faults.add({ kind: 'status', status: 500 });
    expect((await h.call('/__sim/info', { token: null })).status).toBe(200);
  });
});
