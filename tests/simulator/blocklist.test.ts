/**
 * The Blocklist (`restrictions`) as docs/blocking-api.md describes it: create one item per call with a
 * scope, 4000030 on a duplicate, 500 without scope, validate verdicts, delete by data.ids, the GET
 * filters and paging, permissions, faults and the control routes. Real HTTP against the simulator.
 */
import { describe, expect, it } from 'vitest';
import {
  BlocklistCreateResponseSchema,
  BlocklistItemSchema,
  BlocklistPageSchema,
  HashValidateResponseSchema,
} from '../../lib/s1/block-schemas';
import { OTHER_USER, SIM_TOKENS } from '.';
import { ACCOUNT, type Harness, loadFixture, startSim } from './test-helpers';

const R = '/web/api/v2.1/restrictions';
const VALIDATE = `${R}/validate`;
const FOREIGN = '1190355608201773511';
const SITE = '2163822725049635999';
const INTERNAL = loadFixture('error-500.internal-server-error.json');
const ALREADY = { errors: [{ code: 4000030, detail: null, title: 'Already Exists Error' }] };
const SHA1 = '3395856ce81f2b7382dee72602f798b642f14140';
const SHA256 = '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f';

type Json = Record<string, unknown>;
const item = (over: Json = {}): Json => ({
  type: 'black_hash',
  osType: 'windows',
  value: SHA1,
  description: 'S1 IOC Manager: test',
  source: 'S1 IOC Manager',
  ...over,
});
const create = (h: Harness, data: unknown, filter: unknown = { accountIds: [ACCOUNT] }, token?: string) =>
  h.json(R, { method: 'POST', json: { filter, data }, ...(token ? { token } : {}) });
const validate = (h: Harness, data: unknown, token?: string) =>
  h.json(VALIDATE, {
    method: 'POST',
    json: { filter: { accountIds: [ACCOUNT] }, data },
    ...(token ? { token } : {}),
  });
const remove = (h: Harness, json: unknown, token?: string) =>
  h.json(R, { method: 'DELETE', json, ...(token ? { token } : {}) });
const get = (h: Harness, params: Record<string, string | number> = {}, token?: string) =>
  h.json(`${R}?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}`, {
    ...(token ? { token } : {}),
  });

describe('POST restrictions: one black_hash item', () => {
  it('answers {data: [item]} with the documented fields; SHA1 only omits sha256Value', async () => {
    const h = await startSim();
    const { status, body } = await create(h, item());
    expect(status).toBe(200);
    expect(BlocklistCreateResponseSchema.parse(body).data).toHaveLength(1);
    const made = body.data[0];
    expect(Object.keys(made).sort()).toEqual(
      [
        'id',
        'value',
        'osType',
        'type',
        'source',
        'description',
        'scope',
        'scopeName',
        'scopePath',
        'userId',
        'userName',
        'notRecommended',
        'createdAt',
        'updatedAt',
        'imported',
      ].sort(),
    );
    expect(made).toMatchObject({
      value: SHA1,
      osType: 'windows',
      type: 'black_hash',
      source: 'S1 IOC Manager',
      description: 'S1 IOC Manager: test',
      scope: { accountIds: [ACCOUNT] },
      scopeName: 'Acme Corp',
      scopePath: 'Global / Acme Corp',
      userId: '1904412745532171029',
      userName: 'SOC Analyst',
      notRecommended: 'NONE',
      createdAt: '2026-11-27T12:00:00.000000Z',
      updatedAt: '2026-11-27T12:00:00.000000Z',
      imported: false,
    });
    expect(made.id).toMatch(/^\d{18,19}$/);
    expect(h.sim.blocklist()).toEqual([made]);
  });

  it.each([
    ['SHA256 only', { value: undefined, sha256Value: SHA256 }, { sha256Value: SHA256 }, ['value']],
    ['both', { sha256Value: SHA256 }, { value: SHA1, sha256Value: SHA256 }, []],
    [
      'upper-case SHA1 kept as sent',
      { value: SHA1.toUpperCase() },
      { value: SHA1.toUpperCase() },
      ['sha256Value'],
    ],
  ])('%s', async (_l, over, expected, absent) => {
    const h = await startSim();
    const { status, body } = await create(h, item(over));
    expect(status).toBe(200);
    expect(body.data[0]).toMatchObject(expected);
    for (const key of absent) expect(body.data[0]).not.toHaveProperty(key);
  });

  it('ids are distinct, numeric and repeat for the same seed', async () => {
    const ids = async () => {
      const h = await startSim({ seed: 5 });
      const out: string[] = [];
      for (const osType of ['windows', 'macos', 'linux'])
        out.push((await create(h, item({ osType }))).body.data[0].id);
      return out;
    };
    const first = await ids();
    expect(new Set(first).size).toBe(3);
    expect(await ids()).toEqual(first);
  });

  it.each([
    ['accountIds', { accountIds: [ACCOUNT] }, { accountIds: [ACCOUNT] }, 'Acme Corp', 'Global / Acme Corp'],
    [
      'siteIds + tenant',
      { siteIds: [SITE], tenant: true },
      { siteIds: [SITE] },
      `Site ${SITE}`,
      `Global / Acme Corp / Site ${SITE}`,
    ],
    [
      'groupIds',
      { groupIds: [SITE] },
      { groupIds: [SITE] },
      `Group ${SITE}`,
      `Global / Acme Corp / Group ${SITE}`,
    ],
    ['tenant alone (global)', { tenant: true }, { tenant: true }, 'Global', 'Global'],
  ])(
    'scope form %s is accepted and stored in the token account',
    async (_l, filter, scope, scopeName, scopePath) => {
      const h = await startSim();
      const { status, body } = await create(h, item(), filter);
      expect(status).toBe(200);
      expect(body.data[0]).toMatchObject({ scope, scopeName, scopePath });
      expect(h.sim.blocklist(ACCOUNT)).toHaveLength(1);
    },
  );

  it.each([
    ['no filter', undefined],
    ['empty filter', {}],
    ['empty accountIds', { accountIds: [] }],
    ['tenant false', { tenant: false }],
  ])('%s -> 500 with the 5000010 fixture body, nothing stored', async (_l, filter) => {
    const h = await startSim();
    const { status, body } = await h.json(R, {
      method: 'POST',
      json: { ...(filter ? { filter } : {}), data: item() },
    });
    expect(status).toBe(500);
    expect(body).toEqual(INTERNAL);
    expect(h.sim.blocklist()).toHaveLength(0);
  });

  it('a too-small site id answers the real restrictions 400 body', async () => {
    const h = await startSim();
    const { status, body } = await create(h, item(), { siteIds: ['1'], tenant: true });
    expect(status).toBe(400);
    expect(body).toEqual(loadFixture('error-400.validation-error.restrictions.json'));
  });

  it.each([
    ['a foreign account', { accountIds: [FOREIGN] }, 403],
    ['accountIds and siteIds together', { accountIds: [ACCOUNT], siteIds: [SITE] }, 400],
  ])('%s -> its status, nothing stored', async (_l, filter, status) => {
    const h = await startSim();
    expect((await create(h, item(), filter)).status).toBe(status);
    expect(h.sim.blocklist()).toHaveLength(0);
  });

  it.each([
    ['data is a list', [item()], 'data: Not a valid object'],
    ['no data', undefined, 'data: Missing data'],
    ['no type', item({ type: undefined }), 'data: type: Must be one of: black_hash.'],
    ['an exclusion type', item({ type: 'white_hash' }), 'data: type: Must be one of: black_hash.'],
    ['no osType', item({ osType: undefined }), 'data: osType: Missing data for required field.'],
    ['unknown osType', item({ osType: 'android' }), 'data: osType: Must be one of'],
    ['no hash', item({ value: undefined }), 'data: value: At least one of value'],
    ['an MD5 in value', item({ value: 'd41d8cd98f00b204e9800998ecf8427f' }), 'data: value: Not a valid SHA1'],
    ['a SHA256 in value', item({ value: SHA256 }), 'data: value: Not a valid SHA1'],
    ['non-hex SHA1', item({ value: `${SHA1.slice(0, 39)}g` }), 'data: value: Not a valid SHA1'],
    [
      'a SHA1 in sha256Value',
      item({ value: undefined, sha256Value: SHA1 }),
      'data: sha256Value: Not a valid SHA256',
    ],
    ['a good SHA1 with a bad SHA256', item({ sha256Value: 'xyz' }), 'data: sha256Value: Not a valid SHA256'],
  ])('%s -> 400 Validation Error naming the field, nothing stored', async (_l, data, detail) => {
    const h = await startSim();
    const { status, body } = await create(h, data);
    expect(status).toBe(400);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]).toMatchObject({ code: 4000010, title: 'Validation Error' });
    expect(body.errors[0].detail).toContain(detail);
    expect(h.sim.blocklist()).toHaveLength(0);
  });
});

describe('duplicates: (account, osType, SHA1 or SHA256) -> 400 / 4000030 "Already Exists Error"', () => {
  it.each([
    ['same SHA1, same OS', item(), item(), 400],
    ['same SHA1 in other case', item(), item({ value: SHA1.toUpperCase() }), 400],
    [
      'same SHA256, SHA1 not sent',
      item({ sha256Value: SHA256 }),
      item({ value: undefined, sha256Value: SHA256 }),
      400,
    ],
    [
      'new SHA1, listed SHA256',
      item({ sha256Value: SHA256 }),
      item({ value: 'f'.repeat(40), sha256Value: SHA256 }),
      400,
    ],
    ['same SHA1, other OS', item(), item({ osType: 'macos' }), 200],
    ['other SHA1, same OS', item(), item({ value: 'f'.repeat(40) }), 200],
  ])('%s', async (_l, first, second, status) => {
    const h = await startSim();
    expect((await create(h, first)).status).toBe(200);
    const { status: got, body } = await create(h, second);
    expect(got).toBe(status);
    if (status === 400) expect(body).toEqual(ALREADY);
    expect(h.sim.blocklist()).toHaveLength(status === 200 ? 2 : 1);
  });

  it('a duplicate in another account does not count', async () => {
    const h = await startSim();
    h.sim.putBlocklist([{ osType: 'windows', value: SHA1 }], '2163822725049635812');
    expect((await create(h, item())).status).toBe(200);
  });
});

describe('knobs notAllowedHashes / notRecommendedHashes', () => {
  it('a "Not allowed" hash is refused with 400 saying "Not allowed", nothing stored', async () => {
    const h = await startSim({ notAllowedHashes: [SHA256] });
    const { status, body } = await create(h, item({ value: undefined, sha256Value: SHA256.toUpperCase() }));
    expect(status).toBe(400);
    expect(body.errors[0]).toMatchObject({ code: 4000010, title: 'Validation Error' });
    expect(body.errors[0].detail).toContain('Not allowed');
    expect(body.errors[0].detail).toContain('sha256Value');
    expect(h.sim.blocklist()).toHaveLength(0);
  });

  it('a "Not recommended" hash is created and marked so', async () => {
    const h = await startSim();
    await h.call('/__sim/config', { method: 'POST', json: { notRecommendedHashes: [SHA1] }, token: null });
    const { status, body } = await create(h, item());
    expect(status).toBe(200);
    expect(body.data[0].notRecommended).toBe('Not recommended');
  });
});

describe('POST restrictions/validate', () => {
  const OTHER = 'e'.repeat(40);
  it.each([
    ['an unknown hash', {}, [], { osType: 'windows', value: OTHER }, 'NONE'],
    [
      'a "Not allowed" hash',
      { notAllowedHashes: [OTHER] },
      [],
      { osType: 'windows', value: OTHER },
      'Not allowed',
    ],
    [
      'a "Not recommended" hash',
      { notRecommendedHashes: [OTHER] },
      [],
      { osType: 'linux', value: OTHER },
      'Not recommended',
    ],
    [
      'a listed SHA1',
      {},
      [{ osType: 'windows', value: SHA1 }],
      { osType: 'windows', value: SHA1 },
      'duplicated_value_sha1',
    ],
    [
      'a listed SHA256',
      {},
      [{ osType: 'macos', sha256Value: SHA256 }],
      { osType: 'macos', sha256Value: SHA256 },
      'duplicated_value_sha256',
    ],
    [
      'both listed',
      {},
      [{ osType: 'windows', value: SHA1, sha256Value: SHA256 }],
      { osType: 'windows', value: SHA1, sha256Value: SHA256 },
      'duplicated_value_sha1_sha256',
    ],
    [
      'listed on another OS only',
      {},
      [{ osType: 'windows', value: SHA1 }],
      { osType: 'linux', value: SHA1 },
      'NONE',
    ],
    [
      '"Not allowed" beats a duplicate',
      { notAllowedHashes: [SHA1] },
      [{ osType: 'windows', value: SHA1 }],
      { osType: 'windows', value: SHA1 },
      'Not allowed',
    ],
    [
      'a duplicate beats "Not recommended"',
      { notRecommendedHashes: [SHA1] },
      [{ osType: 'windows', value: SHA1 }],
      { osType: 'windows', value: SHA1 },
      'duplicated_value_sha1',
    ],
  ])('%s', async (_l, knobs, listed, data, status) => {
    const h = await startSim(knobs);
    h.sim.putBlocklist(listed);
    const res = await validate(h, data);
    expect(res.status).toBe(200);
    expect(HashValidateResponseSchema.parse(res.body).data.status).toBe(status);
    expect(res.body.data.details).toEqual(
      status === 'NONE' ? [] : expect.arrayContaining([expect.any(Object)]),
    );
    expect(h.sim.blocklist()).toHaveLength(listed.length); // validate never stores
  });

  it.each([
    ['data as a list', [{ osType: 'windows', value: SHA1 }]],
    ['no osType', { value: SHA1 }],
    ['no hash', { osType: 'windows' }],
    ['a bad hash', { osType: 'windows', value: 'abc' }],
  ])('%s -> 400 Validation Error', async (_l, data) => {
    const h = await startSim();
    const { status, body } = await validate(h, data);
    expect(status).toBe(400);
    expect(body.errors[0].code).toBe(4000010);
  });

  it('a foreign account in filter -> 403', async () => {
    const h = await startSim();
    const { status } = await h.json(VALIDATE, {
      method: 'POST',
      json: { filter: { accountIds: [FOREIGN] }, data: { osType: 'windows', value: SHA1 } },
    });
    expect(status).toBe(403);
  });
});

describe('DELETE restrictions by data.ids', () => {
  it('removes the named items and answers {data: {affected: N}}; nothing matched -> 0', async () => {
    const h = await startSim();
    const planted = h.sim.putBlocklist([
      { osType: 'windows', value: SHA1 },
      { osType: 'macos', value: SHA1 },
      { osType: 'linux', value: SHA1 },
    ]);
    const ids = planted.slice(0, 2).map((i) => i.id);
    const del = await remove(h, { filter: { accountIds: [ACCOUNT] }, data: { type: 'black_hash', ids } });
    expect(del).toEqual({ status: 200, body: { data: { affected: 2 } } });
    expect(h.sim.blocklist().map((i) => i.osType)).toEqual(['linux']);
    const again = await remove(h, { data: { type: 'black_hash', ids } });
    expect(again).toEqual({ status: 200, body: { data: { affected: 0 } } });
  });

  it.each([
    ['ids in filter, not data', { filter: { ids: ['1'] }, data: { type: 'black_hash' } }, 400],
    ['no ids at all', { data: { type: 'black_hash' } }, 400],
    ['empty ids', { data: { type: 'black_hash', ids: [] } }, 400],
    ['another type', { data: { type: 'white_hash', ids: ['1'] } }, 400],
    [
      'a foreign account',
      { filter: { accountIds: [FOREIGN] }, data: { type: 'black_hash', ids: ['1'] } },
      403,
    ],
  ])('%s -> its status, nothing removed', async (_l, json, status) => {
    const h = await startSim();
    const [planted] = h.sim.putBlocklist([{ osType: 'windows', value: SHA1, id: '1000000000000000001' }]);
    expect(planted?.id).toBe('1000000000000000001');
    expect((await remove(h, json)).status).toBe(status);
    expect(h.sim.blocklist()).toHaveLength(1);
  });
});

describe('GET restrictions filters', () => {
  const SHA1_B = '0123456789abcdef0123456789abcdef01234567';
  const seed = (h: Harness) =>
    h.sim.putBlocklist([
      {
        id: '1000000000000000001',
        osType: 'windows',
        value: SHA1,
        description: 'Ransomware dropper',
        source: 'S1 IOC Manager',
        createdAt: '2026-01-01T00:00:00Z',
        updatedAt: '2026-01-05T00:00:00Z',
      },
      {
        id: '1000000000000000002',
        osType: 'macos',
        value: SHA1,
        description: 'ransomware dropper',
        source: 'S1 IOC Manager',
        createdAt: '2026-01-02T00:00:00Z',
        updatedAt: '2026-01-02T00:00:00Z',
      },
      {
        id: '1000000000000000003',
        osType: 'linux',
        sha256Value: SHA256,
        description: 'Miner',
        source: 'user',
        createdAt: '2026-01-03T00:00:00Z',
        updatedAt: '2026-01-09T00:00:00Z',
      },
      {
        id: '1000000000000000004',
        osType: 'windows',
        value: SHA1_B.toUpperCase(),
        sha256Value: SHA256,
        description: '',
        source: 'user',
        createdAt: '2026-01-04T00:00:00Z',
        updatedAt: '2026-01-04T00:00:00Z',
      },
    ]);
  it.each<[string, Record<string, string>, number[]]>([
    ['no filter', {}, [1, 2, 3, 4]],
    ['type=black_hash', { type: 'black_hash' }, [1, 2, 3, 4]],
    ['type=white_hash (exclusions are never stored)', { type: 'white_hash' }, []],
    ['osTypes', { osTypes: 'macos,linux' }, [2, 3]],
    ['value exact', { value: SHA1 }, [1, 2]],
    ['value is case-sensitive', { value: SHA1.toUpperCase() }, []],
    ['value matches SHA1 only', { value: SHA256 }, []],
    ['value__contains on value', { value__contains: SHA1.slice(5, 20) }, [1, 2]],
    ['value__contains on sha256Value', { value__contains: SHA256.slice(10, 30) }, [3, 4]],
    ['value__contains is case-sensitive', { value__contains: 'ABCDEF' }, [4]],
    ['value__contains, several', { value__contains: `${SHA1.slice(0, 8)},nomatch` }, [1, 2]],
    ['ids', { ids: '1000000000000000003,1000000000000000001' }, [1, 3]],
    ['source', { source: 'user' }, [3, 4]],
    ['description__contains (case-insensitive)', { description__contains: 'RANSOM' }, [1, 2]],
    ['createdAt__gt', { createdAt__gt: '2026-01-02T00:00:00Z' }, [3, 4]],
    ['createdAt__gte', { createdAt__gte: '2026-01-02T00:00:00Z' }, [2, 3, 4]],
    ['createdAt__lt', { createdAt__lt: '2026-01-02T00:00:00Z' }, [1]],
    ['createdAt__lte', { createdAt__lte: '2026-01-02T00:00:00.000000Z' }, [1, 2]],
    ['updatedAt__gte', { updatedAt__gte: '2026-01-05T00:00:00Z' }, [1, 3]],
    ['updatedAt__lt + osTypes', { updatedAt__lt: '2026-01-05T00:00:00Z', osTypes: 'windows' }, [4]],
    ['accountIds (own)', { accountIds: ACCOUNT }, [1, 2, 3, 4]],
    ['siteIds + tenant', { siteIds: SITE, tenant: 'true' }, [1, 2, 3, 4]],
    ['tenant', { tenant: 'true' }, [1, 2, 3, 4]],
  ])('%s', async (_l, params, expected) => {
    const h = await startSim();
    seed(h);
    const { status, body } = await get(h, { limit: 100, ...params });
    expect(status).toBe(200);
    BlocklistPageSchema.parse(body);
    expect(body.data.map((i: Json) => Number(String(i.id).slice(-1)))).toEqual(expected);
    expect(body.pagination).toEqual({ nextCursor: null, totalItems: expected.length });
  });

  it.each([
    ['a foreign account', { accountIds: FOREIGN }, 403],
    ['a bad date', { createdAt__gt: 'yesterday' }, 400],
    ['an unknown sortBy', { sortBy: 'colour' }, 400],
    ['limit 0', { limit: 0 }, 400],
    ['limit 1001', { limit: 1001 }, 400],
    ['skip 1001', { skip: 1001 }, 400],
  ])('%s -> its status', async (_l, params, status) => {
    const h = await startSim();
    expect((await get(h, params)).status).toBe(status);
  });
});

describe('GET restrictions paging', () => {
  const plant = (h: Harness, n: number) =>
    h.sim.putBlocklist(
      Array.from({ length: n }, (_, i) => ({
        osType: ['windows', 'macos', 'linux'][i % 3],
        value: i.toString(16).padStart(40, '0'),
        description: `item ${i % 4}`, // ties on description
        createdAt: `2026-01-0${1 + (i % 3)}T00:00:00Z`, // ties on createdAt
        ...(i % 5 === 0 ? { id: `1${String(i).padStart(17, '0')}` } : {}), // 18-digit ids among 19-digit ones
      })),
    );

  it('default limit 10, totalItems, countOnly and skipCount', async () => {
    const h = await startSim();
    plant(h, 25);
    const first = await get(h);
    expect(first.body.data).toHaveLength(10);
    expect(first.body.pagination.totalItems).toBe(25);
    expect(first.body.pagination.nextCursor).toEqual(expect.any(String));
    expect((await get(h, { countOnly: 'true' })).body).toEqual({
      data: [],
      pagination: { nextCursor: null, totalItems: 25 },
    });
    expect((await get(h, { skipCount: 'true', limit: 1 })).body.pagination.totalItems).toBeNull();
    const skipped = await get(h, { skip: 20 });
    expect(skipped.body.data).toHaveLength(5);
    expect(skipped.body.pagination.nextCursor).toBeNull();
  });

  it.each([
    ['id', 'asc'],
    ['id', 'desc'],
    ['createdAt', 'asc'],
    ['createdAt', 'desc'],
    ['description', 'asc'],
    ['osType', 'desc'],
    ['value', 'asc'],
    ['updatedAt', 'asc'],
    ['userName', 'asc'],
    ['source', 'desc'],
  ])(
    'cursor walk by %s %s returns every item once, in order, ties broken by id',
    async (sortBy, sortOrder) => {
      const h = await startSim();
      plant(h, 23);
      const seen: Json[] = [];
      let cursor: string | null = null;
      do {
        const params: Record<string, string | number> = {
          limit: 4,
          sortBy,
          sortOrder,
          ...(cursor ? { cursor } : {}),
        };
        const { status, body } = await get(h, params);
        expect(status).toBe(200);
        seen.push(...body.data);
        cursor = body.pagination.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(23);
      expect(new Set(seen.map((i) => i.id)).size).toBe(23);
      const key = (i: Json) => String(i[sortBy] ?? '');
      const num = (id: unknown) => BigInt(String(id));
      const dir = sortOrder === 'desc' ? -1 : 1;
      for (let k = 1; k < seen.length; k++) {
        const a = seen[k - 1] as Json;
        const b = seen[k] as Json;
        const byKey = sortBy === 'id' ? 0 : key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
        const cmp = byKey !== 0 ? byKey : num(a.id) < num(b.id) ? -1 : 1;
        expect(cmp * dir).toBe(-1);
      }
    },
  );

  it('a cursor is bound to its query: another filter, a tampered cursor or garbage -> invalid-cursor 400', async () => {
    const h = await startSim();
    plant(h, 12);
    const { body } = await get(h, { limit: 5, osTypes: 'windows,macos' });
    const cursor = body.pagination.nextCursor as string;
    expect((await get(h, { limit: 5, osTypes: 'windows,macos', cursor })).status).toBe(200);
    const invalid = loadFixture('error-400.invalid-cursor.json');
    const tries: Array<Record<string, string>> = [
      { osTypes: 'windows', cursor },
      { osTypes: 'windows,macos', sortBy: 'createdAt', cursor },
      { osTypes: 'windows,macos', cursor: `${cursor.slice(0, -2)}AA` },
      { cursor: 'not-a-cursor' },
    ];
    for (const params of tries) {
      expect(await get(h, params)).toEqual({ status: 400, body: invalid });
    }
    const ioc = await h.json(`/web/api/v2.1/threat-intelligence/iocs?cursor=${cursor}&osTypes=windows,macos`);
    expect(ioc).toEqual({ status: 400, body: invalid });
  });

  it('an item deleted between pages neither skips nor repeats the others', async () => {
    const h = await startSim();
    const planted = plant(h, 9);
    const first = await get(h, { limit: 3 });
    const firstIds = first.body.data.map((i: Json) => i.id);
    const notYetSeen = planted.map((i) => i.id).filter((id) => !firstIds.includes(id));
    h.sim.removeBlocklist([firstIds[2], notYetSeen[0] as string]);
    const rest: string[] = [];
    let cursor = first.body.pagination.nextCursor;
    while (cursor) {
      const page = await get(h, { limit: 3, cursor });
      rest.push(...page.body.data.map((i: Json) => i.id));
      cursor = page.body.pagination.nextCursor;
    }
    expect(rest.sort()).toEqual(notYetSeen.slice(1).sort());
  });
});

describe('permissions', () => {
  const calls: Array<
    [
      string,
      (
        h: Harness,
        token: string,
      ) => // biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field
      Promise<{ status: number; body: any }>,
    ]
  > = [
    ['GET', (h, token) => get(h, {}, token)],
    ['POST', (h, token) => create(h, item(), { accountIds: [ACCOUNT] }, token)],
    ['validate', (h, token) => validate(h, { osType: 'windows', value: SHA1 }, token)],
    ['DELETE', (h, token) => remove(h, { data: { type: 'black_hash', ids: ['1'] } }, token)],
  ];

  it.each(calls)('%s without Blacklist permissions -> 403 forbidden body', async (_l, call) => {
    const h = await startSim();
    const { status, body } = await call(h, SIM_TOKENS.noBlocklist);
    expect(status).toBe(403);
    expect(body.errors[0]).toMatchObject({ code: 4030000, title: 'Insufficient permissions' });
    expect(body.errors[0].detail).toContain('Blacklist');
  });

  it.each([
    ['GET', 200],
    ['POST', 403],
    ['validate', 403],
    ['DELETE', 403],
  ])('Blacklist view only: %s -> %i', async (name, status) => {
    const h = await startSim();
    h.sim.tokens.add('sim-token-blocklist-viewer', { label: 'viewer', blocklistManage: false });
    const call = calls.find(([n]) => n === name)?.[1];
    expect((await call?.(h, 'sim-token-blocklist-viewer'))?.status).toBe(status);
  });

  it.each([
    ['noTi (TI permission is a different one)', SIM_TOKENS.noTi, 200],
    ['noFirewall', SIM_TOKENS.noFirewall, 200],
    ['multiAccount', SIM_TOKENS.multiAccount, 403],
  ])('%s -> GET %i', async (_l, token, status) => {
    const h = await startSim();
    expect((await get(h, {}, token)).status).toBe(status);
  });

  it('multi-account token gets the 4030010 fixture body', async () => {
    const h = await startSim();
    expect((await get(h, {}, SIM_TOKENS.multiAccount)).body).toEqual(
      loadFixture('error-403.multi-scope-user.json'),
    );
  });
});

describe('faults and the request log', () => {
  it('a 500 after commit stores the item; a 500 before does not; the log shows both', async () => {
    const h = await startSim();
    h.sim.faults.add({
      kind: 'status',
      status: 500,
      method: 'POST',
      path: '/restrictions',
      phase: 'before',
      times: 1,
    });
    expect(await create(h, item())).toEqual({ status: 500, body: INTERNAL });
    expect(h.sim.blocklist()).toHaveLength(0);
    h.sim.faults.add({
      kind: 'status',
      status: 500,
      method: 'POST',
      path: '/restrictions',
      phase: 'after',
      times: 1,
    });
    expect((await create(h, item())).status).toBe(500);
    expect(h.sim.blocklist()).toHaveLength(1);
    expect((await create(h, item())).body).toEqual(ALREADY); // the retry finds it there
    const log = h.sim.requests().filter((r) => r.path === R);
    expect(log.map((r) => [r.status, r.fault ?? null])).toEqual([
      [500, 'status:500'],
      [500, 'status:500'],
      [400, null],
    ]);
    expect(log[0]?.body).toEqual({ filter: { accountIds: [ACCOUNT] }, data: item() });
    expect(JSON.stringify(log)).not.toContain(h.sim.defaultToken);
  });

  it('a reset after commit on DELETE removes the items although the connection dies', async () => {
    const h = await startSim();
    const [planted] = h.sim.putBlocklist([{ osType: 'windows', value: SHA1 }]);
    h.sim.faults.add({ kind: 'reset', method: 'DELETE', path: 'restrictions', phase: 'after', times: 1 });
    await expect(remove(h, { data: { type: 'black_hash', ids: [planted?.id] } })).rejects.toThrow();
    expect(h.sim.blocklist()).toHaveLength(0);
  });

  it('a fault on restrictions leaves threat-intelligence/iocs alone', async () => {
    const h = await startSim();
    h.sim.faults.add({ kind: 'status', status: 503, path: 'restrictions' });
    expect((await h.call('/web/api/v2.1/threat-intelligence/iocs')).status).toBe(200);
    expect((await h.call(R)).status).toBe(503);
  });
});

describe('control routes and accessors', () => {
  it('POST /__sim/blocklist plants items as another user; the API lists them; DELETE removes them', async () => {
    const h = await startSim();
    const planted = await h.json('/__sim/blocklist', {
      method: 'POST',
      token: null,
      json: { items: [{ osType: 'linux', sha256Value: SHA256, description: 'by hand' }] },
    });
    expect(planted.status).toBe(200);
    const made = planted.body.data[0];
    BlocklistItemSchema.parse(made);
    expect(made).toMatchObject({
      userName: OTHER_USER.fullName,
      userId: OTHER_USER.id,
      scope: { accountIds: [ACCOUNT] },
    });
    expect((await get(h)).body.data).toEqual([made]);
    expect((await h.json(`/__sim/blocklist?accountId=${ACCOUNT}`, { token: null })).body.data).toEqual([
      made,
    ]);
    const removed = await h.json('/__sim/blocklist', {
      method: 'DELETE',
      token: null,
      json: { ids: [made.id] },
    });
    expect(removed.body.data).toEqual({ removed: 1 });
    expect(h.sim.blocklist()).toEqual([]);
  });

  it('planting an existing id replaces it and stamps a new updatedAt (an edit on the console)', async () => {
    const h = await startSim();
    const [first] = h.sim.putBlocklist([{ osType: 'windows', value: SHA1, description: 'old' }]);
    h.sim.clock.advance(60_000);
    h.sim.putBlocklist([{ id: first?.id, osType: 'windows', value: SHA1, description: 'new' }]);
    const [after] = h.sim.blocklist();
    expect(after).toMatchObject({
      id: first?.id,
      description: 'new',
      createdAt: first?.createdAt,
      updatedAt: '2026-11-27T12:01:00.000000Z',
    });
    expect((await get(h, { updatedAt__gt: first?.updatedAt as string })).body.data).toHaveLength(1);
  });

  it('a bad planted item is a 400 on the control route', async () => {
    const h = await startSim();
    const res = await h.json('/__sim/blocklist', {
      method: 'POST',
      token: null,
      json: { items: [{ osType: 'windows' }] },
    });
    expect(res.status).toBe(400);
  });

  it('reset clears the Blocklist and the knobs', async () => {
    const h = await startSim();
    h.sim.configure({ notAllowedHashes: [SHA1] });
    h.sim.putBlocklist([{ osType: 'windows', value: 'f'.repeat(40) }]);
    await h.call('/__sim/reset', { method: 'POST', token: null });
    expect(h.sim.blocklist()).toEqual([]);
    expect((await create(h, item())).status).toBe(200);
  });
});
