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
});
