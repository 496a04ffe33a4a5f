/**
 * Determinism and observation (docs/sentinelone-api.md#determinism-seed-data-and-observation): PRNG +
 * clock, seed data, request log, control routes, reset.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator, SIM_TOKENS, type WireRequest } from '.';
import { ACCOUNT, draft, IOCS, postBody, q, startSim } from './test-helpers';

describe('seeded generator: same seed -> same data', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = createSimulator({ seed: 5, iocs: 500 }).iocs();
    const b = createSimulator({ seed: 5, iocs: 500 }).iocs();
    const c = createSimulator({ seed: 6, iocs: 500 }).iocs();
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
    const s1 = createSimulator();
    s1.seed({ count: 50, seed: 11 });
    const s2 = createSimulator({ seed: 99 });
    s2.seed({ count: 50, seed: 11 });
    expect(s1.iocs()).toEqual(s2.iocs());
  });

  it('produces realistic, valid, unique IOCs over all seven types', async () => {
    const h = await startSim({ iocs: 3000, now: '2026-11-27T12:00:00.000000Z' });
    const iocs = h.sim.iocs();
    expect(new Set(iocs.map((i) => i.type))).toEqual(
      new Set(['DNS', 'IPV4', 'IPV6', 'MD5', 'SHA1', 'SHA256', 'URL']),
    );
    expect(new Set(iocs.map((i) => `${i.type}|${i.value}|${i.source}`)).size).toBe(3000);
    expect(new Set(iocs.map((i) => i.source)).size).toBe(5);
    expect(iocs.some((i) => i.creationTime === null)).toBe(true);
    expect(iocs.some((i) => i.name === null)).toBe(true);
    expect(iocs.some((i) => i.creator === null)).toBe(true);
    expect(iocs.some((i) => 'externalId' in i)).toBe(true);
    expect(iocs.some((i) => /<script>/.test(String(i.name)))).toBe(true);
    expect(iocs.some((i) => /[\u0400-\u04ff]/.test(`${i.name}${i.description}`))).toBe(true);
    expect(iocs.some((i) => /[\u0600-\u06ff]/.test(`${i.name}${i.description}`))).toBe(true);
    expect(iocs.some((i) => /[\u4e00-\u9fff]/.test(`${i.name}${i.description}`))).toBe(true);
    for (const i of iocs) expect(i.updatedAt >= i.uploadTime).toBe(true);
    expect(iocs.some((i) => String(i.validUntil) < '2026-11-27')).toBe(true);
    expect(iocs.some((i) => String(i.validUntil) > '2027-03-01')).toBe(true);
    // Every generated value passes the simulator's own POST validation.
    const data = iocs
      .slice(0, 700)
      .map(({ type, value, source }) => ({ type, value, source: `${source} copy`, method: 'EQUALS' }));
    expect((await h.json(IOCS, { method: 'POST', json: postBody(data) })).status).toBe(200);
  });

  it('uuid/batchId of writes come from the seeded PRNG', async () => {
    const run = async () => {
      const h = await startSim({ seed: 42 });
      return (await h.json(IOCS, { method: 'POST', json: postBody([draft()]) })).body.data[0];
    };
    const [a, b] = [await run(), await run()];
    expect([a.uuid, a.batchId]).toEqual([b.uuid, b.batchId]);
  });
});

describe('request log', () => {
  it('records method, path, parsed query, body, redacted auth, time, status and fault', async () => {
    const h = await startSim({ now: '2026-01-01T00:00:00.000000Z' });
    await h.call(q({ limit: 5, type: 'DNS' }));
    h.sim.faults.add({ kind: 'status', status: 500, times: 1 });
    await h.call(IOCS, { method: 'POST', json: postBody([draft()]) });
    await h.call(IOCS, { method: 'DELETE', body: 'oops', headers: { 'Content-Type': 'application/json' } });
    await h.call(IOCS, { token: 'unknown-secret-token-value' });
    const log = h.sim.requests();
    expect(log).toHaveLength(4);
    expect(log[0]).toEqual({
      seq: 1,
      time: '2026-01-01T00:00:00.000000Z',
      method: 'GET',
      path: IOCS,
      query: { limit: '5', type: 'DNS' },
      body: null,
      auth: { scheme: 'ApiToken', token: 'REDACTED:default' },
      status: 200,
    });
    expect(log[1]).toMatchObject({
      method: 'POST',
      status: 500,
      fault: 'status:500',
      body: postBody([draft()]),
    });
    expect(log[2]).toMatchObject({ method: 'DELETE', body: 'oops', status: 400 });
    expect(log[3]).toMatchObject({ status: 401, auth: { scheme: 'ApiToken', token: 'REDACTED:unknown' } });
  });

  it('never contains a token, not even in bodies, queries or control calls', async () => {
    const h = await startSim();
    for (const token of Object.values(SIM_TOKENS)) await h.call(IOCS, { token });
    await h.call('/web/api/v2.1/users/api-token-details', {
      method: 'POST',
      json: { data: { apiToken: SIM_TOKENS.readOnly } },
    });
    await h.call(`${IOCS}?note=${SIM_TOKENS.noTi}`);
    await h.call('/__sim/tokens', {
      method: 'POST',
      token: null,
      json: { token: 'control-added-token-abcdef', expire: true },
    });
    await h.call(IOCS, { token: 'control-added-token-abcdef' });
    const text =
      JSON.stringify(h.sim.requests()) + JSON.stringify(await (await h.call('/__sim/requests')).json());
    for (const token of [...Object.values(SIM_TOKENS), 'control-added-token-abcdef'])
      expect(text).not.toContain(token);
    expect(text).toContain('REDACTED:readOnly');
  });

  it('wire observers see each request as it arrived, token included, until they unsubscribe', async () => {
    const h = await startSim();
    const seen: WireRequest[] = [];
    const stop = h.sim.onWire((request) => seen.push(request));
    await h.call(`${IOCS}?note=${SIM_TOKENS.noTi}`, {
      method: 'POST',
      json: { apiToken: SIM_TOKENS.readOnly },
    });
    h.sim.reset(); // observers outlive a reset
    await h.call(IOCS, { headers: { 'X-Extra': 'x' } });
    stop();
    await h.call(IOCS);
    expect(seen.map((r) => [r.method, r.url, r.headers.authorization, r.body])).toEqual([
      [
        'POST',
        `${IOCS}?note=${SIM_TOKENS.noTi}`,
        `ApiToken ${SIM_TOKENS.default}`,
        `{"apiToken":"${SIM_TOKENS.readOnly}"}`,
      ],
      ['GET', IOCS, `ApiToken ${SIM_TOKENS.default}`, ''],
    ]);
    expect(seen[1]?.headers['x-extra']).toBe('x');
  });

  it('is a bounded ring, can be cleared, and logBodies=false drops bodies', async () => {
    const h = await startSim({ logBodies: false });
    await h.call(IOCS, { method: 'POST', json: postBody([draft()]) });
    expect(h.sim.requests()[0]).not.toHaveProperty('body');
    h.sim.clearRequests();
    expect(h.sim.requests()).toEqual([]);
  });
});

describe('control routes under /__sim/', () => {
  it('steer and observe the simulator over HTTP', async () => {
    const h = await startSim();
    const ctl = (path: string, method = 'GET', json?: unknown) =>
      h.json(`/__sim/${path}`, { method, json, token: null });
    expect((await ctl('seed', 'POST', { count: 12, seed: 3 })).body.data.total).toBe(12);
    expect((await ctl(`iocs?accountId=${ACCOUNT}`)).body.data).toHaveLength(12);
    expect((await ctl('clock', 'POST', { set: '2026-02-01T00:00:00Z', advanceMs: 1500 })).body.data.now).toBe(
      '2026-02-01T00:00:01.500000Z',
    );
    expect((await ctl('config', 'POST', { writeMode: 'duplicate' })).body.data.writeMode).toBe('duplicate');
    const { body: fault } = await ctl('faults', 'POST', { kind: 'status', status: 503, times: 1 });
    expect(fault.data.id).toMatch(/^fault-/);
    expect((await h.call(IOCS)).status).toBe(503);
    await ctl('faults', 'POST', { kind: 'html' });
    expect((await ctl('faults', 'DELETE')).status).toBe(200);
    expect((await h.call(IOCS)).status).toBe(200);
    await ctl('tokens', 'POST', { token: SIM_TOKENS.default, expire: true });
    expect((await h.call(IOCS)).status).toBe(401);
    await ctl('tokens', 'POST', { token: SIM_TOKENS.default, expiresAt: '2030-01-01T00:00:00Z' });
    expect((await h.call(IOCS)).status).toBe(200);
    const info = (await ctl('info')).body.data;
    expect(info).toMatchObject({
      defaultToken: SIM_TOKENS.default,
      defaultAccountId: ACCOUNT,
      urls: [h.url],
    });
    const reqs = (await ctl('requests?since=3')).body.data;
    expect(reqs[0].seq).toBe(4);
    expect((await ctl('requests', 'DELETE')).status).toBe(200);
    expect((await ctl('requests')).body.data.map((r: { path: string }) => r.path)).toEqual([
      '/__sim/requests',
    ]);
    expect((await ctl('reset', 'POST')).status).toBe(200);
    expect((await ctl('iocs')).body.data).toEqual([]);
    expect((await ctl('seed', 'POST', { count: -1 })).status).toBe(400);
  });
});

describe('reset', () => {
  it('returns to the state right after createSimulator(options)', async () => {
    const h = await startSim({ iocs: 20, seed: 9, includeFixtureIocs: true });
    const initial = h.sim.iocs();
    const firstWrite = (await h.json(IOCS, { method: 'POST', json: postBody([draft()]) })).body.data[0];
    h.sim.clock.advance(99_000);
    h.sim.configure({ writeMode: 'duplicate' });
    h.sim.faults.add({ kind: 'html' });
    h.sim.tokens.expire(SIM_TOKENS.default);
    h.sim.reset();
    expect(h.sim.iocs()).toEqual(initial);
    expect(h.sim.iocs()).toHaveLength(30);
    expect(h.sim.clock.iso()).toBe('2026-11-27T12:00:00.000000Z');
    expect(h.sim.faults.list()).toEqual([]);
    expect(h.sim.requests()).toEqual([]);
    const again = (await h.json(IOCS, { method: 'POST', json: postBody([draft()]) })).body.data[0];
    expect(again.uuid).toBe(firstWrite.uuid); // PRNG restarted; upsert mode restored
    expect(h.sim.iocs()).toHaveLength(31);
  });
});
