/**
 * The one error type of the SentinelOne client, and the mapping from HTTP answers to human messages
 * (docs/sentinelone-api.md#errors-and-retries). Class identity does not survive extension messaging, so
 * callers branch on `kind`, an own enumerable property that the messaging layer copies across.
 */
import { ErrorBodySchema } from './schemas';

export type S1ErrorKind =
  | 'token-invalid' // 401
  | 'multi-scope-token' // 403 / 4030010
  | 'forbidden' // other 403: missing Threat Intelligence (or, on restrictions, Blocklist) permission
  | 'firewall-unavailable' // any other 403 on firewall-control: no Control SKU or no Firewall permission
  | 'already-exists' // 400 / 4000030: the hash is already on the Blocklist
  | 'bad-request' // 400 (validation, bad items, ids)
  | 'invalid-cursor' // 400 / 4000010 "Invalid cursor value received"
  | 'not-found' // 404: not a SentinelOne console, or a wrong path
  | 'rate-limited' // 429
  | 'server' // 5xx
  | 'timeout'
  | 'network'
  | 'not-json' // a login page or a proxy page where the API should be
  | 'redirected' // a 3xx: never followed, so that the token and the data go to the console only
  | 'origin-not-granted' // the browser has not granted the extension this origin: nothing is sent
  | 'truncated' // JSON announced but cut off or malformed
  | 'unexpected-shape'; // JSON that our schemas reject

/** One IOC of a POST that the console refused, with its index in the caller's list. */
export interface BadItem {
  index: number;
  field: string;
  message: string;
}

export interface S1ErrorDetails {
  status?: number;
  code?: number;
  retryAfterSeconds?: number;
  badItems?: BadItem[];
  cause?: unknown;
}

export class S1Error extends Error {
  override name = 'S1Error';
  readonly kind: S1ErrorKind;
  readonly status?: number;
  readonly code?: number;
  readonly retryAfterSeconds?: number;
  readonly badItems?: BadItem[];
  /** For a multi-batch write: how many items earlier batches had committed before this failure. */
  committed?: number;

  constructor(kind: S1ErrorKind, message: string, details: S1ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.status = details.status;
    this.code = details.code;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.badItems = details.badItems;
  }
}

/** Which failures a read may simply ask again for (docs/sentinelone-api.md#retry-policy). */
export function isTransient(error: S1Error): boolean {
  return ['rate-limited', 'server', 'timeout', 'network', 'truncated'].includes(error.kind);
}

/**
 * The console lists the refused items of a POST inside one string `detail`, in its
 * `<field>: <n>: <message>` style: `data: 2: value: Not a valid IPV4 value: '300.1.1.1'; data: 4: ...`
 * (exact text UNCONFIRMED, docs/sentinelone-api.md#batch-size-refused-items-and-limits). `offset` maps a
 * batch index back to the caller's list.
 */
export function parseBadItems(detail: string, offset = 0): BadItem[] {
  const items: BadItem[] = [];
  for (const part of detail.split(/;\s*(?=data:\s*\d+:)/)) {
    const match = /^\s*data:\s*(\d+):\s*([\w.]+):\s*([\s\S]*)$/.exec(part);
    if (match?.[1] && match[2] && match[3] !== undefined) {
      items.push({ index: Number(match[1]) + offset, field: match[2], message: match[3].trim() });
    }
  }
  return items;
}

/** Seconds from a `Retry-After` header given as seconds; HTTP dates and junk are ignored. */
export function parseRetryAfter(header: string | null): number | undefined {
  if (header === null || !/^\s*\d+(\.\d+)?\s*$/.test(header)) return undefined;
  return Number(header);
}

const first = (body: unknown) => {
  const parsed = ErrorBodySchema.safeParse(body);
  return parsed.success ? parsed.data.errors[0] : undefined;
};

/**
 * The console feature a request belongs to, so that a 403 names the permission it lacks: the Blocklist
 * (`restrictions`) and Firewall Control have permissions, and a licence, of their own.
 */
export type S1Feature = 'ti' | 'blocklist' | 'firewall';

/** The 403 of each feature but Threat Intelligence, whose message is below and unchanged. */
function forbiddenFor(feature: S1Feature, said: string, details: S1ErrorDetails): S1Error | null {
  const http = `HTTP 403${said ? `: ${said}` : ''}`;
  if (feature === 'blocklist') {
    // The console calls the feature "Blocklist"; the API and its role permissions still say "Blacklist".
    return new S1Error(
      'forbidden',
      `The token's user lacks the Blocklist permission for this (${http}). It needs Blacklist.view to list the Blocklist, Blacklist.create to block a hash and Blacklist.delete to unblock one (the console names the feature "Blocklist", the API "Blacklist").`,
      details,
    );
  }
  if (feature === 'firewall') {
    return new S1Error(
      'firewall-unavailable',
      `Firewall Control is not available to this token: the console needs the Control SKU and the user Firewall Control permissions (${http}).`,
      details,
    );
  }
  return null;
}

/** Turns a non-2xx answer into an S1Error with a message an analyst can act on. */
export function errorFromResponse(
  status: number,
  body: unknown,
  context: { origin: string; retryAfterSeconds?: number; batchOffset?: number; feature?: S1Feature },
): S1Error {
  const err = first(body);
  const code = err?.code ?? undefined;
  const said = [err?.title, err?.detail].filter(Boolean).join(': ');
  const details = { status, code, retryAfterSeconds: context.retryAfterSeconds };
  if (status === 401) {
    return new S1Error(
      'token-invalid',
      'The API token is invalid or has expired (HTTP 401). Create a new token in the SentinelOne console and enter it in Settings.',
      details,
    );
  }
  if (status === 403 && code === 4030010) {
    return new S1Error(
      'multi-scope-token',
      'This token spans several accounts: create one at account or site scope (HTTP 403, code 4030010).',
      details,
    );
  }
  if (status === 403) {
    const other = forbiddenFor(context.feature ?? 'ti', said, details);
    if (other) return other;
    return new S1Error(
      'forbidden',
      `The token's user lacks the Threat Intelligence permission for this (HTTP 403${said ? `: ${said}` : ''}). It needs Threat Intelligence View to list IOCs and Manage to create or delete them.`,
      details,
    );
  }
  if (status === 400 && code === 4000030) {
    // Not a failure for the analyst: what they asked for is already in place.
    return new S1Error('already-exists', 'Already on the Blocklist.', details);
  }
  if (status === 400 && /invalid cursor/i.test(err?.detail ?? '')) {
    return new S1Error(
      'invalid-cursor',
      `SentinelOne refused the paging cursor (HTTP 400: ${said}).`,
      details,
    );
  }
  if (status === 400) {
    const badItems = parseBadItems(err?.detail ?? '', context.batchOffset);
    return new S1Error(
      'bad-request',
      `SentinelOne rejected the request (HTTP 400${said ? `: ${said}` : ''}).`,
      {
        ...details,
        badItems: badItems.length > 0 ? badItems : undefined,
      },
    );
  }
  if (status === 404) {
    return new S1Error(
      'not-found',
      `${context.origin} has no SentinelOne API at this address (HTTP 404). Check the console URL.`,
      details,
    );
  }
  if (status === 429) {
    const wait =
      context.retryAfterSeconds === undefined ? '' : ` Retry after ${context.retryAfterSeconds} s.`;
    return new S1Error(
      'rate-limited',
      `SentinelOne is limiting the request rate (HTTP 429).${wait}`,
      details,
    );
  }
  if (status >= 500) {
    return new S1Error(
      'server',
      `The SentinelOne console failed to answer (HTTP ${status}${said ? `: ${said}` : ''}).`,
      details,
    );
  }
  return new S1Error(
    'bad-request',
    `SentinelOne answered HTTP ${status}${said ? `: ${said}` : ''}.`,
    details,
  );
}
