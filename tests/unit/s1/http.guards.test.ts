/**
 * The token goes to the console and nowhere else: the client follows no redirect (whatever the
 * method and the 3xx), and sends nothing to an origin the extension was not granted. Real HTTP
 * against the simulator, with a second server standing for the host a redirect points to.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createS1Client } from '../../../lib/s1/client';
import { S1Error } from '../../../lib/s1/errors';
import type { S1HttpOptions } from '../../../lib/s1/http';
import { createSimulator } from '../../simulator';

const sim = createSimulator({ iocs: 3 });
let origin = '';
let elsewhere = '';
const received: string[] = [];
const servers: Array<() => Promise<void>> = [];

beforeAll(async () => {
  const server = await sim.listen();
  origin = server.url;
  servers.push(server.close);
  // The host a redirect names: answers like a console would, and remembers every request.
  const other = http.createServer((req, res) => {
    received.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"data":[]}');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  elsewhere = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  servers.push(() => new Promise((resolve) => other.close(() => resolve())));
});
afterAll(async () => {
  for (const close of servers) await close();
});
beforeEach(() => {
  sim.reset();
  received.length = 0;
});

const client = (transport: Partial<S1HttpOptions> = {}) =>
  createS1Client(
    { consoleUrl: origin, apiToken: sim.defaultToken, accountId: sim.defaultAccountId },
    { sleep: async () => undefined, timeoutMs: 5_000, ...transport },
  );

const DRAFT = { type: 'DNS', value: 'evil.example', source: 'test', method: 'EQUALS' } as const;

async function failure(call: Promise<unknown>): Promise<S1Error> {
  const error = await call.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(S1Error);
  return error as S1Error;
}

describe('a redirect from the console', () => {
  it.each([
    ['GET', 307, (c: ReturnType<typeof client>) => c.listIocsPage()],
    ['GET', 302, (c: ReturnType<typeof client>) => c.getUser()],
    ['GET', 301, (c: ReturnType<typeof client>) => c.countIocs()],
    ['POST', 307, (c: ReturnType<typeof client>) => c.createIocs([DRAFT])],
    ['POST', 308, (c: ReturnType<typeof client>) => c.createIocs([DRAFT])],
    ['DELETE', 307, (c: ReturnType<typeof client>) => c.deleteIocs(['uuid-1'])],
  ] as const)('%s answered %i is not followed, and says where it pointed', async (method, status, call) => {
    sim.configure({ redirects: [{ path: '/web/api/v2.1/', method, status, to: elsewhere }] });
    const error = await failure(call(client()));
    expect(error.kind).toBe('redirected');
    expect(error.status).toBe(status);
    expect(error.message).toMatch(
      new RegExp(
        `^${origin} answered with a redirect \\(HTTP ${status} to ${elsewhere}/web/api/v2\\.1/[^)]*\\); the extension never follows one, so that the token and your data go only to the console\\. Check the console URL\\.$`,
      ),
    );
    expect(received).toEqual([]);
    // Not retried: a redirect is an answer, not a passing failure.
    expect(sim.requests().map((r) => r.status)).toEqual([status]);
    expect(sim.iocs().map((ioc) => ioc.value)).not.toContain(DRAFT.value);
  });

  it('the opaque answer a browser gives for a redirect is refused too, without a target', async () => {
    const opaque = Object.defineProperties(new Response(null, { status: 200 }), {
      type: { value: 'opaqueredirect' },
      status: { value: 0 },
    });
    const fetch = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
      expect(init?.redirect).toBe('manual');
      return opaque;
    });
    vi.stubGlobal('fetch', fetch);
    try {
      const error = await failure(client().getUser());
      expect(error.kind).toBe('redirected');
      expect(error.message).toBe(
        `${origin} answered with a redirect; the extension never follows one, so that the token and your data go only to the console. Check the console URL.`,
      );
      expect(fetch).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('an origin the extension was not granted', () => {
  it('is refused before anything is sent, with a readable reason', async () => {
    const originAllowed = vi.fn(async () => false);
    const error = await failure(client({ originAllowed }).getUser());
    expect(error.kind).toBe('origin-not-granted');
    expect(error.message).toBe(
      `The extension has not been allowed to reach ${origin}, so nothing was sent there. Save the console in Settings and allow it when the browser asks.`,
    );
    expect(originAllowed).toHaveBeenCalledWith(origin);
    expect(sim.requests()).toEqual([]);
  });

  it('a granted origin is asked about once, then talked to', async () => {
    const originAllowed = vi.fn(async () => true);
    const c = client({ originAllowed });
    await c.getUser();
    await c.listIocsPage();
    expect(originAllowed).toHaveBeenCalledTimes(1);
    expect(sim.requests()).toHaveLength(2);
  });

  it('a refusal is asked again next time: the analyst may allow it meanwhile', async () => {
    const originAllowed = vi.fn(async () => false);
    const c = client({ originAllowed });
    await failure(c.getUser());
    originAllowed.mockResolvedValue(true);
    await c.getUser();
    expect(originAllowed).toHaveBeenCalledTimes(2);
    expect(sim.requests()).toHaveLength(1);
  });
});
