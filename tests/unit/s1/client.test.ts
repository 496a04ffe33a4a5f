/**
 * The SentinelOne client against the in-process simulator over real HTTP: paging, batching, scoping,
 * the retry policy under injected faults, and what each failure tells the analyst.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createS1Client, type S1Connection } from '../../../lib/s1/client';
import { S1Error } from '../../../lib/s1/errors';
import type { IocDraft } from '../../../lib/s1/schemas';
import { createSimulator, SIM_TOKENS } from '../../simulator';

const sim = createSimulator({ iocs: 2345 });
let origin = '';
let close: () => Promise<void>;
const sleeps: number[] = [];

beforeAll(async () => {
  const server = await sim.listen();
  origin = server.url;
  close = server.close;
});
afterAll(() => close());
beforeEach(() => {
  sim.reset();
  sleeps.length = 0;
});

function client(overrides: Partial<S1Connection> = {}, timeoutMs = 5_000) {
  const connection = {
    consoleUrl: origin,
    apiToken: sim.defaultToken,
    accountId: sim.defaultAccountId,
    ...overrides,
  };
  return createS1Client(connection, {
    timeoutMs,
    random: () => 1,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
}

const iocRequests = (method: string) =>
  sim.requests().filter((r) => r.method === method && r.path === '/web/api/v2.1/threat-intelligence/iocs');

async function caught(promise: Promise<unknown>): Promise<S1Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(S1Error);
  return error as S1Error;
}

const draft = (value: string, type: IocDraft['type'] = 'DNS'): IocDraft => ({
  type,
  value,
  source: 'S1 IOC Manager',
  method: 'EQUALS',
});

describe('listIocs', () => {
  it('pages through 2,345 IOCs at limit 1000 and yields each exactly once', async () => {
    const uuids: string[] = [];
    for await (const page of client().listIocs()) uuids.push(...page.data.map((ioc) => ioc.uuid));
    expect(uuids).toHaveLength(2345);
    expect(new Set(uuids)).toEqual(new Set(sim.iocs().map((ioc) => ioc.uuid)));
    expect(iocRequests('GET').map((r) => r.query.limit)).toEqual(['1000', '1000', '1000']);
  });

  it('sends every filter again with the cursor, scoped to the account', async () => {
    const query = {
      type: 'DNS',
      updatedAt__gt: '2020-01-01T00:00:00Z',
      sortBy: 'updatedAt',
      limit: 100,
    } as const;
    const total = sim.iocs().filter((ioc) => ioc.type === 'DNS').length;
    let seen = 0;
    for await (const page of client().listIocs(query)) seen += page.data.length;
    expect(seen).toBe(total);
    const gets = iocRequests('GET');
    expect(gets.length).toBe(Math.ceil(total / 100));
    for (const [index, request] of gets.entries()) {
      expect(request.query).toMatchObject({
        type: 'DNS',
        updatedAt__gt: '2020-01-01T00:00:00Z',
        sortBy: 'updatedAt',
      });
      expect(request.query.accountIds).toBe(sim.defaultAccountId);
      expect(request.query.cursor === undefined).toBe(index === 0);
    }
  });

  it('counts without fetching', async () => {
    expect(await client().countIocs({ type: 'SHA256' })).toBe(
      sim.iocs().filter((i) => i.type === 'SHA256').length,
    );
  });
});

describe('createIocs', () => {
  it('posts 2,500 drafts as batches of at most 1000, each with filter.accountIds', async () => {
    const drafts = Array.from({ length: 2500 }, (_, i) => draft(`batch-${i}.example.com`));
    const created = await client().createIocs(drafts);
    expect(created.map((ioc) => ioc.value)).toEqual(drafts.map((d) => d.value));
    const posts = iocRequests('POST');
    expect(posts.map((r) => (r.body as { data: unknown[] }).data.length)).toEqual([1000, 1000, 500]);
    for (const post of posts)
      expect(post.body).toMatchObject({ filter: { accountIds: [sim.defaultAccountId] } });
  });

  it('names the refused items by their index in the caller’s list, and stores none of that batch', async () => {
    const drafts = [
      ...Array.from({ length: 1000 }, (_, i) => draft(`ok-${i}.example.com`)),
      draft('300.1.1.1', 'IPV4'),
    ];
    const error = await caught(client().createIocs(drafts));
    expect(error.kind).toBe('bad-request');
    expect(error.committed).toBe(1000);
    expect(error.badItems).toEqual([expect.objectContaining({ index: 1000, field: 'value' })]);
    expect(sim.iocs().some((ioc) => ioc.value === '300.1.1.1')).toBe(false);
  });

  it('retries a POST the console refused with 429, after the time it asked for', async () => {
    sim.faults.add({
      method: 'POST',
      path: 'threat-intelligence/iocs',
      kind: 'status',
      status: 429,
      retryAfter: 3,
      times: 1,
    });
    await client().createIocs([draft('rate.example.com')]);
    expect(iocRequests('POST').map((r) => r.status)).toEqual([429, 200]);
    expect(sleeps).toEqual([3000]);
  });

  it.each([
    ['a 500 after the console committed', { kind: 'status', status: 500, phase: 'after' }, 'server'],
    ['a reset after the console committed', { kind: 'reset', phase: 'after' }, 'network'],
    [
      'a 503 gateway page before the console committed',
      { kind: 'status', status: 503, phase: 'before' },
      'server',
    ],
  ] as const)('never re-sends a POST after %s', async (_, fault, kind) => {
    sim.faults.add({ method: 'POST', path: 'threat-intelligence/iocs', times: 1, ...fault });
    const error = await caught(client().createIocs([draft('once.example.com')]));
    expect(error.kind).toBe(kind);
    expect(iocRequests('POST')).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });
});

describe('deleteIocs', () => {
  it('deletes by uuids within the account and reports how many went', async () => {
    const victims = sim
      .iocs()
      .slice(0, 3)
      .map((ioc) => ioc.uuid);
    expect(await client().deleteIocs(victims)).toBe(3);
    expect(iocRequests('DELETE')[0]?.body).toEqual({
      filter: { accountIds: [sim.defaultAccountId], uuids: victims },
    });
    expect(sim.iocs().filter((ioc) => victims.includes(ioc.uuid))).toEqual([]);
  });

  it('reports 0 for uuids that are already gone', async () => {
    expect(await client().deleteIocs(['0123456789abcdef0123456789abcdef'])).toBe(0);
  });

  it('does not re-send a DELETE whose answer was lost', async () => {
    sim.faults.add({ method: 'DELETE', kind: 'reset', phase: 'after', times: 1 });
    const [victim] = sim.iocs();
    const error = await caught(client().deleteIocs([victim?.uuid ?? '']));
    expect(error.kind).toBe('network');
    expect(iocRequests('DELETE')).toHaveLength(1);
  });
});

describe('reads under faults', () => {
  it.each([
    ['a 500', { kind: 'status', status: 500 }],
    ['a 502 gateway page', { kind: 'status', status: 502 }],
    ['a reset connection', { kind: 'reset' }],
    ['a truncated JSON body', { kind: 'malformed' }],
  ] as const)('retries %s with back-off and gets the page', async (_, fault) => {
    sim.faults.add({ method: 'GET', path: 'threat-intelligence/iocs', times: 2, ...fault });
    const page = await client().listIocsPage({ limit: 5 });
    expect(page.data).toHaveLength(5);
    expect(iocRequests('GET')).toHaveLength(3);
    expect(sleeps).toEqual([500, 1000]);
  });

  it('waits out a 429 without Retry-After in a hold that doubles from 2 s', async () => {
    sim.faults.add({
      method: 'GET',
      path: 'threat-intelligence/iocs',
      kind: 'status',
      status: 429,
      times: 2,
    });
    const page = await client().listIocsPage({ limit: 5 });
    expect(page.data).toHaveLength(5);
    expect(iocRequests('GET').map((r) => r.status)).toEqual([429, 429, 200]);
    expect(sleeps).toEqual([2200, 4400]);
  });

  it('asks again a read the console refuses many times over, well past four attempts', async () => {
    sim.faults.add({
      method: 'GET',
      path: 'threat-intelligence/iocs',
      kind: 'status',
      status: 429,
      times: 12,
    });
    const page = await client().listIocsPage({ limit: 5 });
    expect(page.data).toHaveLength(5);
    expect(iocRequests('GET')).toHaveLength(13);
  });

  it('fails a read with the rate-limited error once the console has refused it for a quarter of an hour', async () => {
    sim.faults.add({
      method: 'GET',
      path: 'threat-intelligence/iocs',
      kind: 'status',
      status: 429,
      times: 100,
    });
    const error = await caught(client().listIocsPage());
    expect(error.kind).toBe('rate-limited');
    const waited = sleeps.reduce((a, b) => a + b, 0);
    expect(waited).toBeGreaterThan(15 * 60_000);
    expect(waited - (sleeps.at(-1) ?? 0)).toBeLessThanOrEqual(15 * 60_000);
  });

  it('gives up on a write the console keeps refusing with 429 after four attempts', async () => {
    sim.faults.add({
      method: 'POST',
      path: 'threat-intelligence/iocs',
      kind: 'status',
      status: 429,
      times: 10,
    });
    const error = await caught(client().createIocs([draft('busy.example.com')]));
    expect(error.kind).toBe('rate-limited');
    expect(iocRequests('POST')).toHaveLength(4);
  });

  it('honours Retry-After on a read', async () => {
    sim.faults.add({ method: 'GET', path: 'user', kind: 'status', status: 429, retryAfter: 2, times: 1 });
    await client().getUser();
    expect(sleeps).toEqual([2000]);
  });

  it('gives up after four attempts with the last reason', async () => {
    sim.faults.add({
      method: 'GET',
      path: 'threat-intelligence/iocs',
      kind: 'status',
      status: 500,
      times: 10,
    });
    const error = await caught(client().listIocsPage());
    expect(error).toMatchObject({ kind: 'server', status: 500, code: 5000010 });
    expect(iocRequests('GET')).toHaveLength(4);
  });

  it('times out a body that stalls after the headers', async () => {
    sim.faults.add({ method: 'GET', path: 'user', kind: 'slowBody', latencyMs: 2_000, times: 4 });
    const error = await caught(client({}, 300).getUser());
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/did not answer within 0.3 s/);
  });

  it('tells a login page from the API and does not retry it', async () => {
    sim.faults.add({ method: 'GET', path: 'user', kind: 'html', times: 1 });
    const error = await caught(client().getUser());
    expect(error.kind).toBe('not-json');
    expect(error.message).toMatch(/not the SentinelOne API, such as a login or proxy page/);
    expect(sim.requests()).toHaveLength(1);
  });

  it('says the console cannot be reached', async () => {
    const error = await caught(client({ consoleUrl: 'http://127.0.0.1:9' }).getUser());
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/^Could not reach http:\/\/127\.0\.0\.1:9: /);
  });
});

describe('refusals', () => {
  it.each([
    ['an unknown token', { apiToken: 'wrong' }, 'token-invalid', 401],
    ['a multi-account token', { apiToken: SIM_TOKENS.multiAccount }, 'multi-scope-token', 403],
    ['a token without Threat Intelligence permission', { apiToken: SIM_TOKENS.noTi }, 'forbidden', 403],
  ] as const)('stops at once for %s', async (_, overrides, kind, status) => {
    const error = await caught(client(overrides).listIocsPage());
    expect(error).toMatchObject({ kind, status });
    expect(sim.requests()).toHaveLength(1);
  });

  it('reports an expired token as 401 with the re-create advice', async () => {
    sim.tokens.expire(sim.defaultToken);
    const error = await caught(client().getUser());
    expect(error.message).toMatch(/invalid or has expired \(HTTP 401\)\. Create a new token/);
  });

  it('refuses writes for a read-only token and reads for it still work', async () => {
    const readOnly = client({ apiToken: SIM_TOKENS.readOnly });
    await expect(readOnly.listIocsPage({ limit: 1 })).resolves.toBeTruthy();
    expect((await caught(readOnly.createIocs([draft('ro.example.com')]))).kind).toBe('forbidden');
  });
});

describe('the token', () => {
  it('appears in no error message, URL or log line', async () => {
    const errors: S1Error[] = [];
    for (const fault of [{ kind: 'status', status: 500 }, { kind: 'html' }, { kind: 'reset' }] as const) {
      sim.faults.add({ method: 'GET', path: 'user', times: 4, ...fault });
      errors.push(await caught(client().getUser()));
    }
    sim.tokens.expire(sim.defaultToken);
    errors.push(await caught(client().getUser()));
    const text = JSON.stringify([errors.map((e) => [e.message, e.stack, { ...e }]), sim.requests()]);
    expect(text).not.toContain(sim.defaultToken);
    for (const request of sim.requests()) expect(request.auth?.scheme).toBe('ApiToken');
  });
});

describe('account and user', () => {
  it('reads the token user with its expiry', async () => {
    const user = await client().getUser();
    expect(user.apiToken?.expiresAt).toMatch(/Z$/);
    expect(user.scope).toBe('account');
  });

  it('lists the accounts the token can see', async () => {
    const accounts = await client().listAccounts();
    expect(accounts.map((a) => a.id)).toContain(sim.defaultAccountId);
  });
});
