/**
 * Everything the routes share: clock, tokens, knobs, the per-scope stores, PRNGs and the log.
 * Built from the options by createState(); Simulator.reset() builds it afresh.
 */
import { DEFAULT_ACCOUNT_ID } from './accounts-data';
import { createTokenTable, type SimUser, type TokenTable } from './auth';
import { createClock, type SimClock } from './clock';
import {
  DEFAULT_KNOBS,
  DEFAULT_NOW,
  type Knobs,
  pickKnobs,
  REQUEST_LOG_CAPACITY,
  type SimulatorOptions,
} from './config';
import { type CursorCodec, createCursorCodec } from './cursor';
import { createFaultController, type FaultController } from './faults';
import { loadFixture } from './fixtures';
import type { Ioc } from './ioc-model';
import { toRecord } from './ioc-model';
import { createPrng, type Prng } from './prng';
import { createRequestLog, type RequestLog } from './request-log';
import { ScopeStore } from './scope-store';
import { generateRecords } from './seed';

export interface SimState {
  readonly options: SimulatorOptions;
  readonly seed: number;
  knobs: Knobs;
  clock: SimClock;
  tokens: TokenTable;
  faults: FaultController;
  log: RequestLog;
  cursors: CursorCodec;
  /** uuids and batchIds of written IOCs. */
  ids: Prng;
  scopes: Map<string, ScopeStore>;
  /** Real-time ms of the last answered system/status call per client address (§g: 1/s). */
  statusCalls: Map<string, number>;
  seedCalls: number;
  /** Origins the server listens on, for /__sim/info. */
  urls: string[];
}

export const FIXTURE_RESPONSE = 'threat-intelligence-iocs.POST.response.xsoar.json';

export function storeOf(state: SimState, accountId: string): ScopeStore {
  let store = state.scopes.get(accountId);
  if (!store) {
    store = new ScopeStore();
    state.scopes.set(accountId, store);
  }
  return store;
}

export function seedInto(state: SimState, opts: { count: number; seed?: number; accountId?: string }): void {
  const seed = opts.seed ?? state.seed * 7919 + ++state.seedCalls;
  const scopeId = opts.accountId ?? DEFAULT_ACCOUNT_ID;
  storeOf(state, scopeId).insert(
    generateRecords({ count: opts.count, seed, scopeId, now: state.clock.now() }),
  );
}

export function createState(options: SimulatorOptions): SimState {
  const seed = options.seed ?? 1;
  const clock = createClock(options.now ?? DEFAULT_NOW);
  const state: SimState = {
    options,
    seed,
    knobs: { ...DEFAULT_KNOBS, ...pickKnobs(options) },
    clock,
    tokens: createTokenTable(clock),
    faults: createFaultController(seed ^ 0xfa17),
    log: createRequestLog(REQUEST_LOG_CAPACITY),
    cursors: createCursorCodec(`sim-cursor-secret-${seed}`),
    ids: createPrng(seed ^ 0x1d5),
    scopes: new Map(),
    statusCalls: new Map(),
    seedCalls: 0,
    urls: [],
  };
  if (options.includeFixtureIocs) {
    const { data } = loadFixture<{ data: Ioc[] }>(FIXTURE_RESPONSE);
    storeOf(state, DEFAULT_ACCOUNT_ID).insert(data.map((ioc) => toRecord(ioc)));
  }
  if (options.iocs) seedInto(state, { count: options.iocs });
  return state;
}

/** The single account a user may touch IOCs in, or null when the user spans several (§a). */
export const iocAccountOf = (user: SimUser): string | null =>
  user.accountIds.length === 1 ? (user.accountIds[0] ?? null) : null;
