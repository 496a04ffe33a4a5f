/**
 * Control routes under /__sim/ (no auth, JSON) so Playwright tests can steer and observe the
 * simulator like Vitest does in-process (docs/sentinelone-api.md#determinism-seed-data-and-observation).
 */
import type { SimUser } from '../auth';
import type { BlocklistItem } from '../blocklist-model';
import type { Knobs } from '../config';
import { type Reply, validationError } from '../errors';
import type { FaultRule } from '../faults';
import type { FirewallRule } from '../firewall-model';
import type { Ioc } from '../ioc-model';
import type { LoggedRequest } from '../request-log';
import { objectBody, type Route, type RouteContext } from './context';

/** The part of the Simulator the control routes drive. */
export interface ControlApi {
  requests(since?: number): LoggedRequest[];
  clearRequests(): void;
  reset(): void;
  seed(opts: { count: number; seed?: number; accountId?: string }): void;
  configure(knobs: Partial<Knobs>): void;
  iocs(accountId?: string): Ioc[];
  blocklist(accountId?: string): BlocklistItem[];
  firewallRules(accountId?: string): FirewallRule[];
  putBlocklist(items: Array<Partial<BlocklistItem>>, accountId?: string): BlocklistItem[];
  removeBlocklist(ids: string[], accountId?: string): number;
  putFirewallRules(rules: Array<Partial<FirewallRule>>, accountId?: string): FirewallRule[];
  removeFirewallRules(ids: string[], accountId?: string): number;
  info(): Record<string, unknown>;
}

const ok = (data: unknown): Reply => ({ status: 200, body: { data } });

const accountOf = (ctx: RouteContext, body: Record<string, unknown>): string | undefined =>
  typeof body.accountId === 'string' ? body.accountId : (ctx.query.get('accountId') ?? undefined);

function listIn(body: Record<string, unknown>, name: string): unknown[] {
  const v = body[name];
  if (!Array.isArray(v)) throw new Error(`${name}: Not a valid list.`);
  return v;
}

function guarded(fn: (ctx: RouteContext, body: Record<string, unknown>) => Reply) {
  return (ctx: RouteContext): Reply => {
    try {
      return fn(ctx, objectBody(ctx) ?? {});
    } catch (e) {
      return validationError(e instanceof Error ? e.message : String(e));
    }
  };
}

export function controlRoutes(api: ControlApi): Route[] {
  type ControlHandler = (ctx: RouteContext, body: Record<string, unknown>) => Reply;
  const route = (method: string, name: string, handler: ControlHandler): Route => ({
    method,
    pattern: new RegExp(`^/__sim/${name}/?$`),
    auth: false,
    handler: guarded(handler),
  });
  return [
    route('GET', 'requests', (ctx) => ok(api.requests(Number(ctx.query.get('since') ?? 0)))),
    route('DELETE', 'requests', () => {
      api.clearRequests();
      return ok({ cleared: true });
    }),
    route('POST', 'reset', () => {
      api.reset();
      return ok({ reset: true });
    }),
    route('GET', 'faults', (ctx) => ok(ctx.state.faults.list())),
    route('POST', 'faults', (ctx, body) => ok({ id: ctx.state.faults.add(body as unknown as FaultRule) })),
    route('DELETE', 'faults', (ctx) => {
      const id = ctx.query.get('id');
      if (id) return ok({ removed: ctx.state.faults.remove(id) });
      ctx.state.faults.clear();
      return ok({ cleared: true });
    }),
    route('POST', 'seed', (_ctx, body) => {
      const count = Number(body.count);
      if (!Number.isInteger(count) || count < 0) throw new Error('count: Must be a non-negative integer.');
      const accountId = typeof body.accountId === 'string' ? body.accountId : undefined;
      api.seed({ count, seed: typeof body.seed === 'number' ? body.seed : undefined, accountId });
      return ok({ total: api.iocs(accountId).length });
    }),
    route('POST', 'clock', (ctx, body) => {
      if (typeof body.set === 'string') ctx.state.clock.set(body.set);
      if (typeof body.advanceMs === 'number') ctx.state.clock.advance(body.advanceMs);
      return ok({ now: ctx.state.clock.iso() });
    }),
    route('POST', 'config', (ctx, body) => {
      api.configure(body as Partial<Knobs>);
      return ok(ctx.state.knobs);
    }),
    route('POST', 'tokens', (ctx, body) => {
      const token = body.token;
      if (typeof token !== 'string' || !token) throw new Error('token: Missing data for required field.');
      const tokens = ctx.state.tokens;
      if (body.remove === true) tokens.remove(token);
      else {
        if (body.user || !tokens.get(token)) tokens.add(token, (body.user ?? {}) as Partial<SimUser>);
        if (body.expire === true) tokens.expire(token);
        if (typeof body.expiresAt === 'string') tokens.setExpiresAt(token, body.expiresAt);
      }
      return ok({ token: 'REDACTED', known: Boolean(tokens.get(token)) });
    }),
    route('GET', 'iocs', (ctx) => ok(api.iocs(ctx.query.get('accountId') ?? undefined))),
    route('GET', 'info', () => ok(api.info())),
    // The Blocklist and Firewall Control as another console user sees and changes them.
    route('GET', 'blocklist', (ctx) => ok(api.blocklist(ctx.query.get('accountId') ?? undefined))),
    route('POST', 'blocklist', (ctx, body) =>
      ok(api.putBlocklist(listIn(body, 'items') as Array<Partial<BlocklistItem>>, accountOf(ctx, body))),
    ),
    route('DELETE', 'blocklist', (ctx, body) =>
      ok({ removed: api.removeBlocklist(listIn(body, 'ids').map(String), accountOf(ctx, body)) }),
    ),
    route('GET', 'firewall', (ctx) => ok(api.firewallRules(ctx.query.get('accountId') ?? undefined))),
    route('POST', 'firewall', (ctx, body) =>
      ok(api.putFirewallRules(listIn(body, 'rules') as Array<Partial<FirewallRule>>, accountOf(ctx, body))),
    ),
    route('DELETE', 'firewall', (ctx, body) =>
      ok({ removed: api.removeFirewallRules(listIn(body, 'ids').map(String), accountOf(ctx, body)) }),
    ),
  ];
}
