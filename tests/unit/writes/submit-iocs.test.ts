import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setLogSink } from '../../../lib/log/log';
import { createS1Client } from '../../../lib/s1/client';
import type { IocDraft } from '../../../lib/s1/schemas';
import { submitIocs } from '../../../lib/writes/submit-iocs';
import { updateIoc } from '../../../lib/writes/update-ioc';
import { createSimulator } from '../../simulator';

const sim = createSimulator({ iocs: 0 });
let origin = '';
let close: () => Promise<void>;
beforeAll(async () => {
  const server = await sim.listen();
  origin = server.url;
  close = server.close;
});
afterAll(() => close());
beforeEach(() => sim.reset());

const deps = (timeoutMs = 30_000) => ({
  client: createS1Client(
    { consoleUrl: origin, apiToken: sim.defaultToken, accountId: sim.defaultAccountId },
    { sleep: async () => undefined, timeoutMs },
  ),
  afterWrite: () => undefined,
});
const draft = (value: string, type: IocDraft['type'] = 'DNS', extra: Partial<IocDraft> = {}): IocDraft => ({
  type,
  value,
  source: 'S1 IOC Manager',
  method: 'EQUALS',
  validUntil: '2026-12-20T00:00:00.000Z',
  ...extra,
});
const posts = () => sim.requests().filter((r) => r.method === 'POST');

describe('submitIocs', () => {
  it('stores every row, one POST per 1000, and reports each', async () => {
    const drafts = Array.from({ length: 1500 }, (_, i) => draft(`row-${i}.example.org`));
    const report = await submitIocs(deps(), drafts);
    expect(report.stored).toBe(1500);
    expect(report.stoppedBecause).toBeNull();
    expect(report.outcomes.every((o) => o.status === 'stored')).toBe(true);
    expect(posts()).toHaveLength(2);
    expect(sim.iocs(sim.defaultAccountId)).toHaveLength(1500);
  });

  it('names the refused rows of a 400, stores none of their batch, and sends nothing more', async () => {
    const drafts = [
      draft('ok-1.example.org'),
      draft('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'SHA256'),
      draft('ok-2.example.org'),
    ];
    const report = await submitIocs(deps(), drafts);
    expect(report.outcomes.map((o) => o.status)).toEqual(['not-sent', 'rejected', 'not-sent']);
    expect(report.outcomes[1]).toMatchObject({ message: expect.stringMatching(/hashes_empty_file/) });
    expect(report.stoppedBecause).toMatch(/refused 1 of the rows, so it stored none of their batch/);
    expect(sim.iocs(sim.defaultAccountId)).toEqual([]);
    expect(posts()).toHaveLength(1);
  });

  it('after a lost answer, re-reads each row and reports what the console holds, sending nothing again', async () => {
    sim.faults.add({ method: 'POST', kind: 'status', status: 500, phase: 'after', times: 1 });
    const logged: string[] = [];
    setLogSink((entry) => logged.push(entry.message));
    const report = await submitIocs(deps(), [draft('lost-1.example.org'), draft('lost-2.example.org')]);
    setLogSink(null);
    // The activity log's line: the reason, one full stop, then the values.
    expect(logged).toEqual([
      expect.stringMatching(/Nothing was re-sent\. lost-1\.example\.org \(DNS\), lost-2/),
    ]);
    expect(logged[0]).not.toContain('..');
    expect(report.outcomes.map((o) => o.status)).toEqual(['stored', 'stored']);
    expect(report.stoppedBecause).toMatch(
      /re-reading shows 2 of this batch's 2 stored\. Nothing was re-sent\./,
    );
    expect(posts()).toHaveLength(1);
    expect(sim.iocs(sim.defaultAccountId)).toHaveLength(2);
  });

  it('after a POST that timed out once the console had stored it, re-reads and sends nothing again', async () => {
    sim.faults.add({ method: 'POST', kind: 'slowBody', latencyMs: 3_000, times: 1 });
    const report = await submitIocs(deps(1_000), [draft('slow-1.example.org'), draft('slow-2.example.org')]);
    expect(report.outcomes.map((o) => o.status)).toEqual(['stored', 'stored']);
    expect(report.stoppedBecause).toMatch(
      /within 1 s.*re-reading shows 2 of this batch's 2 stored\. Nothing was re-sent/,
    );
    // The simulator logs the request once its slow answer has been written out.
    await expect.poll(() => posts().length, { timeout: 5_000 }).toBe(1);
    expect(
      sim
        .iocs(sim.defaultAccountId)
        .map((ioc) => ioc.value)
        .sort(),
    ).toEqual(['slow-1.example.org', 'slow-2.example.org']);
  });

  it('after a failure before the commit, says the rows are not stored', async () => {
    sim.faults.add({ method: 'POST', kind: 'reset', phase: 'before', times: 1 });
    const report = await submitIocs(deps(), [draft('never.example.org')]);
    expect(report.outcomes).toEqual([
      { status: 'not-sent', message: expect.stringMatching(/re-reading shows it does not hold it/) },
    ]);
    expect(posts()).toHaveLength(1);
    expect(sim.iocs(sim.defaultAccountId)).toEqual([]);
  });

  it('an expired token stops with its reason and every row not sent', async () => {
    sim.tokens.expire(sim.defaultToken);
    const report = await submitIocs(deps(), [draft('a.example.org')]);
    expect(report.outcomes[0]).toMatchObject({
      status: 'not-sent',
      message: expect.stringMatching(/invalid or has expired/),
    });
  });
});

describe('updateIoc', () => {
  it('re-sends the same identity and verifies the change in place', async () => {
    const [created] = (await submitIocs(deps(), [draft('edit.example.org', 'DNS', { name: 'old' })]))
      .outcomes;
    const previous = sim.iocs(sim.defaultAccountId)[0];
    expect(created?.status).toBe('stored');
    const report = await updateIoc(
      deps(),
      previous as never,
      draft('edit.example.org', 'DNS', { name: 'new name' }),
    );
    expect(report).toEqual({ uuid: previous?.uuid, note: null });
    expect(sim.iocs(sim.defaultAccountId).map((i) => [i.uuid, i.name])).toEqual([
      [previous?.uuid, 'new name'],
    ]);
  });

  it('deletes the old IOC and says so when the console made a duplicate instead', async () => {
    await submitIocs(deps(), [draft('dup.example.org', 'DNS', { name: 'old' })]);
    const previous = sim.iocs(sim.defaultAccountId)[0];
    sim.configure({ writeMode: 'duplicate' });
    const report = await updateIoc(
      deps(),
      previous as never,
      draft('dup.example.org', 'DNS', { name: 'new' }),
    );
    expect(report.note).toMatch(
      /created a new IOC for dup\.example\.org instead of updating it; the old one .* was deleted/,
    );
    const held = sim.iocs(sim.defaultAccountId);
    expect(held.map((i) => i.name)).toEqual(['new']);
    expect(held[0]?.uuid).not.toBe(previous?.uuid);
  });

  it('changes, clears and keeps the context fields, and checks them on re-reading', async () => {
    const context = { severity: 4, threatActors: ['APT28'], labels: ['phishing'], malwareNames: ['X-Agent'] };
    await submitIocs(deps(), [draft('ctx.example.org', 'DNS', context)]);
    const previous = sim.iocs(sim.defaultAccountId)[0];
    const edit = { ...context, labels: [], malwareNames: ['Zebrocy'] };
    await updateIoc(deps(), previous as never, draft('ctx.example.org', 'DNS', edit));
    expect(sim.iocs(sim.defaultAccountId)[0]).toMatchObject({
      uuid: previous?.uuid,
      severity: 4,
      threatActors: ['APT28'],
      labels: [],
      malwareNames: ['Zebrocy'],
    });
  });

  it('refuses to change what identifies the IOC', async () => {
    await submitIocs(deps(), [draft('id.example.org')]);
    const previous = sim.iocs(sim.defaultAccountId)[0];
    await expect(
      updateIoc(deps(), previous as never, draft('id.example.org', 'DNS', { source: 'Other' })),
    ).rejects.toThrow(/keeps the type, value and source/);
    expect(posts()).toHaveLength(1);
  });
});
