/**
 * The simulator's GET (docs/sentinelone-api.md#reads): limit/skip bounds, sortBy/sortOrder with
 * tie-break, countOnly, skipCount, cursors (docs/sentinelone-api.md#paging-and-sorting).
 */
import { describe, expect, it } from 'vitest';
import { type Harness, IOCS, loadFixture, q, startSim } from './test-helpers';

const INVALID_CURSOR = loadFixture('error-400.invalid-cursor.json');
type Ioc = Record<string, string | null> & { uuid: string };
type Page = { data: Ioc[]; pagination: { nextCursor: string | null; totalItems: number | null } };

async function pageAll(h: Harness, params: Record<string, string | number>): Promise<Ioc[]> {
  const out: Ioc[] = [];
  let cursor: string | null = null;
  do {
    const { status, body }: { status: number; body: Page } = await h.json(
      q({ ...params, ...(cursor ? { cursor } : {}) }),
    );
    expect({ status, body: status === 200 ? 'ok' : body }).toEqual({ status: 200, body: 'ok' });
    out.push(...body.data);
    cursor = body.pagination.nextCursor;
  } while (cursor);
  return out;
}

describe('limit default 10, range 1-1000; skip 0-1000; out of range -> 400 or clamp (knob)', () => {
  it('defaults to 10 items', async () => {
    const h = await startSim({ iocs: 25 });
    const { body } = await h.json(IOCS);
    expect(body.data).toHaveLength(10);
    expect(body.pagination.totalItems).toBe(25);
  });

  it.each([
    ['limit', '0', 'limit: Must be greater than or equal to 1 and less than or equal to 1000.'],
    ['limit', '1001', 'limit: Must be greater than or equal to 1 and less than or equal to 1000.'],
    ['limit', 'ten', 'limit: Not a valid integer.'],
    ['skip', '-1', 'skip: Must be greater than or equal to 0 and less than or equal to 1000.'],
    ['skip', '1001', 'skip: Must be greater than or equal to 0 and less than or equal to 1000.'],
    ['countOnly', 'yes', 'countOnly: Not a valid boolean.'],
    ['sortBy', 'name', 'sortBy: Must be one of: id, creationTime, uploadTime, updatedAt, source, type.'],
    ['sortOrder', 'up', 'sortOrder: Must be one of: asc, desc.'],
  ])('reject mode: %s=%s -> 400 Validation Error', async (name, value, detail) => {
    const h = await startSim();
    const { status, body } = await h.json(q({ [name]: value }));
    expect(status).toBe(400);
    expect(body).toEqual({ errors: [{ code: 4000010, detail, title: 'Validation Error' }] });
  });

  it('clamp mode: limit 0 -> 1, limit 5000 -> 1000, skip 5000 -> 1000', async () => {
    const h = await startSim({ iocs: 1100, outOfRange: 'clamp' });
    expect((await h.json(q({ limit: 0 }))).body.data).toHaveLength(1);
    expect((await h.json(q({ limit: 5000 }))).body.data).toHaveLength(1000);
    expect((await h.json(q({ limit: 1000, skip: 5000 }))).body.data).toHaveLength(100);
  });

  it('skip offsets within the sorted matches', async () => {
    const h = await startSim({ iocs: 30 });
    const all = (await h.json(q({ limit: 30 }))).body.data;
    const { body } = await h.json(q({ limit: 5, skip: 7 }));
    expect(body.data).toEqual(all.slice(7, 12));
  });
});

describe('sortBy / sortOrder with a stable id tie-break', () => {
  const cmp = (a: string | null, b: string | null) =>
    (a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0;
  it.each([
    ['id', 'uuid'],
    ['creationTime', 'creationTime'],
    ['uploadTime', 'uploadTime'],
    ['updatedAt', 'updatedAt'],
    ['source', 'source'],
    ['type', 'type'],
  ])('sortBy=%s asc and desc, ties broken by uuid', async (sortBy, field) => {
    const h = await startSim({ iocs: 300 });
    const expected = h.sim
      .iocs()
      .sort(
        (a, b) => cmp(a[field] as string | null, b[field] as string | null) || cmp(a.uuid, b.uuid),
      ) as Ioc[];
    const asc = await pageAll(h, { sortBy, sortOrder: 'asc', limit: 70 });
    expect(asc.map((i) => i.uuid)).toEqual(expected.map((i) => i.uuid));
    const desc = await pageAll(h, { sortBy, sortOrder: 'desc', limit: 70 });
    expect(desc.map((i) => i.uuid)).toEqual(expected.map((i) => i.uuid).reverse());
  });

  it('default order is by id ascending', async () => {
    const h = await startSim({ iocs: 50 });
    const { body } = await h.json(q({ limit: 50 }));
    const uuids = body.data.map((i: Ioc) => i.uuid);
    expect(uuids).toEqual([...uuids].sort());
  });
});

describe('countOnly and skipCount', () => {
  it('countOnly returns no items and the total (documented shape)', async () => {
    const h = await startSim({ iocs: 42 });
    const { body } = await h.json(q({ countOnly: 'true', type: 'SHA256' }));
    const expected = h.sim.iocs().filter((i) => i.type === 'SHA256').length;
    expect(body).toEqual({ data: [], pagination: { nextCursor: null, totalItems: expected } });
  });

  it('skipCount=true answers totalItems: null and still pages', async () => {
    const h = await startSim({ iocs: 15 });
    const { body } = await h.json(q({ skipCount: 'true' }));
    expect(body.data).toHaveLength(10);
    expect(body.pagination).toEqual({ nextCursor: expect.any(String), totalItems: null });
    expect((await h.json(q({ skipCount: 'false' }))).body.pagination.totalItems).toBe(15);
  });
});

describe('cursors: opaque, bound to the query, tamper-proof; last page -> null', () => {
  it('pages 2,345 IOCs at limit 1000 returning each exactly once', async () => {
    const h = await startSim({ iocs: 2345 });
    const sizes: number[] = [];
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const { body }: { body: Page } = await h.json(q({ limit: 1000, ...(cursor ? { cursor } : {}) }));
      sizes.push(body.data.length);
      seen.push(...body.data.map((i: Ioc) => i.uuid));
      expect(body.pagination.totalItems).toBe(2345);
      cursor = body.pagination.nextCursor;
    } while (cursor);
    expect(sizes).toEqual([1000, 1000, 345]);
    expect(new Set(seen).size).toBe(2345);
    expect(seen.sort()).toEqual(h.sim.iocs().map((i) => i.uuid));
  });

  it('the cursor is base64url and does not depend on limit', async () => {
    const h = await startSim({ iocs: 30 });
    const first = (await h.json(q({ limit: 10, type: 'SHA256,MD5,SHA1,DNS,URL,IPV4,IPV6' }))).body;
    expect(first.pagination.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const next = await h.json(
      q({ limit: 5, type: 'IPV6,IPV4,URL,DNS,SHA1,MD5,SHA256', cursor: first.pagination.nextCursor }),
    );
    expect(next.status).toBe(200);
    const all = (await h.json(q({ limit: 30 }))).body.data;
    expect(next.body.data).toEqual(all.slice(10, 15));
  });

  it.each([
    ['garbage', () => 'test'],
    ['non-base64url characters', (c: string) => `${c}!`],
    ['a flipped character', (c: string) => c.slice(0, 20) + (c[20] === 'A' ? 'B' : 'A') + c.slice(21)],
    [
      'a re-signed payload with a moved position',
      (c: string) => {
        const p = JSON.parse(Buffer.from(c, 'base64url').toString());
        return Buffer.from(JSON.stringify({ ...p, u: '0'.repeat(32) })).toString('base64url');
      },
    ],
  ])('%s -> 400 with exactly the invalid-cursor fixture body', async (_l, mutate) => {
    const h = await startSim({ iocs: 30 });
    const cursor = (await h.json(q({}))).body.pagination.nextCursor;
    const { status, body } = await h.json(q({ cursor: mutate(cursor) }));
    expect(status).toBe(400);
    expect(body).toEqual(INVALID_CURSOR);
  });

  it.each([
    ['a different filter', { type: 'DNS' }],
    ['a different sortBy', { sortBy: 'uploadTime' }],
    ['a different sortOrder', { sortOrder: 'desc' }],
  ])('a cursor reused with %s -> 400 invalid cursor', async (_l, extra) => {
    const h = await startSim({ iocs: 30 });
    const cursor = (await h.json(q({}))).body.pagination.nextCursor;
    const { status, body } = await h.json(q({ ...extra, cursor }));
    expect(status).toBe(400);
    expect(body).toEqual(INVALID_CURSOR);
  });

  it('keyset stability: inserts and deletes between pages neither skip nor repeat items', async () => {
    const h = await startSim({ iocs: 100 });
    const before = h.sim.iocs().map((i) => i.uuid);
    const page1 = (await h.json(q({ limit: 40 }))).body;
    const last = page1.data[39].uuid;
    // delete the next item in line and one already returned; insert items before and after the cursor
    const nextInLine = before[40] as string;
    await h.json(IOCS, { method: 'DELETE', json: { filter: { uuids: [nextInLine, before[0]] } } });
    h.sim.seed({ count: 50, seed: 99 });
    const rest = await pageAll(h, { limit: 40, cursor: page1.pagination.nextCursor });
    const restIds = rest.map((i) => i.uuid);
    const expected = h.sim
      .iocs()
      .map((i) => i.uuid)
      .filter((u) => u > last);
    expect(restIds).toEqual(expected);
    expect(restIds).not.toContain(nextInLine);
    expect(new Set([...page1.data.map((i: Ioc) => i.uuid), ...restIds]).size).toBe(40 + restIds.length);
    for (const u of before.slice(41)) expect(restIds).toContain(u);
  });

  it('quick check: 100,000 IOCs, first and last pages of a cursor walk (timing reported by hand)', async () => {
    const h = await startSim();
    const t0 = performance.now();
    h.sim.seed({ count: 100_000 });
    const t1 = performance.now();
    const all = await pageAll(h, { limit: 1000 });
    const t2 = performance.now();
    expect(all).toHaveLength(100_000);
    expect(new Set(all.map((i) => i.uuid)).size).toBe(100_000);
    if (process.env.SIM_TIMING) {
      console.warn(`seed 100k: ${(t1 - t0).toFixed(0)} ms; 100 pages of 1000: ${(t2 - t1).toFixed(0)} ms`);
    }
  }, 60_000);
});
