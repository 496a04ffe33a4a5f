/**
 * Routing, auth and storage (docs/sentinelone-api.md#routing-auth-and-storage): routes, HTTPS, token table
 * and its error bodies.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator, SIM_TOKENS } from '.';
import { ACCOUNT, draft, IOCS, loadFixture, postBody, q, startSim } from './test-helpers';

const AUTH_FAILED = loadFixture('error-401.authentication-failed.json');
const MULTI_SCOPE = loadFixture('error-403.multi-scope-user.json');

describe('serves /web/api/v2.1/ over HTTP and HTTPS, JSON in and out', () => {
  it('answers the IOC list as JSON over plain HTTP', async () => {
    const h = await startSim();
    const res = await h.call(IOCS);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ data: [], pagination: { nextCursor: null, totalItems: 0 } });
  });

  it('serves HTTPS with the *.sentinelone.net test certificate', async () => {
    const sim = createSimulator();
    const server = await sim.listen({ https: true });
    try {
      expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const https = await import('node:https');
      const { status, cert } = await new Promise<{ status: number; cert: string }>((resolve, reject) => {
        const req = https.get(
          `${server.url}/web/api/v2.1/system/info`,
          { rejectUnauthorized: false, headers: { Authorization: `ApiToken ${sim.defaultToken}` } },
          (res) => {
            const peer = (res.socket as import('node:tls').TLSSocket).getPeerCertificate();
            res.resume();
            resolve({ status: res.statusCode ?? 0, cert: String(peer.subjectaltname) });
          },
        );
        req.on('error', reject);
      });
      expect(status).toBe(200);
      expect(cert).toContain('*.sentinelone.net');
    } finally {
      await server.close();
    }
  });

  it('answers an unknown route with 404 in the errors envelope', async () => {
    const h = await startSim();
    const { status, body } = await h.json('/web/api/v2.1/no-such-thing');
    expect(status).toBe(404);
    expect(body.errors[0].code).toBe(4040000);
  });

  it.each([
    ['POST', '{"filter":'],
    ['DELETE', 'not json'],
    ['POST', '[1,2]'],
  ])('answers a malformed %s body with 400', async (method, raw) => {
    const h = await startSim();
    const res = await h.call(IOCS, { method, body: raw, headers: { 'Content-Type': 'application/json' } });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors[0]).toMatchObject({ code: 4000010, title: 'Validation Error' });
  });
});

describe('token table: unknown or expired -> 401 fixture; multi-account -> 403/4030010; missing permission -> 403', () => {
  it.each([
    ['no Authorization header', null],
    ['an unknown token', 'nope-not-a-token'],
  ])('401 with exactly the fixture body for %s', async (_label, token) => {
    const h = await startSim();
    const { status, body } = await h.json(IOCS, { token });
    expect(status).toBe(401);
    expect(body).toEqual(AUTH_FAILED);
  });

  it('401 for a wrong scheme, 200 for ApiToken and APIToken', async () => {
    const h = await startSim();
    const get = (auth: string) => h.call(IOCS, { token: null, headers: { Authorization: auth } });
    expect((await get(`Bearer ${SIM_TOKENS.default}`)).status).toBe(401);
    expect((await get(`ApiToken ${SIM_TOKENS.default}`)).status).toBe(200);
    expect((await get(`APIToken ${SIM_TOKENS.default}`)).status).toBe(200);
  });

  it('expires the default token 30 days after the start clock, via clock or tokens.expire()', async () => {
    const h = await startSim();
    h.sim.clock.advance(30 * 86_400_000);
    expect((await h.call(IOCS)).status).toBe(200); // expiresAt == now is still valid
    h.sim.clock.advance(1);
    const { status, body } = await h.json(IOCS);
    expect(status).toBe(401);
    expect(body).toEqual(AUTH_FAILED);
    h.sim.reset();
    h.sim.tokens.expire(SIM_TOKENS.readOnly);
    expect((await h.call(IOCS, { token: SIM_TOKENS.readOnly })).status).toBe(401);
    h.sim.tokens.setExpiresAt(SIM_TOKENS.readOnly, '2030-01-01T00:00:00Z');
    expect((await h.call(IOCS, { token: SIM_TOKENS.readOnly })).status).toBe(200);
    h.sim.tokens.remove(SIM_TOKENS.readOnly);
    expect((await h.call(IOCS, { token: SIM_TOKENS.readOnly })).status).toBe(401);
  });

  it.each([
    ['GET', undefined],
    ['POST', postBody([draft()])],
    ['DELETE', { filter: { accountIds: [ACCOUNT], value: 'x.example.com' } }],
  ])(
    'multi-account user gets the fixture 403/4030010 on %s iocs, while /user works',
    async (method, json) => {
      const h = await startSim();
      const { status, body } = await h.json(IOCS, { method, json, token: SIM_TOKENS.multiAccount });
      expect(status).toBe(403);
      expect(body).toEqual(MULTI_SCOPE);
      expect((await h.call('/web/api/v2.1/user', { token: SIM_TOKENS.multiAccount })).status).toBe(200);
    },
  );

  it('read-only token may GET but POST and DELETE get 403 / 4030000', async () => {
    const h = await startSim({ iocs: 3 });
    const token = SIM_TOKENS.readOnly;
    expect((await h.json(q({ limit: 5 }), { token })).body.data).toHaveLength(3);
    for (const [method, json] of [
      ['POST', postBody([draft()])],
      ['DELETE', { filter: { accountIds: [ACCOUNT], type: 'DNS' } }],
    ] as const) {
      const { status, body } = await h.json(IOCS, { method, json, token });
      expect(status).toBe(403);
      expect(body.errors[0]).toMatchObject({ code: 4030000, title: 'Insufficient permissions' });
    }
    expect(h.sim.iocs()).toHaveLength(3);
  });

  it.each(['GET', 'POST', 'DELETE'])('token without TI permission gets 403 on %s iocs', async (method) => {
    const h = await startSim();
    const json = method === 'GET' ? undefined : postBody([draft()]);
    const { status, body } = await h.json(IOCS, { method, json, token: SIM_TOKENS.noTi });
    expect(status).toBe(403);
    expect(body.errors[0].code).toBe(4030000);
  });

  it('tokens.add registers a custom user', async () => {
    const h = await startSim();
    h.sim.tokens.add('custom-token-123456789', { label: 'custom', fullName: 'Custom Person' });
    const { status, body } = await h.json('/web/api/v2.1/user', { token: 'custom-token-123456789' });
    expect(status).toBe(200);
    expect(body.data.fullName).toBe('Custom Person');
  });

  it('GET naming an account the token lacks -> 403 (documented choice)', async () => {
    const h = await startSim();
    const { status, body } = await h.json(q({ accountIds: '1190355608201773511' }));
    expect(status).toBe(403);
    expect(body.errors[0].code).toBe(4030000);
  });
});
