import { describe, expect, it } from 'vitest';
import { S1Error } from '../../../lib/s1/errors';
import type { Ioc, IocPage } from '../../../lib/s1/schemas';
import { openIocDb } from '../../../lib/store/db';
import { createIocRepo } from '../../../lib/store/ioc-repo';
import { fullSync } from '../../../lib/sync/full-sync';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ioc = (type: string, n: number): Ioc => ({
  uuid: `${type}-${n}`,
  value: `${type.toLowerCase()}-${n}.example`,
  type: type as Ioc['type'],
  source: 'Test',
  method: 'EQUALS',
  uploadTime: '2026-01-01T00:00:00.000000Z',
  updatedAt: '2026-01-01T00:00:00.000000Z',
});
const page = (iocs: Ioc[]): IocPage => ({ data: iocs, pagination: { nextCursor: null, totalItems: null } });

describe('fullSync', () => {
  it('stops every cursor when one fails, and writes nothing after it has failed', async () => {
    const repo = createIocRepo(openIocDb('full-sync-stop'));
    let pagesServed = 0;
    const client = {
      listIocsPage: async () => page([]),
      // DNS fails at once; the other types keep paging slowly, as cursors still running would.
      async *listIocs(query: { type?: string } = {}) {
        if (query.type === 'DNS') {
          await tick(5);
          throw new S1Error('server', 'HTTP 500');
        }
        for (let n = 0; n < 5; n++) {
          await tick(20);
          pagesServed++;
          yield page([ioc(query.type ?? '', n)]);
        }
      },
    };
    const sync = fullSync({
      client,
      repo,
      accountKey: 'k',
      pageSize: 1,
      concurrency: 7,
      now: () => '2026-01-01T00:00:00Z',
      onProgress: () => undefined,
      takeLocalDeletes: () => [],
    });
    await expect(sync).rejects.toThrow('HTTP 500');
    const staged = (await repo.all(2)).length;
    const served = pagesServed;
    await tick(150);
    expect(pagesServed).toBe(served);
    expect((await repo.all(2)).length).toBe(staged);
    // The visible cache was never switched.
    expect((await repo.meta()).generation).toBe(1);
  });

  it('pages time ranges read off the sample; one range failing stops the others and switches nothing', async () => {
    const repo = createIocRepo(openIocDb('full-sync-ranges'));
    // 40 IOCs, one a second: the sample is all of them.
    const at = (s: number) => `2026-01-01T00:00:${String(s).padStart(2, '0')}.000000Z`;
    const all = Array.from({ length: 40 }, (_, n) => ({ ...ioc('DNS', n), updatedAt: at(n) }));
    const asked: Record<string, string | undefined>[] = [];
    let failing: string | undefined;
    const client = {
      listIocsPage: async (query: { sortBy?: string; limit?: number } = {}) =>
        query.sortBy === 'updatedAt'
          ? { data: all.slice(-1), pagination: { nextCursor: null, totalItems: all.length } }
          : page(all.slice(0, query.limit)),
      async *listIocs(query: { updatedAt__gte?: string; updatedAt__lt?: string } = {}) {
        asked.push(query);
        const held = all.filter(
          (i) =>
            (!query.updatedAt__gte || i.updatedAt >= query.updatedAt__gte) &&
            (!query.updatedAt__lt || i.updatedAt < query.updatedAt__lt),
        );
        for (let n = 0; n < held.length; n += 5) {
          await tick(2);
          if (failing !== undefined && query.updatedAt__gte === failing)
            throw new S1Error('server', 'HTTP 500');
          yield page(held.slice(n, n + 5));
        }
      },
    };
    const deps = {
      client,
      repo,
      accountKey: 'k',
      pageSize: 5,
      concurrency: 4,
      now: () => '2026-01-01T00:01:00Z',
      onProgress: () => undefined,
      takeLocalDeletes: () => [],
    };
    expect(await fullSync(deps)).toEqual({ count: 40, watermark: at(39) });
    expect(asked).toEqual([
      { updatedAt__lt: at(10), limit: 5 },
      { updatedAt__gte: at(10), updatedAt__lt: at(20), limit: 5 },
      { updatedAt__gte: at(20), updatedAt__lt: at(30), limit: 5 },
      { updatedAt__gte: at(30), limit: 5 },
    ]);
    expect((await repo.all()).map((i) => i.uuid).sort()).toEqual(all.map((i) => i.uuid).sort());

    failing = at(20);
    await expect(fullSync(deps)).rejects.toThrow('HTTP 500');
    expect((await repo.meta()).generation).toBe(2);
    expect((await repo.all()).length).toBe(40);
  });
});
