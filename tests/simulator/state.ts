/**
 * Everything the routes share: clock, tokens, knobs, the per-scope stores, PRNGs and the log.
 * Built from the options by createState(); Simulator.reset() builds it afresh.
 */
import { DEFAULT_ACCOUNT_ID } from './accounts-data';
import { createTokenTable, namedTokens, type SimUser, type TokenTable } from './auth';
import type { BlocklistItem } from './blocklist-model';
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
import type { FirewallRule } from './firewall-model';
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
  /** Numeric ids of Blocklist items and Firewall Control rules (their own PRNG: IOC uuids stay put). */
  blockIds: Prng;
  /** Blocklist items per account id, in creation order. */
  blocklists: Map<string, BlocklistItem[]>;
  /** Firewall Control rules per account id, in creation order. */
  firewallRules: Map<string, FirewallRule[]>;
  /**
   * Real-time ms of the last answered system/status call per client address (one call a second,
   * docs/sentinelone-api.md#other-endpoints).
   */
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

/** The Blocklist of one account (a live array: routes mutate it). */
export function blocklistOf(state: SimState, accountId: string): BlocklistItem[] {
  let list = state.blocklists.get(accountId);
  if (!list) {
    list = [];
    state.blocklists.set(accountId, list);
  }
  return list;
}

/** The Firewall Control rules of one account (a live array: routes mutate it). */
export function firewallOf(state: SimState, accountId: string): FirewallRule[] {
  let list = state.firewallRules.get(accountId);
  if (!list) {
    list = [];
    state.firewallRules.set(accountId, list);
  }
  return list;
}

/** A new 19-digit numeric id, unique across the Blocklist and Firewall Control of every account. */
export function newBlockId(state: SimState): string {
  const taken = new Set<string>();
  for (const list of state.blocklists.values()) for (const i of list) taken.add(i.id);
  for (const list of state.firewallRules.values()) for (const r of list) taken.add(r.id);
  for (;;) {
    let id = String(1 + state.blockIds.int(9));
    while (id.length < 19) id += String(state.blockIds.int(10));
    if (!taken.has(id)) return id;
  }
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
    tokens: createTokenTable(clock, namedTokens(options.tokens)),
    faults: createFaultController(seed ^ 0xfa17),
    log: createRequestLog(REQUEST_LOG_CAPACITY),
    cursors: createCursorCodec(`sim-cursor-secret-${seed}`),
    ids: createPrng(seed ^ 0x1d5),
    scopes: new Map(),
    blockIds: createPrng(seed ^ 0xb10c),
    blocklists: new Map(),
    firewallRules: new Map(),
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

/**
 * The single account a user may touch IOCs in, or null when the user spans several
 * (docs/sentinelone-api.md#base-path-and-authentication).
 */
export const iocAccountOf = (user: SimUser): string | null =>
  user.accountIds.length === 1 ? (user.accountIds[0] ?? null) : null;
