/**
 * createSimulator(): the in-process SentinelOne console. `handler` plugs into any node:http server;
 * listen() starts plain HTTP (unit tests) or HTTPS with the committed *.sentinelone.net test
 * certificate (e2e), as docs/sentinelone-api.md#routing-auth-and-storage describes.
 */
import { readFileSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { DEFAULT_ACCOUNT_ID } from './accounts-data';
import { namedTokens, type SimTokens, type TokenTable } from './auth';
import type { BlocklistItem } from './blocklist-model';
import { pickKnobs, type SimulatorOptions } from './config';
import { dispatch, type WireRequest } from './dispatch';
import type { FaultController } from './faults';
import type { FirewallRule } from './firewall-model';
import { CERTS_DIR } from './fixtures';
import type { Ioc } from './ioc-model';
import { toRecord } from './ioc-model';
import { plantBlocklist, plantFirewall, removeById } from './plant';
import type { LoggedRequest } from './request-log';
import { API_PREFIX } from './routes/api';
import { controlRoutes } from './routes/control';
import { blocklistOf, createState, firewallOf, type SimState, seedInto, storeOf } from './state';

export interface ListenOptions {
  port?: number;
  https?: boolean;
  host?: string;
}
export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface Simulator {
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  listen(opts?: ListenOptions): Promise<RunningServer>;
  readonly defaultToken: string;
  /** The token of each SIM_TOKENS user on this console: SIM_TOKENS unless the `tokens` option renames some. */
  readonly namedTokens: SimTokens;
  readonly defaultAccountId: string;
  readonly clock: { now(): number; iso(): string; set(iso: string): void; advance(ms: number): void };
  configure(knobs: Partial<SimulatorOptions>): void;
  readonly faults: FaultController;
  readonly tokens: TokenTable;
  requests(): LoggedRequest[];
  clearRequests(): void;
  /** Calls `listener` with every request as it arrived, unredacted; returns the unsubscribe. */
  onWire(listener: (request: WireRequest) => void): () => void;
  iocs(accountId?: string): Ioc[];
  seed(opts: { count: number; seed?: number; accountId?: string }): void;
  putIocs(accountId: string, iocs: Ioc[]): void;
  /** The account's Blocklist items (copies), in creation order. */
  blocklist(accountId?: string): BlocklistItem[];
  /** The account's Firewall Control rules (copies), in creation order. */
  firewallRules(accountId?: string): FirewallRule[];
  /**
   * Adds (or, for an existing id, replaces) Blocklist items as another console user would; defaults
   * fill what is not given (plant.ts). Returns the items as stored.
   */
  putBlocklist(items: Array<Partial<BlocklistItem>>, accountId?: string): BlocklistItem[];
  removeBlocklist(ids: string[], accountId?: string): number;
  putFirewallRules(rules: Array<Partial<FirewallRule>>, accountId?: string): FirewallRule[];
  removeFirewallRules(ids: string[], accountId?: string): number;
  reset(): void;
}

/** Host hint for the HTTPS console: any *.sentinelone.net name mapped to 127.0.0.1 works. */
export const CONSOLE_HOST = 'usea1-sim.sentinelone.net';

/**
 * Starts `handler` on a port: plain HTTP, or HTTPS with the committed *.sentinelone.net certificate.
 * Shared by a simulator's own listen() and by consoles.ts, which puts several behind one port.
 */
export async function serve(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  opts: ListenOptions = {},
): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const server = opts.https
    ? https.createServer(
        {
          cert: readFileSync(path.join(CERTS_DIR, 'sim.crt')),
          key: readFileSync(path.join(CERTS_DIR, 'sim.key')),
        },
        handler,
      )
    : http.createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${opts.https ? 'https' : 'http'}://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const tokens = namedTokens(options.tokens);
  let state: SimState = createState(options);
  // Outside the state, so that reset() keeps the observers.
  const wireListeners = new Set<(request: WireRequest) => void>();
  const onWire = (request: WireRequest) => {
    for (const listener of wireListeners) listener(request);
  };
  const origins: Array<{ url: string; https: boolean; port: number }> = [];
  const api = {
    requests: (since?: number) => state.log.list(since),
    clearRequests: () => state.log.clear(),
    reset: () => {
      state = createState(options);
    },
    seed: (opts: { count: number; seed?: number; accountId?: string }) => seedInto(state, opts),
    configure: (knobs: Partial<SimulatorOptions>) => {
      state.knobs = { ...state.knobs, ...pickKnobs(knobs) };
    },
    iocs: (accountId = DEFAULT_ACCOUNT_ID) =>
      structuredClone(
        storeOf(state, accountId)
          .all()
          .map((r) => r.ioc),
      ),
    blocklist: (accountId = DEFAULT_ACCOUNT_ID) => structuredClone(blocklistOf(state, accountId)),
    firewallRules: (accountId = DEFAULT_ACCOUNT_ID) => structuredClone(firewallOf(state, accountId)),
    putBlocklist: (items: Array<Partial<BlocklistItem>>, accountId = DEFAULT_ACCOUNT_ID) =>
      plantBlocklist(state, accountId, items),
    removeBlocklist: (ids: string[], accountId = DEFAULT_ACCOUNT_ID) =>
      removeById(blocklistOf(state, accountId), ids),
    putFirewallRules: (rules: Array<Partial<FirewallRule>>, accountId = DEFAULT_ACCOUNT_ID) =>
      plantFirewall(state, accountId, rules),
    removeFirewallRules: (ids: string[], accountId = DEFAULT_ACCOUNT_ID) =>
      removeById(firewallOf(state, accountId), ids),
    info: () => ({
      urls: origins.map((o) => o.url),
      consoleUrls: origins.filter((o) => o.https).map((o) => `https://${CONSOLE_HOST}:${o.port}`),
      hint: `Map ${CONSOLE_HOST} (any *.sentinelone.net) to 127.0.0.1, e.g. --host-resolver-rules or /etc/hosts.`,
      apiPath: API_PREFIX,
      defaultToken: tokens.default,
      tokens,
      defaultAccountId: DEFAULT_ACCOUNT_ID,
      now: state.clock.iso(),
    }),
  };
  const control = controlRoutes(api);
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    dispatch(state, control, req, res, onWire).catch((e: unknown) => {
      console.error('simulator: request failed', e);
      if (!res.headersSent) res.writeHead(500).end();
    });
  };

  return {
    handler,
    async listen(opts = {}) {
      const server = await serve(handler, opts);
      const origin = { url: server.url, https: Boolean(opts.https), port: server.port };
      origins.push(origin);
      return {
        ...server,
        close: () => {
          origins.splice(origins.indexOf(origin), 1);
          return server.close();
        },
      };
    },
    defaultToken: tokens.default,
    namedTokens: tokens,
    defaultAccountId: DEFAULT_ACCOUNT_ID,
    clock: {
      now: () => state.clock.now(),
      iso: () => state.clock.iso(),
      set: (iso) => state.clock.set(iso),
      advance: (ms) => state.clock.advance(ms),
    },
    configure: api.configure,
    get faults() {
      return state.faults;
    },
    get tokens() {
      return state.tokens;
    },
    requests: () => state.log.list(),
    clearRequests: api.clearRequests,
    onWire(listener) {
      wireListeners.add(listener);
      return () => wireListeners.delete(listener);
    },
    iocs: api.iocs,
    seed: api.seed,
    putIocs(accountId, iocs) {
      storeOf(state, accountId).insert(iocs.map((ioc) => toRecord(structuredClone(ioc))));
    },
    blocklist: api.blocklist,
    firewallRules: api.firewallRules,
    putBlocklist: api.putBlocklist,
    removeBlocklist: api.removeBlocklist,
    putFirewallRules: api.putFirewallRules,
    removeFirewallRules: api.removeFirewallRules,
    reset: api.reset,
  };
}
