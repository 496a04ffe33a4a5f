/**
 * The simulator's DELETE (docs/sentinelone-api.md#writes-and-deletes): GET field names,
 * {data:{affected}}, 0 -> 200, scope-only -> 400, source__contains -> 400
 * (docs/sentinelone-api.md#deleting-iocs).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNT, draft, type Harness, IOCS, postBody, startSim } from './test-helpers';

let h: Harness;
let uuids: string[] = [];
beforeEach(async () => {
  h = await startSim();
  const { body } = await h.json(IOCS, {
    method: 'POST',
    json: postBody([
      draft({ value: 'shared.example.com', source: 'A' }),
      draft({ value: 'shared.example.com', source: 'B', externalId: 'ext-b' }),
      draft({ type: 'URL', value: 'https://shared.example.com/x', source: 'A', name: 'Phish page' }),
      draft({ type: 'IPV4', value: '192.0.2.1', source: 'A' }),
    ]),
  });
  uuids = body.data.map((i: { uuid: string }) => i.uuid);
});

const del = (filter: unknown) => h.json(IOCS, { method: 'DELETE', json: { filter } });
const left = () => h.sim.iocs().length;

describe('DELETE', () => {
  it.each([
    ['uuids + accountIds', () => ({ accountIds: [ACCOUNT], uuids: [uuids[0], uuids[3]] }), 2],
    ['uuids as a comma string', () => ({ accountIds: [ACCOUNT], uuids: `${uuids[1]}` }), 1],
    ['type + value', () => ({ accountIds: [ACCOUNT], type: 'DNS', value: 'shared.example.com' }), 2],
    ['source', () => ({ accountIds: [ACCOUNT], source: ['B'] }), 1],
    ['externalId', () => ({ accountIds: [ACCOUNT], externalId: 'ext-b' }), 1],
    ['name__contains', () => ({ accountIds: [ACCOUNT], name__contains: 'phish' }), 1],
    ['batchId', () => ({ accountIds: [ACCOUNT], batchId: h.sim.iocs()[0]?.batchId }), 4],
  ])('by %s -> 200 {data:{affected:N}}', async (_l, filter, n) => {
    const { status, body } = await del(filter());
    expect(status).toBe(200);
    expect(body).toEqual({ data: { affected: n } });
    expect(left()).toBe(4 - n);
  });

  it('nothing matched -> 200 affected 0, not 404', async () => {
    const { status, body } = await del({ accountIds: [ACCOUNT], uuids: ['0'.repeat(32)] });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { affected: 0 } });
  });

  it.each([
    ['an empty filter', {}],
    ['accountIds only', { accountIds: [ACCOUNT] }],
    ['scope fields only', { accountIds: [ACCOUNT], siteIds: ['1'], tenant: false }],
    ['an unsupported field only (method)', { accountIds: [ACCOUNT], method: 'EQUALS' }],
  ])('%s -> 400 Validation Error, nothing deleted', async (_l, filter) => {
    const { status, body } = await del(filter);
    expect(status).toBe(400);
    expect(body.errors[0]).toMatchObject({ code: 4000010, title: 'Validation Error' });
    expect(left()).toBe(4);
  });

  it('source__contains -> 400', async () => {
    const { status, body } = await del({ accountIds: [ACCOUNT], source__contains: 'A' });
    expect(status).toBe(400);
    expect(body.errors[0].detail).toBe('filter: source__contains: Unknown field.');
    expect(left()).toBe(4);
  });

  it('missing filter -> 400', async () => {
    const { status } = await h.json(IOCS, { method: 'DELETE', json: {} });
    expect(status).toBe(400);
  });

  it('the value-only trap: {filter:{value}} deletes every IOC with that value in the token scope', async () => {
    const { status, body } = await del({ value: 'shared.example.com' });
    expect(status).toBe(200);
    expect(body.data.affected).toBe(2); // both sources; the URL has a different value
    expect(h.sim.iocs().map((i) => i.value)).toEqual(expect.not.arrayContaining(['shared.example.com']));
    expect(left()).toBe(2);
  });

  it('an account outside the token -> 403', async () => {
    const { status } = await del({ accountIds: ['1190355608201773511'], value: 'shared.example.com' });
    expect(status).toBe(403);
    expect(left()).toBe(4);
  });
});
