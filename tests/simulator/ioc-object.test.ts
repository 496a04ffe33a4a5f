/**
 * IOCs stored per scopeId (docs/sentinelone-api.md#routing-auth-and-storage): the IOC object, replayed
 * against the real sample (docs/sentinelone-api.md#the-ioc-object).
 */
import { describe, expect, it } from 'vitest';
import { ACCOUNT, draft, IOCS, loadFixture, postBody, startSim } from './test-helpers';

const REQUEST = loadFixture<Record<string, unknown>[]>(
  'threat-intelligence-iocs.POST.request-data.xsoar.json',
);
const RESPONSE = loadFixture<{ data: Record<string, unknown>[] }>(
  'threat-intelligence-iocs.POST.response.xsoar.json',
);
const HEX32 = /^[0-9a-f]{32}$/;

describe('replaying the fixture POST reproduces the fixture response', () => {
  it('yields the sample IOCs field for field, in key order (uuid/batchId fresh, creator as sent)', async () => {
    const h = await startSim({ now: '2025-11-12T07:43:38.109004Z' });
    const res = await h.call(IOCS, { method: 'POST', json: postBody(REQUEST) });
    expect(res.status).toBe(200);
    const body = await res.json();
    // No pagination on POST (docs/sentinelone-api.md#batch-size-refused-items-and-limits).
    expect(Object.keys(body)).toEqual(['data']);
    expect(body.data).toHaveLength(RESPONSE.data.length);
    const batchIds = new Set(body.data.map((i: { batchId: string }) => i.batchId));
    expect(batchIds.size).toBe(1);
    body.data.forEach((ioc: Record<string, unknown>, i: number) => {
      const expected = RESPONSE.data[i] as Record<string, unknown>;
      expect(Object.keys(ioc)).toEqual(Object.keys(expected));
      expect(ioc.uuid).toMatch(HEX32);
      expect(ioc.batchId).toMatch(HEX32);
      // The sample's mark@test.com is anonymised vendor data (SOURCES.md); we store what was sent.
      expect(ioc.creator).toBe('joe@test.com');
      expect({ ...ioc, uuid: 'x', batchId: 'x', creator: 'x' }).toEqual({
        ...expected,
        uuid: 'x',
        batchId: 'x',
        creator: 'x',
      });
    });
    expect(new Set(body.data.map((i: { uuid: string }) => i.uuid)).size).toBe(10);
  });

  it('includeFixtureIocs loads the 10 sample IOCs verbatim into 2163822725049635476', async () => {
    const h = await startSim({ includeFixtureIocs: true });
    const sorted = [...RESPONSE.data].sort((a, b) => String(a.uuid).localeCompare(String(b.uuid)));
    expect(h.sim.iocs(ACCOUNT)).toEqual(sorted);
    const { body } = await h.json(`${IOCS}?limit=100`);
    expect(body.data).toEqual(sorted);
  });
});

describe('IOC fields: 32-hex ids, µs timestamps, externalId only when sent, creationTime null when not sent', () => {
  it('fills server fields for a minimal draft', async () => {
    const h = await startSim({ now: '2026-03-01T10:00:00.000001Z' });
    const { body } = await h.json(IOCS, { method: 'POST', json: postBody([draft()]) });
    const ioc = body.data[0];
    expect(ioc).toEqual({
      batchId: expect.stringMatching(HEX32),
      category: [],
      creationTime: null,
      creator: null,
      description: null,
      intrusionSets: [],
      metadata: '',
      method: 'EQUALS',
      mitreTactic: [],
      name: null,
      reference: [],
      scope: 'account',
      scopeId: ACCOUNT,
      source: 'Unit',
      threatActors: [],
      type: 'DNS',
      updatedAt: '2026-03-01T10:00:00.000001Z',
      uploadTime: '2026-03-01T10:00:00.000001Z',
      uuid: expect.stringMatching(HEX32),
      validUntil: '2026-05-30T10:00:00.000001Z', // DNS default 90 days
      value: 'bad.example.com',
    });
    expect('externalId' in ioc).toBe(false);
  });

  it('keeps externalId, creationTime (normalised to µs + Z) and spec-only fields when sent, keys sorted', async () => {
    const h = await startSim();
    const { body } = await h.json(IOCS, {
      method: 'POST',
      json: postBody([
        draft({
          externalId: 'ext-1',
          creationTime: '2026-01-02 03:04:05.5',
          severity: 3,
          originalRiskScore: 80,
        }),
      ]),
    });
    const ioc = body.data[0];
    expect(ioc.externalId).toBe('ext-1');
    expect(ioc.creationTime).toBe('2026-01-02T03:04:05.500000Z');
    expect(ioc.severity).toBe(3);
    expect(ioc.originalRiskScore).toBe(80);
    expect(Object.keys(ioc)).toEqual([...Object.keys(ioc)].sort());
  });

  it('stores IOCs per scope: putIocs into another account is invisible to the default token', async () => {
    const h = await startSim();
    const [ioc] = (await h.json(IOCS, { method: 'POST', json: postBody([draft()]) })).body.data;
    h.sim.putIocs('2163822725049635812', [{ ...ioc, uuid: 'f'.repeat(32), scopeId: '2163822725049635812' }]);
    expect(h.sim.iocs('2163822725049635812')).toHaveLength(1);
    const { body } = await h.json(IOCS);
    expect(body.data.map((i: { uuid: string }) => i.uuid)).toEqual([ioc.uuid]);
  });
});
