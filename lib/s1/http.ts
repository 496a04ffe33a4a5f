/**
 * The transport under the SentinelOne client: one ofetch instance per connection, a deadline on every request
 * (headers and body), JSON parsing that tells a login page from an API answer, and the retry policy of
 * docs/sentinelone-api.md#retry-policy: reads retry transient failures with back-off; writes retry only a
 * 429, because after a 5xx, a timeout or a reset the write may have committed. Every request passes the
 * connection's rate gate (rate-gate.ts), which slows the whole client down when the console answers 429;
 * a read it refused is asked again for as long as the console keeps refusing, up to a quarter of an hour.
 *
 * The token goes to the console's origin and nowhere else: a redirect is never followed (the
 * browser would forward the body, and a same-origin hop the token too, to a host nobody chose), and
 * an origin the browser has not granted the extension is refused before anything is sent.
 */
import { ofetch } from 'ofetch';
import type { z } from 'zod';
import { errorText } from '../text/error-text';
import { errorFromResponse, isTransient, parseRetryAfter, S1Error, type S1Feature } from './errors';
import { createRateGate } from './rate-gate';

export const API_PATH = '/web/api/v2.1/';

export interface S1HttpOptions {
  /** Console origin, e.g. https://usea1-acme.sentinelone.net */
  origin: string;
  apiToken: string;
  timeoutMs?: number;
  /** Attempts for a request that may be retried (1 = no retry); a read refused with 429 is not counted. */
  maxAttempts?: number;
  /** Requests in flight at most; the rate gate lowers it while the console answers 429. */
  maxInFlight?: number;
  /** How long the gate may hold one read the console keeps refusing with 429 before it fails. */
  rateLimitPatienceMs?: number;
  /** Told true when the console starts limiting the rate, false once the client is back to full speed. */
  onSlowDown?: (slowed: boolean) => void;
  /** Injected in tests so back-off takes no wall time. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  onRetry?: (info: { path: string; attempt: number; delayMs: number; error: S1Error }) => void;
  /**
   * Whether the extension may talk to `origin` at all (the worker asks the browser's permissions);
   * asked before the first request and remembered once yes. Without it every origin is allowed.
   */
  originAllowed?: (origin: string) => Promise<boolean>;
}

export type QueryValue = string | number | boolean | readonly string[] | undefined;

export interface S1Request<T extends z.ZodType> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** Which console feature the call uses, so a 403 names the permission it lacks; Threat Intelligence by default. */
  feature?: S1Feature;
  query?: Record<string, QueryValue>;
  body?: unknown;
  schema: T;
  /** A quicker check that says yes only to bodies `schema` accepts unchanged; zod then is skipped. */
  fastCheck?: (body: unknown) => boolean;
  /** Index of the first item of this batch in the caller's list, for bad-item reporting. */
  batchOffset?: number;
}

const MAX_BACKOFF_MS = 8_000;
const MAX_RETRY_AFTER_MS = 60_000;
/** A console that refuses for longer than this is not slowing the sync down but stopping it. */
export const RATE_LIMIT_PATIENCE_MS = 15 * 60_000;
/** The full sync's seven cursors, one per IOC type, at once when the console allows. */
const DEFAULT_MAX_IN_FLIGHT = 7;

/** The API takes lists comma-joined (`accountIds=1,2`), not as repeated keys. */
export function toQueryParams(query: Record<string, QueryValue> = {}): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params[key] = value.join(',');
    } else {
      params[key] = String(value);
    }
  }
  return params;
}

/** Exponential back-off with jitter, or the server's Retry-After when it gave one. */
export function backoffDelay(attempt: number, error: S1Error, random: () => number): number {
  if (error.retryAfterSeconds !== undefined)
    return Math.min(error.retryAfterSeconds * 1000, MAX_RETRY_AFTER_MS);
  const ceiling = Math.min(MAX_BACKOFF_MS, 500 * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export function createS1Http(options: S1HttpOptions) {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxAttempts = options.maxAttempts ?? 4;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const patienceMs = options.rateLimitPatienceMs ?? RATE_LIMIT_PATIENCE_MS;
  const gate = createRateGate({
    maxInFlight: options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT,
    sleep,
    random,
    onSlowDown: options.onSlowDown,
  });
  const api = ofetch.create({
    baseURL: new URL(API_PATH, options.origin).href,
    headers: { Authorization: `ApiToken ${options.apiToken}`, Accept: 'application/json' },
    retry: 0,
    ignoreResponseError: true,
    responseType: 'text',
    redirect: 'manual',
  });
  let granted = options.originAllowed === undefined;

  async function checkOrigin(): Promise<void> {
    if (granted) return;
    granted = await (options.originAllowed as NonNullable<S1HttpOptions['originAllowed']>)(options.origin);
    if (!granted) throw notGranted(options.origin);
  }

  async function once<T extends z.ZodType>(req: S1Request<T>): Promise<z.infer<T>> {
    await checkOrigin();
    // Our own deadline rather than ofetch's `timeout`: ofetch clears its timer when the headers
    // arrive, so a body that stalls after them would hang for ever.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let status: number;
    let text: string;
    let retryAfter: string | null;
    let contentType: string;
    try {
      const response = await api.raw<string>(req.path, {
        method: req.method,
        query: toQueryParams(req.query),
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        headers: req.body === undefined ? undefined : { 'Content-Type': 'application/json' },
        signal: controller.signal,
      });
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400))
        throw redirected(options.origin, response.status, response.headers.get('location'), response.url);
      status = response.status;
      text = typeof response._data === 'string' ? response._data : '';
      retryAfter = response.headers.get('retry-after');
      contentType = response.headers.get('content-type') ?? '';
    } catch (cause) {
      if (cause instanceof S1Error) throw cause;
      throw controller.signal.aborted
        ? new S1Error('timeout', `SentinelOne did not answer within ${timeoutMs / 1000} s.`, { cause })
        : new S1Error(
            'network',
            `Could not reach ${options.origin}: ${networkReason(cause)}. Check the console URL and the network.`,
            { cause },
          );
    } finally {
      clearTimeout(timer);
    }
    const body = parseJson(text);
    if (body === undefined && /json/i.test(contentType) && status < 500) {
      throw new S1Error('truncated', `SentinelOne sent a cut-off or malformed answer (HTTP ${status}).`, {
        status,
      });
    }
    if (status < 200 || status >= 300) {
      if (body === undefined && status < 500 && status !== 429) throw notJson(options.origin, status);
      throw errorFromResponse(status, body, {
        origin: options.origin,
        retryAfterSeconds: parseRetryAfter(retryAfter),
        batchOffset: req.batchOffset,
        feature: req.feature,
      });
    }
    if (body === undefined) throw notJson(options.origin, status);
    if (req.fastCheck?.(body)) return body as z.infer<T>;
    const parsed = req.schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new S1Error(
        'unexpected-shape',
        `SentinelOne answered ${req.method} ${req.path} with data the extension does not understand (${issue?.path.join('.') || 'body'}: ${issue?.message}).`,
        { status },
      );
    }
    return parsed.data;
  }

  /**
   * Sends a request through the gate under the retry policy of its method. A 429 is waited out by the
   * gate's hold; other retried failures by their own back-off, which holds only this request.
   */
  async function request<T extends z.ZodType>(req: S1Request<T>): Promise<z.infer<T>> {
    let failures = 0;
    let refusals = 0;
    // The gate's held time when the console first refused this request.
    let firstRefusedAt: number | undefined;
    for (;;) {
      const ticket = await gate.acquire();
      let error: unknown;
      try {
        const answer = await once(req);
        gate.succeeded(ticket);
        return answer;
      } catch (caught) {
        error = caught;
      }
      if (error instanceof S1Error && error.kind === 'rate-limited') {
        firstRefusedAt ??= gate.heldMs();
        const retryAfterMs =
          error.retryAfterSeconds === undefined ? undefined : error.retryAfterSeconds * 1000;
        gate.refused(ticket, retryAfterMs);
        refusals++;
        const patient =
          req.method === 'GET' ? gate.heldMs() - firstRefusedAt <= patienceMs : refusals < maxAttempts;
        if (!patient) throw error;
        options.onRetry?.({ path: req.path, attempt: refusals, delayMs: 0, error });
        continue;
      }
      gate.released();
      failures++;
      if (!(error instanceof S1Error) || failures >= maxAttempts || !mayRetry(req.method, error)) throw error;
      const delayMs = backoffDelay(failures, error, random);
      options.onRetry?.({ path: req.path, attempt: failures, delayMs, error });
      await sleep(delayMs);
    }
  }

  return { request, origin: options.origin };
}

export type S1Http = ReturnType<typeof createS1Http>;

/**
 * Reads retry every transient failure; a write (POST, PUT, DELETE) only one the server refused before
 * doing anything.
 */
export function mayRetry(method: S1Request<z.ZodType>['method'], error: S1Error): boolean {
  return method === 'GET' ? isTransient(error) : error.kind === 'rate-limited';
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function notJson(origin: string, status: number): S1Error {
  return new S1Error(
    'not-json',
    `${origin} answered (HTTP ${status}) with a page that is not the SentinelOne API, such as a login or proxy page. Check the console URL.`,
    { status },
  );
}

/**
 * A 3xx, or the opaque answer a browser gives for one under `redirect: 'manual'` (status 0, no
 * headers): the target is named when the runtime shows it (Node does, a browser does not).
 */
function redirected(origin: string, status: number, location: string | null, url: string): S1Error {
  let target = '';
  if (location) {
    try {
      target = new URL(location, url || origin).href;
    } catch {
      target = location;
    }
  }
  const what = status > 0 ? `HTTP ${status}${target ? ` to ${target}` : ''}` : target ? `to ${target}` : '';
  return new S1Error(
    'redirected',
    `${origin} answered with a redirect${what ? ` (${what})` : ''}; the extension never follows one, so that the token and your data go only to the console. Check the console URL.`,
    status > 0 ? { status } : {},
  );
}

function notGranted(origin: string): S1Error {
  return new S1Error(
    'origin-not-granted',
    `The extension has not been allowed to reach ${origin}, so nothing was sent there. Save the console in Settings and allow it when the browser asks.`,
  );
}

function networkReason(cause: unknown): string {
  const inner = cause instanceof Error && cause.cause instanceof Error ? cause.cause : cause;
  const text = errorText(inner);
  // ofetch prefixes "[GET] "<url>": "; the URL is already in our message.
  return text.replace(/^\[\w+\] "[^"]*":\s*/, '') || 'connection failed';
}
