/**
 * Several SentinelOne consoles behind one listener, as an MSSP analyst sees them: one console per
 * tenant, each its own simulator (own IOCs, Blocklist, tokens, faults, request log), picked by the
 * request's Host header. The e2e browser maps every *.sentinelone.net name to one port, so the Host
 * is the only thing that tells the consoles apart.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SIM_TOKENS, type SimTokenName, type SimTokens } from './auth';
import type { SimulatorOptions } from './config';
import { errorBody } from './errors';
import { send } from './http-io';
import { createSimulator, type ListenOptions, type RunningServer, type Simulator, serve } from './server';

export interface Consoles {
  /** The simulator of a console, named by host (`euce1-globex.sentinelone.net`) or URL; throws for one not served. */
  get(hostOrUrl: string): Simulator;
  /** The hosts served, lower case, in the order given. */
  readonly hosts: string[];
  /** Routes one request by its Host header; plugs into any node:http server. */
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  /** One listener for all the consoles (server.ts serve: HTTP, or HTTPS with the *.sentinelone.net certificate). */
  listen(opts?: ListenOptions): Promise<RunningServer>;
}

export interface ConsolesOptions {
  /**
   * A served host whose simulator also answers every other Host (the e2e fixture's default console, so
   * that calls to 127.0.0.1:port or to another *.sentinelone.net name keep reaching it). Without it,
   * another Host gets 421 Misdirected Request.
   */
  fallback?: string;
}

/** `https://Host:443/x` or `Host:8443` -> `host`: what a Host header names, without the port. */
export function consoleHost(hostOrUrl: string): string {
  const host = hostOrUrl.includes('://') ? new URL(hostOrUrl).hostname : hostOrUrl.replace(/:\d+$/, '');
  return host.toLowerCase();
}

/**
 * Tokens of their own for the console at `hostOrUrl`, one per SIM_TOKENS user, stable across runs:
 * what createConsoles gives a console made from options that name no `tokens`. The host is hashed,
 * not spelled out: the e2e secret scan flags any 16 characters of a token, and a host name or a
 * profile named after it must not look like one.
 */
export function consoleTokens(hostOrUrl: string): SimTokens {
  const host = consoleHost(hostOrUrl);
  const out = { ...SIM_TOKENS } as SimTokens;
  for (const name of Object.keys(SIM_TOKENS) as SimTokenName[]) {
    const hex = createHash('sha256').update(`${host}\n${name}`).digest('hex').slice(0, 48);
    out[name] = `sim-token-${name}-${hex}`;
  }
  return out;
}

const isSimulator = (value: SimulatorOptions | Simulator): value is Simulator =>
  typeof (value as Simulator).handler === 'function';

/**
 * One simulator per host: a Simulator is served as is (its tokens unchanged); options make a new one,
 * with consoleTokens(host) unless they name `tokens`.
 */
export function createConsoles(
  consoles: Record<string, SimulatorOptions | Simulator>,
  opts: ConsolesOptions = {},
): Consoles {
  const byHost = new Map<string, Simulator>();
  for (const [key, value] of Object.entries(consoles)) {
    const host = consoleHost(key);
    if (byHost.has(host)) throw new Error(`Console ${host} is named twice`);
    byHost.set(
      host,
      isSimulator(value) ? value : createSimulator({ ...value, tokens: value.tokens ?? consoleTokens(host) }),
    );
  }
  const fallback = opts.fallback === undefined ? undefined : byHost.get(consoleHost(opts.fallback));
  if (opts.fallback !== undefined && !fallback) throw new Error(`Fallback ${opts.fallback} is not a console`);
  const hosts = [...byHost.keys()];

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const host = consoleHost(req.headers.host ?? '');
    const sim = byHost.get(host) ?? fallback;
    if (sim) return sim.handler(req, res);
    // The status a server answers for a name it does not serve (RFC 9110 §15.5.20); the envelope
    // and code follow errors.ts, so the extension shows it like any other console error.
    const detail = `No console at ${host || '(no Host header)'} here; this listener serves ${hosts.join(', ')}.`;
    send(res, { status: 421, body: errorBody(4210000, 'Misdirected Request', detail) });
  };

  return {
    get(hostOrUrl) {
      const sim = byHost.get(consoleHost(hostOrUrl));
      if (!sim) throw new Error(`No console ${hostOrUrl}; served: ${hosts.join(', ')}`);
      return sim;
    },
    hosts,
    handler,
    listen: (listenOpts) => serve(handler, listenOpts),
  };
}
