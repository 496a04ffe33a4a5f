/** Several consoles behind one listener, told apart by the Host header (consoles.ts). */
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { type Consoles, consoleHost, consoleTokens, createConsoles, createSimulator, SIM_TOKENS } from '.';
import { ACCOUNT, IOCS } from './test-helpers';

const ACME = 'usea1-acme.sentinelone.net';
const GLOBEX = 'https://euce1-globex.sentinelone.net';

const open: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (open.length) await open.pop()?.();
});

/** Serves `consoles` on a free port; `call` sends one request naming `host` (fetch cannot set Host). */
async function start(consoles: Consoles) {
  const { port, close } = await consoles.listen();
  open.push(close);
  return (host: string, path: string, opts: { token?: string; method?: string; json?: unknown } = {}) =>
    new Promise<{ status: number; body: unknown }>((resolve, reject) => {
      const payload = opts.json === undefined ? undefined : JSON.stringify(opts.json);
      const req = http.request(
        {
          port,
          host: '127.0.0.1',
          path,
          method: opts.method ?? 'GET',
          headers: {
            Host: host,
            ...(opts.token ? { Authorization: `ApiToken ${opts.token}` } : {}),
            ...(payload ? { 'Content-Type': 'application/json' } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null });
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
}

const draft = (value: string) => ({
  filter: { accountIds: [ACCOUNT] },
  data: [{ type: 'DNS', value, source: 'unit', method: 'EQUALS', creationTime: '2026-11-27T10:00:00Z' }],
});

describe('createConsoles', () => {
  it('keeps each console its own IOCs and request log, on one port', async () => {
    const consoles = createConsoles({ [ACME]: {}, [GLOBEX]: {} });
    const call = await start(consoles);
    const acme = consoles.get(ACME);
    const globex = consoles.get(GLOBEX);

    const post = await call(`${ACME}:443`, IOCS, {
      method: 'POST',
      token: acme.defaultToken,
      json: draft('a.example'),
    });
    expect(post.status).toBe(200);
    await call('EUCE1-GLOBEX.sentinelone.net', IOCS, { token: globex.defaultToken });

    expect(acme.iocs().map((i) => i.value)).toEqual(['a.example']);
    expect(globex.iocs()).toEqual([]);
    expect(acme.requests().map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${IOCS}`]);
    expect(globex.requests().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([`GET ${IOCS} 200`]);
  });

  it('refuses a token of one console on another with 401, as separate consoles would', async () => {
    const consoles = createConsoles({ [ACME]: {}, [GLOBEX]: {} });
    const call = await start(consoles);
    const acmeToken = consoles.get(ACME).defaultToken;

    expect((await call(ACME, '/web/api/v2.1/user', { token: acmeToken })).status).toBe(200);
    expect((await call(consoleHost(GLOBEX), '/web/api/v2.1/user', { token: acmeToken })).status).toBe(401);
    expect(consoles.get(GLOBEX).requests()[0]?.auth?.token).toBe('REDACTED:unknown');
  });

  it.each([
    ['another host', 'apne1-initech.sentinelone.net'],
    ['the bare address', '127.0.0.1'],
  ])('answers %s with 421 naming the consoles served', async (_label, host) => {
    const consoles = createConsoles({ [ACME]: {}, [GLOBEX]: {} });
    const call = await start(consoles);
    const { status, body } = await call(host, IOCS, { token: SIM_TOKENS.default });
    expect(status).toBe(421);
    expect(body).toEqual({
      errors: [
        {
          code: 4210000,
          title: 'Misdirected Request',
          detail: `No console at ${host} here; this listener serves ${ACME}, euce1-globex.sentinelone.net.`,
        },
      ],
    });
    expect(consoles.get(ACME).requests()).toEqual([]);
  });

  it('sends any other host to the fallback console, which keeps its own Simulator and tokens', async () => {
    const acme = createSimulator();
    const consoles = createConsoles({ [ACME]: acme, [GLOBEX]: {} }, { fallback: ACME });
    const call = await start(consoles);
    expect(consoles.get(`https://${ACME}/`)).toBe(acme);
    expect(acme.defaultToken).toBe(SIM_TOKENS.default);
    expect((await call('127.0.0.1', IOCS, { token: SIM_TOKENS.default })).status).toBe(200);
    expect(acme.requests()).toHaveLength(1);
  });

  it('gives consoles made from options tokens of their own, unless the options name them', () => {
    const consoles = createConsoles({ [ACME]: {}, [GLOBEX]: { tokens: { default: 'shared-token' } } });
    const ownTokens = Object.values(consoles.get(ACME).namedTokens);
    expect(consoles.get(ACME).namedTokens).toEqual(consoleTokens(ACME));
    expect(ownTokens.filter((t) => Object.values(SIM_TOKENS).includes(t as never))).toEqual([]);
    expect(new Set(ownTokens).size).toBe(Object.keys(SIM_TOKENS).length);
    expect(consoles.get(GLOBEX).defaultToken).toBe('shared-token');
    expect(consoles.get(GLOBEX).namedTokens.admin).toBe(SIM_TOKENS.admin);
  });

  it('refuses a console named twice, an unknown fallback, and get() of a host not served', () => {
    expect(() => createConsoles({ [ACME]: {}, [`https://${ACME.toUpperCase()}`]: {} })).toThrow(
      /named twice/,
    );
    expect(() => createConsoles({ [ACME]: {} }, { fallback: GLOBEX })).toThrow(/not a console/);
    expect(() => createConsoles({ [ACME]: {} }).get(GLOBEX)).toThrow(/No console/);
  });
});
