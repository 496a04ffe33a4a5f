/**
 * The simulator's POST (docs/sentinelone-api.md#writes-and-deletes): accountIds, validation, validUntil,
 * upsert, batch and scope caps, visibility (docs/sentinelone-api.md#creating-and-updating-iocs).
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '.';
import { ACCOUNT, draft, IOCS, loadFixture, postBody, q, startSim } from './test-helpers';

const INTERNAL = loadFixture('error-500.internal-server-error.json');
const post = (h: Awaited<ReturnType<typeof startSim>>, data: unknown[], accountIds?: string[]) =>
  h.json(IOCS, { method: 'POST', json: postBody(data, accountIds ?? [ACCOUNT]) });

describe('missing filter.accountIds -> 500 / 5000010 (knob, on by default)', () => {
  it.each([
    ['no filter', { data: [draft()] }],
    ['empty filter', { filter: {}, data: [draft()] }],
    ['empty accountIds', { filter: { accountIds: [] }, data: [draft()] }],
    ['siteIds only', { filter: { siteIds: ['1'] }, data: [draft()] }],
  ])('%s -> exactly the fixture 500 body, nothing stored', async (_l, json) => {
    const h = await startSim();
    const { status, body } = await h.json(IOCS, { method: 'POST', json });
    expect(status).toBe(500);
    expect(body).toEqual(INTERNAL);
    expect(h.sim.iocs()).toHaveLength(0);
  });

  it('requireAccountIdsOnPost=false writes into the token account', async () => {
    const h = await startSim({ requireAccountIdsOnPost: false });
    expect((await h.json(IOCS, { method: 'POST', json: { data: [draft()] } })).status).toBe(200);
    expect(h.sim.iocs()).toHaveLength(1);
  });

  it('an account outside the token -> 403', async () => {
    const h = await startSim();
    const { status } = await post(h, [draft()], ['1190355608201773511']);
    expect(status).toBe(403);
  });
});

describe('validation: any bad item fails the whole request with 400 naming every bad item', () => {
  it.each([
    ['missing source', { source: undefined }, 'data: 0: source: Missing data for required field.'],
    ['missing type', { type: undefined }, 'data: 0: type: Missing data for required field.'],
    ['missing value', { value: undefined }, 'data: 0: value: Missing data for required field.'],
    ['missing method', { method: undefined }, 'data: 0: method: Missing data for required field.'],
    ['empty source', { source: '' }, "data: 0: source: Shorter than minimum length 1: ''"],
    [
      'lower-case type',
      { type: 'sha256' },
      "data: 0: type: Must be one of: DNS, IPV4, IPV6, MD5, SHA1, SHA256, URL: 'sha256'",
    ],
    [
      'unknown type',
      { type: 'DOMAIN' },
      "data: 0: type: Must be one of: DNS, IPV4, IPV6, MD5, SHA1, SHA256, URL: 'DOMAIN'",
    ],
    ['method other than EQUALS', { method: 'equals' }, "data: 0: method: Must be one of: EQUALS: 'equals'"],
    [
      'IPv4 octet > 255',
      { type: 'IPV4', value: '300.1.1.1' },
      "data: 0: value: Not a valid IPV4 value: '300.1.1.1'",
    ],
    [
      'IPv4 three octets',
      { type: 'IPV4', value: '10.1.1' },
      "data: 0: value: Not a valid IPV4 value: '10.1.1'",
    ],
    [
      'bad IPv6',
      { type: 'IPV6', value: '2001:db8::g' },
      "data: 0: value: Not a valid IPV6 value: '2001:db8::g'",
    ],
    ['MD5 wrong length', { type: 'MD5', value: 'abc' }, "data: 0: value: Not a valid MD5 value: 'abc'"],
    [
      'SHA1 non-hex',
      { type: 'SHA1', value: 'z'.repeat(40) },
      `data: 0: value: Not a valid SHA1 value: '${'z'.repeat(40)}'`,
    ],
    [
      'SHA256 too short',
      { type: 'SHA256', value: 'a'.repeat(63) },
      `data: 0: value: Not a valid SHA256 value: '${'a'.repeat(63)}'`,
    ],
    [
      'MD5 of the empty file',
      { type: 'MD5', value: 'd41d8cd98f00b204e9800998ecf8427e' },
      'data: 0: value: hashes_empty_file',
    ],
    [
      'SHA1 of the empty file',
      { type: 'SHA1', value: 'DA39A3EE5E6B4B0D3255BFEF95601890AFD80709' },
      'data: 0: value: hashes_empty_file',
    ],
    [
      'SHA256 of the empty file',
      { type: 'SHA256', value: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
      'data: 0: value: hashes_empty_file',
    ],
    [
      'DNS without a dot',
      { type: 'DNS', value: 'localhost' },
      "data: 0: value: Not a valid DNS value: 'localhost'",
    ],
    [
      'DNS with a space',
      { type: 'DNS', value: 'bad host.example.com' },
      "data: 0: value: Not a valid DNS value: 'bad host.example.com'",
    ],
    [
      'URL without scheme',
      { type: 'URL', value: 'example.com/x' },
      "data: 0: value: Not a valid URL value: 'example.com/x'",
    ],
    [
      'URL javascript:',
      { type: 'URL', value: "javascript:alert('x')" },
      "data: 0: value: Not a valid URL value: 'javascript:alert(\\'x\\')'",
    ],
    [
      'originalRiskScore 101',
      { originalRiskScore: 101 },
      'data: 0: originalRiskScore: Must be an integer between 0 and 100: 101',
    ],
    [
      'originalRiskScore as string',
      { originalRiskScore: '100' },
      "data: 0: originalRiskScore: Must be an integer between 0 and 100: '100'",
    ],
    ['severity 8', { severity: 8 }, 'data: 0: severity: Must be an integer between 0 and 7: 8'],
    ['severity 2.5', { severity: 2.5 }, 'data: 0: severity: Must be an integer between 0 and 7: 2.5'],
    [
      'unparseable validUntil',
      { validUntil: 'tomorrow' },
      "data: 0: validUntil: Not a valid datetime: 'tomorrow'",
    ],
    ['non-string name', { name: 5 }, 'data: 0: name: Not a valid string: 5'],
  ])('%s', async (_label, over, detail) => {
    const h = await startSim();
    const { status, body } = await post(h, [draft(over)]);
    expect(status).toBe(400);
    expect(body).toEqual({ errors: [{ code: 4000010, detail, title: 'Validation Error' }] });
    expect(h.sim.iocs()).toHaveLength(0);
  });

  it.each([
    ['IPV4', '0.0.0.0'],
    ['IPV4', '255.255.255.255'],
    ['IPV6', '2001:db8::1'],
    ['MD5', 'A'.repeat(32)],
    ['SHA1', 'b'.repeat(40)],
    ['SHA256', 'c'.repeat(64)],
    ['DNS', 'update-check.example-cdn.ru'],
    ['URL', 'https://evil.example/path?q=1&r=2'],
    ['URL', 'ftp://files.example.org/a.zip'],
  ])('accepts a valid %s value %s', async (type, value) => {
    const h = await startSim();
    expect((await post(h, [draft({ type, value })])).status).toBe(200);
  });

  it('lists every bad item in index order and stores nothing', async () => {
    const h = await startSim();
    const { status, body } = await post(h, [
      draft(),
      draft({ type: 'IPV4', value: '1.2.3.4' }),
      draft({ type: 'IPV4', value: '300.1.1.1' }),
      'not an object',
      draft({ type: 'SHA256', value: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' }),
    ]);
    expect(status).toBe(400);
    expect(body.errors[0].detail).toBe(
      'data: 2: value: Not a valid IPV4 value: \'300.1.1.1\'; data: 3: _schema: Invalid input type: "not an object"; data: 4: value: hashes_empty_file',
    );
    expect(h.sim.iocs()).toHaveLength(0);
  });
});

describe('validUntil: formats, per-type defaults and clamps with the injectable clock', () => {
  const NOW = '2026-06-01T00:00:00.000000Z';
  it.each([
    ['IPV4', '10.0.0.1', '2026-06-15T00:00:00.000000Z', '2026-07-01T00:00:00.000000Z'],
    ['IPV6', '2001:db8::5', '2026-06-15T00:00:00.000000Z', '2026-07-01T00:00:00.000000Z'],
    ['URL', 'https://x.example/a', '2026-08-30T00:00:00.000000Z', '2026-11-28T00:00:00.000000Z'],
    ['DNS', 'x.example.com', '2026-08-30T00:00:00.000000Z', '2026-11-28T00:00:00.000000Z'],
    ['MD5', '1'.repeat(32), '2026-11-28T00:00:00.000000Z', '2026-11-28T00:00:00.000000Z'],
    ['SHA1', '2'.repeat(40), '2026-11-28T00:00:00.000000Z', '2026-11-28T00:00:00.000000Z'],
    ['SHA256', '3'.repeat(64), '2026-11-28T00:00:00.000000Z', '2026-11-28T00:00:00.000000Z'],
  ])('%s: absent -> default %s, far future -> clamped to %s', async (type, value, dflt, max) => {
    const h = await startSim({ now: NOW });
    const { body } = await post(h, [
      draft({ type, value, source: 'a' }),
      draft({ type, value, source: 'b', validUntil: null }),
      draft({ type, value, source: 'c', validUntil: '2099-01-01T00:00:00Z' }),
    ]);
    expect(body.data.map((i: { validUntil: string }) => i.validUntil)).toEqual([dflt, dflt, max]);
  });

  it.each([
    ['2026-06-10T08:17:48.062976Z', '2026-06-10T08:17:48.062976Z'],
    ['2026-06-10T08:17:48Z', '2026-06-10T08:17:48.000000Z'],
    ['2026-06-10T08:17:48', '2026-06-10T08:17:48.000000Z'],
    ['2026-06-10 08:17:48.779000', '2026-06-10T08:17:48.779000Z'],
    ['2026-06-10 08:17:48', '2026-06-10T08:17:48.000000Z'],
    ['2026-06-10T10:17:48.5+02:00', '2026-06-10T08:17:48.500000Z'],
    ['2026-05-01T00:00:00.000001Z', '2026-05-01T00:00:00.000001Z'], // past dates kept (UNCONFIRMED)
  ])('accepts %s and keeps microseconds', async (given, stored) => {
    const h = await startSim({ now: NOW });
    const { body } = await post(h, [draft({ validUntil: given })]);
    expect(body.data[0].validUntil).toBe(stored);
  });

  it('clamps to the microsecond: uploadTime + max', async () => {
    const h = await startSim({ now: '2026-06-01T00:00:00.123456Z' });
    const { body } = await post(h, [
      draft({ type: 'IPV4', value: '10.0.0.9', validUntil: '2026-07-01T00:00:00.123457Z' }),
    ]);
    expect(body.data[0].validUntil).toBe('2026-07-01T00:00:00.123456Z');
  });
});

describe('upsert on (scopeId, type, value, source); duplicate mode and key knobs; one batchId per request', () => {
  it('re-POST keeps uuid and creationTime, replaces supplied fields, new batchId and times', async () => {
    const h = await startSim({ now: '2026-01-01T00:00:00.000000Z' });
    const first = (
      await post(h, [draft({ name: 'old', description: 'keep me', creationTime: '2025-12-01T00:00:00Z' })])
    ).body.data[0];
    h.sim.clock.advance(60_000);
    const second = (await post(h, [draft({ name: 'new', value: 'BAD.example.com' })])).body.data[0];
    // DNS values are case-sensitive in the key: a different-case DNS value is a new IOC.
    expect(second.uuid).not.toBe(first.uuid);
    const third = (await post(h, [draft({ name: 'newer' })])).body.data[0];
    expect(third.uuid).toBe(first.uuid);
    expect(third.creationTime).toBe('2025-12-01T00:00:00.000000Z');
    expect(third.name).toBe('newer');
    expect(third.description).toBe('keep me');
    expect(third.batchId).not.toBe(first.batchId);
    expect(third.uploadTime).toBe('2026-01-01T00:01:00.000000Z');
    expect(third.updatedAt).toBe('2026-01-01T00:01:00.000000Z');
    expect(h.sim.iocs()).toHaveLength(2);
  });

  it('hash values match case-insensitively; a different source is a different IOC', async () => {
    const h = await startSim();
    const a = (await post(h, [draft({ type: 'MD5', value: 'ab'.repeat(16) })])).body.data[0];
    const b = (await post(h, [draft({ type: 'MD5', value: 'AB'.repeat(16) })])).body.data[0];
    const c = (await post(h, [draft({ type: 'MD5', value: 'ab'.repeat(16), source: 'Other' })])).body.data[0];
    expect(b.uuid).toBe(a.uuid);
    expect(b.value).toBe('AB'.repeat(16));
    expect(c.uuid).not.toBe(a.uuid);
    expect(h.sim.iocs()).toHaveLength(2);
  });

  it('duplicate mode always inserts', async () => {
    const h = await startSim({ writeMode: 'duplicate' });
    const a = (await post(h, [draft()])).body.data[0];
    const b = (await post(h, [draft()])).body.data[0];
    expect(b.uuid).not.toBe(a.uuid);
    expect(h.sim.iocs()).toHaveLength(2);
  });

  it('upsertKey with externalId separates same values with different externalIds', async () => {
    const h = await startSim();
    h.sim.configure({ upsertKey: ['type', 'value', 'source', 'externalId'] });
    await post(h, [draft({ externalId: 'a' }), draft({ externalId: 'b' })]);
    expect(h.sim.iocs()).toHaveLength(2);
    h.sim.configure({ upsertKey: ['type', 'value'] });
    await post(h, [draft({ source: 'Else' })]);
    expect(h.sim.iocs()).toHaveLength(2);
  });

  it('one batchId per request; response in input order; in-batch repeats upsert', async () => {
    const h = await startSim();
    const { body } = await post(h, [
      draft({ value: 'a.example.com' }),
      draft({ value: 'b.example.com' }),
      draft({ value: 'a.example.com', name: 'again' }),
    ]);
    expect(body.data.map((i: { value: string }) => i.value)).toEqual([
      'a.example.com',
      'b.example.com',
      'a.example.com',
    ]);
    expect(new Set(body.data.map((i: { batchId: string }) => i.batchId)).size).toBe(1);
    expect(body.data[2].uuid).toBe(body.data[0].uuid);
    expect(h.sim.iocs()).toHaveLength(2);
  });
});

describe('batches of at least 2500; optional batch cap and per-scope cap', () => {
  it('accepts a batch of 2500', async () => {
    const h = await startSim();
    const data = Array.from({ length: 2500 }, (_, i) => draft({ value: `host-${i}.example.com` }));
    const { status, body } = await post(h, data);
    expect(status).toBe(200);
    expect(body.data).toHaveLength(2500);
    expect(h.sim.iocs()).toHaveLength(2500);
  });

  it('maxBatch rejects a longer batch with 400', async () => {
    const h = await startSim({ maxBatch: 2 });
    const { status, body } = await post(h, [
      draft({ value: 'a.example.com' }),
      draft({ value: 'b.example.com' }),
      draft(),
    ]);
    expect(status).toBe(400);
    expect(body.errors[0]).toEqual({
      code: 4000010,
      detail: 'data: Longer than maximum length 2.',
      title: 'Validation Error',
    });
  });

  it('maxIocsPerScope rejects a batch that would exceed it; upserts do not count', async () => {
    const h = await startSim({ maxIocsPerScope: 3 });
    expect(
      (await post(h, [draft({ value: 'a.example.com' }), draft({ value: 'b.example.com' })])).status,
    ).toBe(200);
    const { status, body } = await post(h, [
      draft({ value: 'c.example.com' }),
      draft({ value: 'd.example.com' }),
    ]);
    expect(status).toBe(400);
    expect(body.errors[0]).toMatchObject({ code: 4000050, title: 'IOC limit reached' });
    expect(h.sim.iocs()).toHaveLength(2);
    expect(
      (await post(h, [draft({ value: 'a.example.com' }), draft({ value: 'c.example.com' })])).status,
    ).toBe(200);
    expect(h.sim.iocs()).toHaveLength(3);
  });
});

describe('visibility delay: new IOCs appear in GET only after N ms', () => {
  it('hides new IOCs until the sim clock passes the delay; updates stay visible', async () => {
    const h = await startSim({ visibilityDelayMs: 2000 });
    await post(h, [draft()]);
    expect((await h.json(q({}))).body).toEqual({ data: [], pagination: { nextCursor: null, totalItems: 0 } });
    expect(h.sim.iocs()).toHaveLength(1);
    h.sim.clock.advance(1999);
    expect((await h.json(q({}))).body.pagination.totalItems).toBe(0);
    h.sim.clock.advance(1);
    expect((await h.json(q({}))).body.data).toHaveLength(1);
    await post(h, [draft({ name: 'updated' })]);
    expect((await h.json(q({}))).body.data[0].name).toBe('updated');
  });
});

describe('refuseValues knob', () => {
  it('refuses the whole batch, naming the listed values, and stores nothing', async () => {
    const sim = createSimulator({ refuseValues: ['strict.example.org'] });
    const server = await sim.listen();
    try {
      const response = await fetch(`${server.url}/web/api/v2.1/threat-intelligence/iocs`, {
        method: 'POST',
        headers: { Authorization: `ApiToken ${sim.defaultToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          filter: { accountIds: [sim.defaultAccountId] },
          data: [
            { type: 'DNS', value: 'fine.example.org', source: 'S', method: 'EQUALS' },
            { type: 'DNS', value: 'strict.example.org', source: 'S', method: 'EQUALS' },
          ],
        }),
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        errors: [
          {
            code: 4000010,
            title: 'Validation Error',
            detail: "data: 1: value: Not a valid value: 'strict.example.org'",
          },
        ],
      });
      expect(sim.iocs()).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
