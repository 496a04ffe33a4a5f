/**
 * The client's Blocklist calls (`restrictions`) against the in-process simulator: every call scoped to
 * the account, only `black_hash` ever asked for or written, SHA1 in `value` and SHA256 in
 * `sha256Value`, paging, and what a refusal tells the analyst.
 */
import { describe, expect, it } from 'vitest';
import { S1Error } from '../../../lib/s1/errors';
import { SIM_TOKENS } from '../../simulator';
import { useSimulatedConsole } from '../simulated-console';

const { sim, client: consoleClient } = useSimulatedConsole();

const client = (apiToken = sim.defaultToken) => consoleClient(apiToken);
const calls = (method: string, path = '/web/api/v2.1/restrictions') =>
  sim.requests().filter((r) => r.method === method && r.path === path);

async function caught(promise: Promise<unknown>): Promise<S1Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(S1Error);
  return error as S1Error;
}

const sha1 = (i: number) => i.toString(16).padStart(40, 'a');
const sha256 = (i: number) => i.toString(16).padStart(64, 'b');
const OS = ['windows', 'macos', 'linux'] as const;

describe('listBlocklist', () => {
  it('pages through 2,345 items at limit 1000, black_hash only, filters and scope on every page', async () => {
    sim.putBlocklist(Array.from({ length: 2345 }, (_, i) => ({ osType: OS[i % 3], value: sha1(i) })));
    const ids: string[] = [];
    for await (const page of client().listBlocklist({ sortBy: 'id', sortOrder: 'asc' }))
      ids.push(...page.data.map((item) => item.id));
    expect(ids).toHaveLength(2345);
    expect(new Set(ids)).toEqual(new Set(sim.blocklist().map((item) => item.id)));
    const gets = calls('GET');
    expect(gets).toHaveLength(3);
    for (const [index, get] of gets.entries()) {
      expect(get.query).toMatchObject({
        type: 'black_hash',
        accountIds: sim.defaultAccountId,
        limit: '1000',
        sortBy: 'id',
        sortOrder: 'asc',
      });
      expect(get.query.cursor === undefined).toBe(index === 0);
    }
  });

  it('sends osTypes, value__contains and ids comma-joined, and counts without fetching', async () => {
    const planted = sim.putBlocklist([
      { osType: 'windows', sha256Value: sha256(1) },
      { osType: 'linux', sha256Value: sha256(1) },
      { osType: 'macos', sha256Value: sha256(1) },
      { osType: 'windows', sha256Value: sha256(2) },
    ]);
    const page = await client().listBlocklistPage({
      osTypes: ['windows', 'linux'],
      value__contains: sha256(1),
    });
    expect(page.data.map((item) => item.osType).sort()).toEqual(['linux', 'windows']);
    expect(calls('GET')[0]?.query).toMatchObject({ osTypes: 'windows,linux', value__contains: sha256(1) });
    const ids = planted.slice(0, 2).map((item) => item.id);
    expect((await client().listBlocklistPage({ ids })).data.map((item) => item.id)).toEqual(ids);
    expect(calls('GET')[1]?.query.ids).toBe(ids.join(','));
    expect(await client().countBlocklist({ osTypes: ['windows'] })).toBe(2);
    expect(calls('GET')[2]?.query).toMatchObject({ countOnly: 'true', type: 'black_hash' });
  });
});

describe('createBlocklistItem', () => {
  it.each([
    ['SHA1 in value', { sha1: sha1(7) }, { value: sha1(7) }],
    ['SHA256 in sha256Value', { sha256: sha256(7) }, { sha256Value: sha256(7) }],
    ['both', { sha1: sha1(7), sha256: sha256(7) }, { value: sha1(7), sha256Value: sha256(7) }],
  ])('sends %s, one object, type black_hash, scoped to the account', async (_, hash, fields) => {
    const item = await client().createBlocklistItem({
      osType: 'macos',
      ...hash,
      description: 'Seen in phishing',
      source: 'S1 IOC Manager',
    });
    expect(calls('POST').map((r) => r.body)).toEqual([
      {
        filter: { accountIds: [sim.defaultAccountId] },
        data: {
          type: 'black_hash',
          osType: 'macos',
          ...fields,
          description: 'Seen in phishing',
          source: 'S1 IOC Manager',
        },
      },
    ]);
    expect(sim.blocklist()).toEqual([expect.objectContaining({ id: item.id, osType: 'macos', ...fields })]);
  });

  it('refuses to send an item with no hash', async () => {
    await expect(
      client().createBlocklistItem({ osType: 'linux', description: '', source: 'x' }),
    ).rejects.toThrow(/SHA1 or a SHA256/);
    expect(sim.requests()).toEqual([]);
  });

  it('a duplicate is the already-exists kind, "Already on the Blocklist."', async () => {
    sim.putBlocklist([{ osType: 'linux', value: sha1(3) }]);
    const error = await caught(
      client().createBlocklistItem({ osType: 'linux', sha1: sha1(3), description: '', source: 'x' }),
    );
    expect(error).toMatchObject({ kind: 'already-exists', status: 400, code: 4000030 });
    expect(error.message).toBe('Already on the Blocklist.');
    expect(sim.blocklist()).toHaveLength(1);
  });

  it('a token without the Blocklist permission is told so, not about Threat Intelligence', async () => {
    const error = await caught(
      client(SIM_TOKENS.noBlocklist).createBlocklistItem({
        osType: 'linux',
        sha1: sha1(3),
        description: '',
        source: 'x',
      }),
    );
    expect(error).toMatchObject({ kind: 'forbidden', status: 403 });
    expect(error.message).toMatch(/lacks the Blocklist permission .*Blacklist\.create/);
    expect(error.message).not.toMatch(/Threat Intelligence/);
    expect(sim.blocklist()).toEqual([]);
  });

  it('is never re-sent after a 500 once the console committed', async () => {
    sim.faults.add({
      method: 'POST',
      path: 'restrictions',
      kind: 'status',
      status: 500,
      phase: 'after',
      times: 1,
    });
    const error = await caught(
      client().createBlocklistItem({ osType: 'linux', sha1: sha1(4), description: '', source: 'x' }),
    );
    expect(error.kind).toBe('server');
    expect(calls('POST')).toHaveLength(1);
    expect(sim.blocklist()).toHaveLength(1);
  });
});

describe('validateHash', () => {
  it.each([
    ['NONE', {}, 'NONE'],
    ['Not allowed', { notAllowedHashes: [sha256(9)] }, 'Not allowed'],
    ['Not recommended', { notRecommendedHashes: [sha256(9)] }, 'Not recommended'],
  ])('answers %s, and sends the scope and the hash in sha256Value', async (_, knobs, status) => {
    sim.configure(knobs);
    const verdict = await client().validateHash('windows', { sha256: sha256(9) });
    expect(verdict.status).toBe(status);
    expect(calls('POST', '/web/api/v2.1/restrictions/validate').map((r) => r.body)).toEqual([
      { filter: { accountIds: [sim.defaultAccountId] }, data: { osType: 'windows', sha256Value: sha256(9) } },
    ]);
  });

  it('names a duplicate', async () => {
    sim.putBlocklist([{ osType: 'windows', value: sha1(9) }]);
    expect((await client().validateHash('windows', { sha1: sha1(9) })).status).toMatch(
      /^duplicated_value_sha1/,
    );
    expect((await client().validateHash('linux', { sha1: sha1(9) })).status).toBe('NONE');
  });
});

describe('deleteBlocklistItems', () => {
  it('deletes by data.ids with type black_hash, 1000 per call, and counts what went', async () => {
    const planted = sim.putBlocklist(
      Array.from({ length: 1500 }, (_, i) => ({ osType: OS[i % 3], value: sha1(i) })),
    );
    const keep = planted.pop();
    expect(await client().deleteBlocklistItems(planted.map((item) => item.id))).toBe(1499);
    const deletes = calls('DELETE');
    expect(deletes.map((r) => (r.body as { data: { ids: string[] } }).data.ids.length)).toEqual([1000, 499]);
    expect(deletes[0]?.body).toEqual({
      data: { type: 'black_hash', ids: planted.slice(0, 1000).map((i) => i.id) },
    });
    expect(sim.blocklist().map((item) => item.id)).toEqual([keep?.id]);
  });
});
