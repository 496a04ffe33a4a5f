/**
 * The sync engine reads the scope's TI user-config with each sync and publishes it as the status's
 * `fire` field (lib/sync/fire-status.ts), beside the IOC list and without ever failing the sync.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FIRE_EXCLUDED_CAP, type FireStatus } from '../../../lib/sync/fire-status';
import { accountKeyOf } from '../../../lib/sync/sync-engine';
import { createSimulator, SIM_TOKENS } from '../../simulator';
import type { UserConfigKnob } from '../../simulator/user-config-model';
import { createSyncHarness } from './harness';

const sim = createSimulator({ iocs: 120 });
let origin = '';
let close: () => Promise<void>;

beforeAll(async () => {
  const server = await sim.listen();
  origin = server.url;
  close = server.close;
});
afterAll(() => close());
beforeEach(() => sim.reset());

const NO_CONFIG_VIEW = 'sim-token-no-config-view';
const connection = () => ({
  consoleUrl: origin,
  apiToken: sim.defaultToken,
  accountId: sim.defaultAccountId,
  accountName: '',
  creatorEmail: '',
  tagPrefix: '',
});
const key = () => accountKeyOf(connection());
const configure = (knob: UserConfigKnob) => sim.configure({ userConfigs: { [sim.defaultAccountId]: knob } });
const many = (n: number) => Array.from({ length: n }, (_, i) => `bad${i}.example`);
const userConfigGets = () =>
  sim.requests().filter((r) => r.path.endsWith('/threat-intelligence/user-config'));

type HarnessOptions = NonNullable<Parameters<typeof createSyncHarness>[3]>;
interface HarnessArgs {
  overrides?: Parameters<typeof createSyncHarness>[2];
  wrapClient?: HarnessOptions['wrapClient'];
}

type Known = Omit<Extract<FireStatus, { state: 'known' }>, 'accountKey'>;
type Unknown = Omit<Extract<FireStatus, { state: 'unknown' }>, 'accountKey' | 'message'>;

describe('the fire field a sync publishes', () => {
  it.each<[string, (() => HarnessArgs) | (() => void), Known | Unknown]>([
    [
      'a scope without a config: the defaults (threats raised)',
      () => undefined,
      { state: 'known', disableThreat: false, excludeTii: [], excludeTiiTotal: 0, threatMinScore: null },
    ],
    [
      'threats turned off',
      () => configure({ disableThreat: true }),
      { state: 'known', disableThreat: true, excludeTii: [], excludeTiiTotal: 0, threatMinScore: 0 },
    ],
    [
      'excluded values and a minimum score',
      () => configure({ excludeTii: ['evil.example', '10.0.0.1'], threatMinScore: 40 }),
      {
        state: 'known',
        disableThreat: false,
        excludeTii: ['evil.example', '10.0.0.1'],
        excludeTiiTotal: 2,
        threatMinScore: 40,
      },
    ],
    [
      `more excluded values than the ${FIRE_EXCLUDED_CAP} kept: the first ones and the total`,
      () => configure({ excludeTii: many(FIRE_EXCLUDED_CAP + 100) }),
      {
        state: 'known',
        disableThreat: false,
        excludeTii: many(FIRE_EXCLUDED_CAP),
        excludeTiiTotal: FIRE_EXCLUDED_CAP + 100,
        threatMinScore: 0,
      },
    ],
    [
      'a token without the permission (403): unknown, forbidden',
      () => {
        sim.tokens.add(NO_CONFIG_VIEW, { label: 'noConfigView', tiConfigView: false });
        return { overrides: { connection: { ...connection(), apiToken: NO_CONFIG_VIEW } } };
      },
      { state: 'unknown', reason: 'forbidden' },
    ],
    [
      'a console without the endpoint (404, as the client reports it): unknown, not-found',
      () => ({
        wrapClient: (client) => ({
          ...client,
          getUserConfig: async () => ({ status: 'unavailable', reason: 'not-found', message: 'Not Found' }),
        }),
      }),
      { state: 'unknown', reason: 'not-found' },
    ],
    [
      'a 500 after every retry: unknown, failed',
      () => {
        sim.faults.add({ path: 'user-config', kind: 'status', status: 500, times: 1000 });
      },
      { state: 'unknown', reason: 'failed' },
    ],
    [
      'an answer that is not JSON: unknown, failed',
      () => {
        sim.faults.add({ path: 'user-config', kind: 'html', times: 1000 });
      },
      { state: 'unknown', reason: 'failed' },
    ],
  ])('%s, and the sync completes', async (_, arrange, expected) => {
    const { overrides, wrapClient }: HarnessArgs = arrange() ?? {};
    const harness = createSyncHarness(sim, origin, overrides, { wrapClient });
    expect(await harness.engine.sync('install')).toEqual({ result: 'full', count: 120 });
    expect(harness.status()).toMatchObject({ lastError: null, running: null, iocCount: 120 });
    expect(harness.fire()).toEqual({
      ...expected,
      accountKey: key(),
      ...('reason' in expected && { message: expect.any(String) }),
    });
    expect(harness.firePublishes()).toBe(1);
    if (!wrapClient) expect(userConfigGets()[0]?.query).toMatchObject({ accountIds: sim.defaultAccountId });
  });

  it('is read again by an incremental sync, which publishes what changed', async () => {
    const harness = createSyncHarness(sim, origin);
    await harness.engine.sync('install');
    expect(harness.fire()).toMatchObject({ state: 'known', disableThreat: false });
    configure({ disableThreat: true });
    expect((await harness.engine.sync('alarm')).result).toBe('incremental');
    expect(harness.fire()).toMatchObject({ state: 'known', disableThreat: true });
    expect(harness.firePublishes()).toBe(2);
    expect(userConfigGets()).toHaveLength(2);
  });

  it('keeps the last answer when a later read fails, saying unknown instead of the stale one', async () => {
    const harness = createSyncHarness(sim, origin);
    configure({ disableThreat: true });
    await harness.engine.sync('install');
    sim.faults.add({ path: 'user-config', kind: 'status', status: 503, times: 1000 });
    expect((await harness.engine.sync('alarm')).result).toBe('incremental');
    expect(harness.fire()).toMatchObject({ state: 'unknown', reason: 'failed' });
  });

  it.each([
    ['full', 'install'],
    ['incremental', 'alarm'],
  ] as const)(
    'never holds back the %s sync’s IOC list, and is published before the sync ends',
    async (kind, trigger) => {
      const listed = () =>
        sim.requests().some((r) => r.path.endsWith('/threat-intelligence/iocs') && r.status === 200);
      let answeredAfterList: boolean | null = null;
      const harness = createSyncHarness(
        sim,
        origin,
        {},
        {
          wrapClient: (client) => ({
            ...client,
            // Answers once an IOC page was served (or after a second): an engine that waited on this
            // answer before listing would have served none.
            async getUserConfig(scope) {
              for (let i = 0; i < 200 && !listed(); i++) await new Promise((r) => setTimeout(r, 5));
              answeredAfterList = listed();
              await new Promise((r) => setTimeout(r, 50));
              return client.getUserConfig(scope);
            },
          }),
        },
      );
      if (kind === 'incremental') await harness.engine.sync('install');
      configure({ disableThreat: true });
      sim.clearRequests();
      answeredAfterList = null;
      expect((await harness.engine.sync(trigger)).result).toBe(kind);
      expect(answeredAfterList).toBe(true);
      expect(harness.fire()).toMatchObject({ state: 'known', disableThreat: true });
    },
  );

  it('asks nothing when the token cannot hold the scope, and leaves the field as it was', async () => {
    const harness = createSyncHarness(sim, origin);
    configure({ disableThreat: true });
    await harness.engine.sync('install');
    sim.clearRequests();
    harness.setSettings({ connection: { ...connection(), apiToken: SIM_TOKENS.multiAccount } });
    expect((await harness.engine.sync('manual')).result).toBe('failed');
    expect(userConfigGets()).toEqual([]);
    expect(harness.firePublishes()).toBe(1);
    expect(harness.fire()).toMatchObject({ state: 'known', disableThreat: true });
  });
});
