import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createS1Client } from '../../../lib/s1/client';
import { type IocRef, IocSchema, refOf } from '../../../lib/s1/schemas';
import { openIocDb } from '../../../lib/store/db';
import { createIocRepo } from '../../../lib/store/ioc-repo';
import { deleteIocs } from '../../../lib/writes/delete-iocs';
import { createSimulator } from '../../simulator';

const sim = createSimulator({ iocs: 20 });
let origin = '';
let close: () => Promise<void>;
let n = 0;
beforeAll(async () => {
  const server = await sim.listen();
  origin = server.url;
  close = server.close;
});
afterAll(() => close());
beforeEach(() => sim.reset());

async function setUp() {
  const repo = createIocRepo(openIocDb(`delete-test-${++n}`));
  await repo.put(
    1,
    sim.iocs().map((ioc) => IocSchema.parse(ioc)),
  );
  const client = createS1Client(
    { consoleUrl: origin, apiToken: sim.defaultToken, accountId: sim.defaultAccountId },
    { sleep: async () => undefined, timeoutMs: 1_000 },
  );
  const afterDelete: string[][] = [];
  return {
    repo,
    deps: {
      client,
      repo,
      afterDelete: (gone: readonly IocRef[]) => afterDelete.push(gone.map((target) => target.uuid)),
    },
    afterDelete,
  };
}
/** The first `n` IOCs the console holds, as the manager names them for a delete. */
const firstRefs = (n: number) =>
  sim
    .iocs()
    .slice(0, n)
    .map((ioc) => refOf(IocSchema.parse(ioc)));
const deletes = () => sim.requests().filter((r) => r.method === 'DELETE');

describe('deleteIocs', () => {
  it('deletes by uuid on the console and in the cache, and tells the sync', async () => {
    const { repo, deps, afterDelete } = await setUp();
    const victims = firstRefs(2);
    expect(await deleteIocs(deps, [...victims, ...victims.slice(0, 1)])).toEqual({
      requested: 2,
      deleted: 2,
    });
    expect(deletes()).toHaveLength(1);
    expect(deletes()[0]?.body).toMatchObject({ filter: { uuids: victims.map((v) => v.uuid) } });
    expect(await repo.count()).toBe(18);
    expect(afterDelete).toEqual([victims.map((v) => v.uuid)]);
  });

  it('re-reads instead of re-sending when the answer is lost after the console deleted', async () => {
    const { repo, deps } = await setUp();
    const victims = firstRefs(3);
    sim.faults.add({ method: 'DELETE', kind: 'reset', phase: 'after', times: 1 });
    expect(await deleteIocs(deps, victims)).toEqual({ requested: 3, deleted: 3 });
    expect(deletes()).toHaveLength(1);
    expect(
      sim
        .requests()
        .filter((r) => r.method === 'GET')
        .map((r) => r.query.uuids),
    ).toEqual([victims.map((v) => v.uuid).join(',')]);
    expect(await repo.count()).toBe(17);
  });

  it('re-reads instead of re-sending when the DELETE timed out after the console deleted', async () => {
    const { repo, deps } = await setUp();
    const victims = firstRefs(2);
    sim.faults.add({ method: 'DELETE', kind: 'slowBody', latencyMs: 3_000, times: 1 });
    expect(await deleteIocs(deps, victims)).toEqual({ requested: 2, deleted: 2 });
    // The simulator logs the request once its slow answer has been written out.
    await expect.poll(() => deletes().length, { timeout: 5_000 }).toBe(1);
    expect(sim.iocs().some((ioc) => victims.some((v) => v.uuid === ioc.uuid))).toBe(false);
    expect(await repo.count()).toBe(18);
  });

  it('says exactly what is left when the console did not delete, and re-sends nothing', async () => {
    const { repo, deps, afterDelete } = await setUp();
    const victims = firstRefs(3);
    sim.faults.add({ method: 'DELETE', kind: 'status', status: 503, phase: 'before', times: 1 });
    await expect(deleteIocs(deps, victims)).rejects.toThrow(
      /did not confirm the delete \(.*HTTP 503.*\)\. Re-reading shows 0 of 3 deleted and 3 still there; nothing was re-sent\./,
    );
    expect(deletes()).toHaveLength(1);
    expect(await repo.count()).toBe(20);
    expect(afterDelete).toEqual([[]]);
  });

  it('does not guess when the console cannot be re-read either', async () => {
    const { repo, deps } = await setUp();
    sim.faults.add({ method: 'DELETE', kind: 'reset', phase: 'after', times: 1 });
    sim.faults.add({ method: 'GET', kind: 'status', status: 500, times: 10 });
    await expect(deleteIocs(deps, firstRefs(1))).rejects.toThrow(
      /could not be asked what it holds .*Nothing was re-sent/,
    );
    expect(await repo.count()).toBe(20);
  });

  it('passes a refusal through unchanged', async () => {
    const { deps } = await setUp();
    sim.tokens.expire(sim.defaultToken);
    await expect(deleteIocs(deps, firstRefs(1))).rejects.toMatchObject({
      kind: 'token-invalid',
    });
  });
});
