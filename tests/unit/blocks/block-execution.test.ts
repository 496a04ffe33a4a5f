/**
 * Block execution against the in-process simulator: validate first, one POST per OS, SHA1 in `value`
 * and SHA256 in `sha256Value`, duplicates reported as already blocked, "Not allowed" never sent,
 * "Not recommended" held back unless the analyst allows it, and a lost answer re-read, never re-sent.
 */
import { describe, expect, it } from 'vitest';
import { type BlockExecutionRequest, blockExecution, verdictOf } from '../../../lib/blocks/block-execution';
import { SIM_TOKENS } from '../../simulator';
import { useSimulatedConsole } from '../simulated-console';

const { sim, client: consoleClient } = useSimulatedConsole();

const deps = (apiToken = sim.defaultToken, timeoutMs = 5_000) => ({
  client: consoleClient(apiToken, { timeoutMs }),
});
const SHA256 = 'c0ffee'.padEnd(64, '1');
const SHA1 = 'deadbeef'.padEnd(40, '2');
const request = (extra: Partial<BlockExecutionRequest> = {}): BlockExecutionRequest => ({
  hash: SHA256,
  type: 'SHA256',
  osTypes: ['windows', 'macos', 'linux'],
  allowNotRecommended: false,
  description: 'Dropper from wave 12',
  source: 'S1 IOC Manager',
  ...extra,
});
const creates = () =>
  sim.requests().filter((r) => r.method === 'POST' && r.path === '/web/api/v2.1/restrictions');
const validates = () =>
  sim.requests().filter((r) => r.method === 'POST' && r.path === '/web/api/v2.1/restrictions/validate');
const statuses = (outcomes: object) =>
  Object.fromEntries(Object.entries(outcomes).map(([os, o]) => [os, (o as { status: string }).status]));
/** Lets validate through (the first matching fault wins) so a fault on 'restrictions' hits the create. */
const faultOnCreate = (fault: Parameters<typeof sim.faults.add>[0]) => {
  sim.faults.add({ method: 'POST', path: 'restrictions/validate', kind: 'latency', latencyMs: 0 });
  sim.faults.add({ method: 'POST', path: 'restrictions', times: 1, ...fault });
};

describe('verdictOf', () => {
  it.each([
    ['NONE', 'ok'],
    [null, 'ok'],
    ['Not allowed', 'not-allowed'],
    ['not allowed', 'not-allowed'],
    ['Not recommended', 'not-recommended'],
    ['duplicated_value_sha1', 'duplicate'],
    ['duplicated_value_sha256', 'duplicate'],
    ['duplicated_value_sha1_sha256', 'duplicate'],
    ['Duplication', 'duplicate'],
  ])('%s -> %s', (status, verdict) => {
    expect(verdictOf(status)).toBe(verdict);
  });
});

describe('blockExecution', () => {
  it.each([
    ['SHA256 in sha256Value', request(), { sha256Value: SHA256 }],
    ['SHA1 in value', request({ hash: SHA1, type: 'SHA1' }), { value: SHA1 }],
    ['an upper-case hash lower-cased', request({ hash: SHA1.toUpperCase(), type: 'SHA1' }), { value: SHA1 }],
  ])('three OS: three validates, three POSTs, %s', async (_, input, fields) => {
    const outcomes = await blockExecution(deps(), input);
    expect(statuses(outcomes)).toEqual({ windows: 'created', macos: 'created', linux: 'created' });
    expect(validates().map((r) => r.body)).toEqual(
      ['windows', 'macos', 'linux'].map((osType) => ({
        filter: { accountIds: [sim.defaultAccountId] },
        data: { osType, ...fields },
      })),
    );
    expect(creates().map((r) => r.body)).toEqual(
      ['windows', 'macos', 'linux'].map((osType) => ({
        filter: { accountIds: [sim.defaultAccountId] },
        data: {
          type: 'black_hash',
          osType,
          ...fields,
          description: 'Dropper from wave 12',
          source: 'S1 IOC Manager',
        },
      })),
    );
    const held = sim.blocklist();
    expect(held.map((item) => item.osType)).toEqual(['windows', 'macos', 'linux']);
    expect(held.map((item) => item.id)).toEqual(Object.values(outcomes).map((o) => (o as { id: string }).id));
  });

  it('the same again: already blocked on every OS, nothing sent, nothing duplicated', async () => {
    await blockExecution(deps(), request());
    sim.clearRequests();
    const again = await blockExecution(deps(), request());
    expect(again).toEqual({
      windows: { status: 'already', message: 'Already blocked on Windows.' },
      macos: { status: 'already', message: 'Already blocked on macOS.' },
      linux: { status: 'already', message: 'Already blocked on Linux.' },
    });
    expect(creates()).toEqual([]);
    expect(sim.blocklist()).toHaveLength(3);
  });

  it('blocked on one OS already: only the others are sent', async () => {
    sim.putBlocklist([{ osType: 'macos', sha256Value: SHA256 }]);
    const outcomes = await blockExecution(deps(), request());
    expect(statuses(outcomes)).toEqual({ windows: 'created', macos: 'already', linux: 'created' });
    expect(creates().map((r) => (r.body as { data: { osType: string } }).data.osType)).toEqual([
      'windows',
      'linux',
    ]);
  });

  it('a 4000030 on the POST (listed between validate and create) is already blocked, not a failure', async () => {
    // Another analyst adds it after our validate answered, just before our create arrives.
    const off = sim.onWire((wire) => {
      if (wire.method === 'POST' && wire.url.endsWith('/restrictions'))
        sim.putBlocklist([{ osType: 'windows', sha256Value: SHA256 }]);
    });
    const outcomes = await blockExecution(deps(), request({ osTypes: ['windows'] }));
    off();
    expect(outcomes).toEqual({ windows: { status: 'already', message: 'Already blocked on Windows.' } });
    expect(creates().map((r) => r.status)).toEqual([400]);
    expect(sim.blocklist()).toHaveLength(1);
  });

  it('"Not allowed" is refused and never sent', async () => {
    sim.configure({ notAllowedHashes: [SHA256] });
    const outcomes = await blockExecution(deps(), request({ allowNotRecommended: true }));
    for (const outcome of Object.values(outcomes))
      expect(outcome).toEqual({
        status: 'refused',
        message: expect.stringMatching(/^Not allowed: SentinelOne does not let/),
        // Asking again cannot change it: the review does not offer it on the next Submit.
        final: true,
      });
    expect(creates()).toEqual([]);
    expect(sim.blocklist()).toEqual([]);
  });

  it('"Not recommended" is held back, then sent once the analyst allows it', async () => {
    sim.configure({ notRecommendedHashes: [SHA256] });
    const held = await blockExecution(deps(), request());
    expect(statuses(held)).toEqual({
      windows: 'not-recommended',
      macos: 'not-recommended',
      linux: 'not-recommended',
    });
    expect(held.windows).toMatchObject({
      message: expect.stringMatching(/Tick "Block anyway" and submit again/),
    });
    expect(creates()).toEqual([]);
    const sent = await blockExecution(deps(), request({ allowNotRecommended: true }));
    expect(statuses(sent)).toEqual({ windows: 'created', macos: 'created', linux: 'created' });
    expect(sim.blocklist()).toHaveLength(3);
  });

  it('MD5 is refused without a request: SentinelOne can only detect it', async () => {
    const outcomes = await blockExecution(
      deps(),
      request({ hash: 'd41d8cd98f00b204e9800998ecf8427e', type: 'MD5' as 'SHA1' }),
    );
    expect(outcomes.windows).toEqual({
      status: 'refused',
      message: 'SentinelOne cannot block an MD5 hash from running; it can only detect it.',
      final: true,
    });
    expect(sim.requests()).toEqual([]);
  });

  it('a hash of the wrong length for its type is refused without a request', async () => {
    const outcomes = await blockExecution(
      deps(),
      request({ hash: SHA1, type: 'SHA256', osTypes: ['linux'] }),
    );
    expect(outcomes.linux).toMatchObject({
      status: 'refused',
      message: expect.stringMatching(/^Not a SHA256 hash/),
    });
    expect(sim.requests()).toEqual([]);
  });

  it.each([
    ['a 500 after the commit', 'created', { kind: 'status', status: 500, phase: 'after' } as const],
    ['a reset after the commit', 'created', { kind: 'reset', phase: 'after' } as const],
    ['a cut-off answer after the commit', 'created', { kind: 'malformed', phase: 'after' } as const],
    ['a 503 before the commit', 'not-sent', { kind: 'status', status: 503, phase: 'before' } as const],
  ])('%s: re-read by value__contains and osTypes, reported %s, never re-sent', async (_, status, fault) => {
    faultOnCreate(fault);
    const outcomes = await blockExecution(deps(), request({ osTypes: ['windows'] }));
    expect(outcomes.windows?.status).toBe(status);
    if (status === 'not-sent')
      expect(outcomes.windows).toMatchObject({
        message: expect.stringMatching(/does not hold it\. Nothing was re-sent/),
      });
    else expect(outcomes.windows).toEqual({ status: 'created', id: sim.blocklist()[0]?.id });
    expect(creates()).toHaveLength(1);
    const reread = sim.requests().filter((r) => r.method === 'GET');
    expect(reread.map((r) => r.query)).toEqual([
      expect.objectContaining({ osTypes: 'windows', value__contains: SHA256, type: 'black_hash' }),
    ]);
    expect(sim.blocklist()).toHaveLength(status === 'created' ? 1 : 0);
  });

  it('a SHA1 lost answer is re-read by exact value', async () => {
    faultOnCreate({ kind: 'status', status: 500, phase: 'after' });
    const outcomes = await blockExecution(deps(), request({ hash: SHA1, type: 'SHA1', osTypes: ['linux'] }));
    expect(outcomes.linux?.status).toBe('created');
    expect(sim.requests().filter((r) => r.method === 'GET')[0]?.query).toMatchObject({
      value: SHA1,
      osTypes: 'linux',
    });
  });

  it('a timeout after the commit is re-read, not re-sent', async () => {
    faultOnCreate({ kind: 'slowBody', latencyMs: 2_000 });
    const outcomes = await blockExecution(deps(sim.defaultToken, 500), request({ osTypes: ['macos'] }));
    expect(outcomes.macos?.status).toBe('created');
    await expect.poll(() => creates().length, { timeout: 5_000 }).toBe(1);
    expect(sim.blocklist()).toHaveLength(1);
  });

  it('a lost answer that cannot be re-read is unknown, not re-sent', async () => {
    faultOnCreate({ kind: 'status', status: 500, phase: 'after' });
    sim.faults.add({ method: 'GET', path: 'restrictions', kind: 'status', status: 500 });
    const outcomes = await blockExecution(deps(), request({ osTypes: ['windows'] }));
    expect(outcomes.windows).toMatchObject({
      status: 'unknown',
      message: expect.stringMatching(/Nothing was re-sent/),
    });
    expect(creates()).toHaveLength(1);
  });

  it('a token without the Blocklist permission: refused with the reason, the other OS not sent', async () => {
    const outcomes = await blockExecution(deps(SIM_TOKENS.noBlocklist), request());
    expect(outcomes.windows).toMatchObject({
      status: 'refused',
      message: expect.stringMatching(/lacks the Blocklist permission/),
    });
    expect(outcomes.macos).toMatchObject({
      status: 'not-sent',
      message: expect.stringMatching(/^Not sent: .*Blocklist permission/),
    });
    expect(outcomes.linux?.status).toBe('not-sent');
    expect(sim.requests()).toHaveLength(1);
    expect(sim.blocklist()).toEqual([]);
  });
});
