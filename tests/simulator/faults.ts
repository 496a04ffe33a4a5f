/**
 * Fault injection (docs/sentinelone-api.md#fault-injection): rules match API requests by method and path
 * substring, for the next N requests and/or with a probability drawn from a seeded PRNG. The first
 * matching rule wins; server.ts applies it before the handler or, for phase 'after', once the
 * handler has committed (so "written but reported failed" can be tested).
 */
import { createPrng, type Prng } from './prng';

export interface FaultRule {
  method?: string;
  /** Substring of the request path, e.g. 'threat-intelligence/iocs'. */
  path?: string;
  /** Only the next N matching requests. */
  times?: number;
  /** 0..1, drawn from the simulator's seeded fault PRNG. */
  probability?: number;
  kind: 'status' | 'reset' | 'malformed' | 'html' | 'slowBody' | 'latency';
  status?: 429 | 500 | 502 | 503;
  /** Seconds, sent as Retry-After on a 429. */
  retryAfter?: number;
  /** Writes: fail before committing (default) or commit then fail. */
  phase?: 'before' | 'after';
  latencyMs?: number;
  jitterMs?: number;
}

export interface ActiveFault extends FaultRule {
  id: string;
}

export interface FaultController {
  add(rule: FaultRule): string;
  remove(id: string): boolean;
  clear(): void;
  list(): ActiveFault[];
  /** The rule to apply to this request, consuming one of its `times`. */
  match(method: string, path: string): ActiveFault | null;
  /** Drops every rule and restarts the PRNG. */
  reset(): void;
  /** A delay drawn from the fault PRNG: latencyMs + U(0, jitterMs). */
  delay(latencyMs?: number, jitterMs?: number): number;
}

const KINDS = new Set(['status', 'reset', 'malformed', 'html', 'slowBody', 'latency']);

export function createFaultController(seed: number): FaultController {
  let rules: ActiveFault[] = [];
  let nextId = 1;
  let prng: Prng = createPrng(seed);
  return {
    add(rule) {
      if (!KINDS.has(rule.kind)) throw new Error(`Unknown fault kind: ${String(rule.kind)}`);
      if (rule.kind === 'status' && ![429, 500, 502, 503].includes(rule.status ?? 0)) {
        throw new Error('A status fault needs status 429, 500, 502 or 503');
      }
      const id = `fault-${nextId++}`;
      rules.push({ ...rule, id });
      return id;
    },
    remove(id) {
      const before = rules.length;
      rules = rules.filter((r) => r.id !== id);
      return rules.length < before;
    },
    clear() {
      rules = [];
    },
    list: () => rules.map((r) => ({ ...r })),
    match(method, path) {
      for (const rule of rules) {
        if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) continue;
        if (rule.path && !path.includes(rule.path)) continue;
        if (rule.probability !== undefined && !(prng.next() < rule.probability)) continue;
        if (rule.times !== undefined) {
          rule.times--;
          if (rule.times <= 0) rules = rules.filter((r) => r !== rule);
        }
        return { ...rule };
      }
      return null;
    },
    reset() {
      rules = [];
      nextId = 1;
      prng = createPrng(seed);
    },
    delay: (latencyMs = 0, jitterMs = 0) => latencyMs + (jitterMs > 0 ? prng.next() * jitterMs : 0),
  };
}
