/**
 * The request log (docs/sentinelone-api.md#determinism-seed-data-and-observation): a bounded ring of
 * every API and control request. Tokens never enter it: the Authorization header is logged as its scheme plus
 * `REDACTED:<label>`, and bodies/queries are scrubbed of `apiToken`/`token` members and of any
 * string containing a known token.
 */
export interface LoggedRequest {
  seq: number;
  /** sim clock, ISO with µs */
  time: string;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  /** Parsed JSON, the raw text if it was not JSON, null if empty; absent when logBodies is off. */
  body?: unknown;
  auth: { scheme: string; token: string } | null;
  /** null when the socket was destroyed without a response. */
  status: number | null;
  fault?: string;
  /**
   * Real time (epoch ms) the request arrived, logged while the `rateLimit` knob is set: the sim clock
   * may stand still, and a rate is checked against the wall clock.
   */
  wallMs?: number;
}

export interface RequestLog {
  add(entry: Omit<LoggedRequest, 'seq'>): LoggedRequest;
  list(sinceSeq?: number): LoggedRequest[];
  clear(): void;
}

export function createRequestLog(capacity: number): RequestLog {
  let ring: LoggedRequest[] = [];
  let start = 0;
  let seq = 0;
  return {
    add(entry) {
      const logged = { seq: ++seq, ...entry };
      if (ring.length < capacity) ring.push(logged);
      else {
        ring[start] = logged;
        start = (start + 1) % capacity;
      }
      return logged;
    },
    list(sinceSeq = 0) {
      const ordered = [...ring.slice(start), ...ring.slice(0, start)];
      return structuredClone(ordered.filter((e) => e.seq > sinceSeq));
    },
    clear() {
      ring = [];
      start = 0;
    },
  };
}

const SECRET_KEYS = new Set(['apitoken', 'token', 'authorization']);

/** Deep copy of `value` with every secret replaced by `REDACTED:<label>`. */
export function redact(value: unknown, tokens: ReadonlyArray<[string, string]>): unknown {
  if (typeof value === 'string') {
    let out = value;
    for (const [token, label] of tokens)
      if (token && out.includes(token)) out = out.split(token).join(`REDACTED:${label}`);
    return out;
  }
  if (Array.isArray(value)) return value.map((v) => redact(v, tokens));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = SECRET_KEYS.has(k.toLowerCase()) && typeof v === 'string' ? 'REDACTED' : redact(v, tokens);
    }
    return out;
  }
  return value;
}
