/**
 * One request from bytes to reply: route match, auth, fault injection
 * (docs/sentinelone-api.md#fault-injection), logging.
 * Faults apply to API routes only; control routes under /__sim/ are never faulted or delayed.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { authenticate, readAuthHeader } from './auth';
import {
  authFailed,
  gatewayPage,
  internalError,
  loginPage,
  notFound,
  type Reply,
  tooManyRequests,
  validationError,
} from './errors';
import type { ActiveFault } from './faults';
import { parseJson, readBody, replyText, send, sendSlowly, sleep } from './http-io';
import { rateLimiterOf } from './rate-limit';
import { redirectReply } from './redirects';
import { redact } from './request-log';
import { API_ROUTES, matchRoute } from './routes/api';
import { BAD_JSON, type Route, type RouteContext } from './routes/context';
import type { SimState } from './state';

const TERMINAL = new Set(['status', 'reset', 'malformed', 'html']);

function faultReply(fault: ActiveFault): Reply {
  if (fault.status === 429) return tooManyRequests(fault.retryAfter);
  if (fault.status === 502 || fault.status === 503) return gatewayPage(fault.status);
  return internalError();
}

function queryObject(q: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(q.keys())) {
    const all = q.getAll(key);
    out[key] = all.length === 1 ? (all[0] as string) : all;
  }
  return out;
}

function run(route: Route | null, ctx: RouteContext, path: string): Reply {
  if (!route) return notFound(`No route for ${ctx.method} ${path}`);
  if (route.auth && !ctx.user) return authFailed();
  if (ctx.method !== 'GET' && ctx.body === BAD_JSON) {
    return validationError('Request body is not valid JSON.');
  }
  return route.handler(ctx);
}

/**
 * A request exactly as it arrived, secrets included: for observers that check where a token went
 * (tests/e2e/pages/secret-scan.ts). Never stored; the request log keeps the redacted form.
 */
export interface WireRequest {
  method: string;
  /** The request target as sent: path and query. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export async function dispatch(
  state: SimState,
  controlRoutes: readonly Route[],
  req: IncomingMessage,
  res: ServerResponse,
  onWire?: (request: WireRequest) => void,
): Promise<void> {
  const time = state.clock.iso();
  const method = (req.method ?? 'GET').toUpperCase();
  const url = new URL(req.url ?? '/', 'http://sim.invalid');
  const path = url.pathname;
  const raw = await readBody(req);
  onWire?.({ method, url: req.url ?? '/', headers: req.headers, body: raw });
  const body = parseJson(raw);
  const authHeader = readAuthHeader(req.headers);
  const user = authenticate(state.tokens, state.clock, authHeader);
  const isControl = path.startsWith('/__sim/');
  const matched = matchRoute(isControl ? controlRoutes : API_ROUTES, method, path);
  const ctx: RouteContext = {
    state,
    method,
    path,
    params: matched?.params ?? [],
    query: url.searchParams,
    body,
    user,
    remote: req.socket.remoteAddress ?? 'unknown',
  };

  const rateLimit = isControl ? null : state.knobs.rateLimit;
  const arrivedMs = Date.now();
  // Counted on arrival, as a gateway would; a refused request is not processed, so no fault applies.
  const limited = rateLimiterOf(state).admit(rateLimit, path, req.headers.authorization ?? '');
  let fault: ActiveFault | null = null;
  if (!isControl) {
    await sleep(state.faults.delay(state.knobs.latencyMs, state.knobs.jitterMs));
    if (!limited) fault = state.faults.match(method, path);
    if (fault?.kind === 'latency') await sleep(state.faults.delay(fault.latencyMs, fault.jitterMs));
  }

  let status: number | null;
  const commits = fault?.phase === 'after' || method === 'GET';
  const redirect = isControl ? null : redirectReply(state.knobs.redirects, method, req.url ?? '/', path);
  if (redirect) {
    send(res, redirect);
    status = redirect.status;
  } else if (limited) {
    send(res, limited);
    status = limited.status;
  } else if (fault && TERMINAL.has(fault.kind)) {
    const reply = commits ? run(matched?.route ?? null, ctx, path) : null;
    if (fault.kind === 'reset') {
      req.socket.destroy();
      status = null;
    } else if (fault.kind === 'malformed') {
      const text = reply ? replyText(reply).text : '{"data":[{"batchId":"';
      send(res, { status: 200, body: null }, text.slice(0, Math.max(1, Math.floor(text.length / 2))));
      status = 200;
    } else {
      const out = fault.kind === 'html' ? loginPage() : faultReply(fault);
      send(res, out);
      status = out.status;
    }
  } else {
    const reply = run(matched?.route ?? null, ctx, path);
    status = reply.status;
    if (fault?.kind === 'slowBody') await sendSlowly(res, reply, fault.latencyMs ?? 5000);
    else send(res, reply);
  }

  const labels: Array<[string, string]> = state.tokens
    .tokens()
    .map((t): [string, string] => [t, state.tokens.get(t)?.label ?? 'token']);
  if (authHeader?.token) labels.push([authHeader.token, user?.label ?? 'unknown']);
  state.log.add({
    time,
    method,
    path,
    query: redact(queryObject(url.searchParams), labels) as Record<string, string | string[]>,
    ...(state.knobs.logBodies ? { body: redact(body === BAD_JSON ? raw : (body ?? null), labels) } : {}),
    auth: authHeader ? { scheme: authHeader.scheme, token: `REDACTED:${user?.label ?? 'unknown'}` } : null,
    status,
    ...(fault ? { fault: fault.kind === 'status' ? `status:${fault.status}` : fault.kind } : {}),
    ...(limited ? { fault: 'rate-limit' } : {}),
    ...(rateLimit ? { wallMs: arrivedMs } : {}),
  });
}
