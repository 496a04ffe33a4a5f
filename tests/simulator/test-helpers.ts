/** Starts a simulator over real HTTP on a free port and calls it with global fetch. */
import { afterEach } from 'vitest';
import { createSimulator, type Simulator, type SimulatorOptions } from '.';
import { loadFixture } from './fixtures';

export const ACCOUNT = '2163822725049635476';
export const IOCS = '/web/api/v2.1/threat-intelligence/iocs';
export { loadFixture };

export interface Harness {
  sim: Simulator;
  url: string;
  /** fetch against the simulator with the default token unless `token` is given (null = none). */
  call(path: string, init?: RequestInit & { token?: string | null; json?: unknown }): Promise<Response>;
  /** call + parse JSON; returns status and body. */
  // biome-ignore lint/suspicious/noExplicitAny: tests assert response bodies field by field
  json<T = any>(
    path: string,
    init?: RequestInit & { token?: string | null; json?: unknown },
  ): Promise<{ status: number; body: T }>;
}

const open: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (open.length) await open.pop()?.();
});

export async function startSim(options: SimulatorOptions = {}): Promise<Harness> {
  const sim = createSimulator(options);
  const server = await sim.listen();
  open.push(server.close);
  const call: Harness['call'] = (path, init = {}) => {
    const { token = sim.defaultToken, json, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (token !== null) headers.set('Authorization', `ApiToken ${token}`);
    if (json !== undefined) headers.set('Content-Type', 'application/json');
    return fetch(`${server.url}${path}`, {
      ...rest,
      headers,
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    });
  };
  return {
    sim,
    url: server.url,
    call,
    async json(path, init) {
      const res = await call(path, init);
      return { status: res.status, body: await res.json() };
    },
  };
}

/** GET iocs with query params. */
export function q(params: Record<string, string | number | boolean | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) sp.set(k, String(v));
  return `${IOCS}?${sp}`;
}

/** A valid POST draft. */
export function draft(over: Record<string, unknown> = {}): Record<string, unknown> {
  return { source: 'Unit', type: 'DNS', method: 'EQUALS', value: 'bad.example.com', ...over };
}

export const postBody = (data: unknown[], accountIds: string[] | undefined = [ACCOUNT]) => ({
  ...(accountIds ? { filter: { accountIds } } : { filter: {} }),
  data,
});
