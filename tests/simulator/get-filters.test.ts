/**
 * The simulator's reads (docs/sentinelone-api.md#reads): every filter of
 * docs/sentinelone-api.md#query-filters: exact, __contains, __in, time operators, comma lists, unknown
 * ignored.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNT, draft, type Harness, IOCS, postBody, q, startSim } from './test-helpers';

let h: Harness;
const ids: Record<string, string> = {};
let batchA = '';

async function add(key: string, over: Record<string, unknown>, advanceMs = 1000) {
  h.sim.clock.advance(advanceMs);
  const { body } = await h.json(IOCS, { method: 'POST', json: postBody([draft(over)]) });
  ids[key] = body.data[0].uuid;
  return body.data[0];
}

beforeEach(async () => {
  h = await startSim({ now: '2026-01-01T00:00:00.000000Z' });
  batchA = (
    await add('dns', {
      value: 'c2.example.com',
      name: 'Emotet C2 server',
      creator: 'Ann@Acme.example',
      creationTime: '2025-12-01T00:00:00.000001Z',
      category: ['Malware'],
      severity: 5,
    })
  ).batchId;
  await add('ip', {
    type: 'IPV4',
    value: '192.0.2.7',
    source: 'MISP',
    name: 'Phishing kit',
    description: 'Фишинг <b>bold</b>',
    externalId: 'misp-1',
    threatActors: ['APT28'],
  });
  await add('md5', {
    type: 'MD5',
    value: 'AB'.repeat(16),
    source: 'Manual',
    description: 'Loader',
    creationTime: '2025-12-01T00:00:00.000002Z',
    labels: ['x'],
    severity: 2,
  });
  await add('url', {
    type: 'URL',
    value: 'https://a.example/x?a=1,2',
    source: 'MISP',
    creator: 'bob@acme.example',
    malwareNames: ['Lumma'],
  });
  // An update: the first IOC's updatedAt moves past the others.
  h.sim.clock.advance(1000);
  await h.json(IOCS, {
    method: 'POST',
    json: postBody([draft({ value: 'c2.example.com', description: 'updated' })]),
  });
});

const uuidsOf = async (params: Record<string, string | number | boolean>) => {
  const { status, body } = await h.json(q({ limit: 100, ...params }));
  expect(status).toBe(200);
  return body.data.map((i: { uuid: string }) => i.uuid).sort();
};
const expectIds = async (params: Record<string, string | number | boolean>, keys: string[]) =>
  expect(await uuidsOf(params)).toEqual(keys.map((k) => ids[k]).sort());

describe('GET filters', () => {
  it.each([
    ['accountIds (scope)', { accountIds: ACCOUNT }, ['dns', 'ip', 'md5', 'url']],
    ['siteIds (no site-scoped IOCs stored)', { siteIds: '123456789012345678' }, []],
    ['type', { type: 'IPV4' }, ['ip']],
    ['type comma list', { type: 'IPV4,MD5' }, ['ip', 'md5']],
    ['type is case-sensitive', { type: 'ipv4' }, []],
    ['source comma list', { source: 'MISP,Manual' }, ['ip', 'md5', 'url']],
    ['value exact', { value: 'c2.example.com' }, ['dns']],
    ['value is not a substring match', { value: 'c2.example' }, []],
    ['value is case-sensitive for DNS', { value: 'C2.example.com' }, []],
    ['value is case-insensitive for hashes', { value: 'ab'.repeat(16) }, ['md5']],
    ['value with a comma is one value', { value: 'https://a.example/x?a=1,2' }, ['url']],
    ['externalId', { externalId: 'misp-1' }, ['ip']],
    ['name__contains case-insensitive', { name__contains: 'emotet' }, ['dns']],
    ['name__contains any of a list', { name__contains: 'emotet,PHISHING' }, ['dns', 'ip']],
    ['creator__contains', { creator__contains: 'ann@' }, ['dns']],
    ['description__contains unicode + html', { description__contains: 'фишинг <B>' }, ['ip']],
    ['category__in', { category__in: 'Malware,Spam' }, ['dns']],
    ['threatActors__in', { threatActors__in: 'APT28' }, ['ip']],
    ['labels__in', { labels__in: 'x' }, ['md5']],
    ['malwareNames__in', { malwareNames__in: 'Lumma' }, ['url']],
    ['severity', { severity: '2,3' }, ['md5']],
    ['filters combine with AND', { source: 'MISP', type: 'URL' }, ['url']],
    [
      'unknown parameters are ignored',
      { colour: 'blue', value__contains: 'zzz' },
      ['dns', 'ip', 'md5', 'url'],
    ],
  ])('%s', async (_label, params, keys) => {
    await expectIds(params, keys);
  });

  it('uuids (comma list, case-insensitive) and batchId', async () => {
    await expectIds({ uuids: `${ids.ip},${String(ids.md5).toUpperCase()}` }, ['ip', 'md5']);
    await expectIds({ batchId: batchA }, []); // the update gave the dns IOC a new batchId
    const dns = (await h.json(q({ uuids: String(ids.dns) }))).body.data[0];
    await expectIds({ batchId: dns.batchId }, ['dns']);
  });

  // Upload times: dns 00:00:01 (updated at 00:00:06), ip :02, md5 :03, url :04.
  const TIME_CASES: Array<[string, Record<string, string>, string[]]> = [
    ['uploadTime__gt', { uploadTime__gt: '2026-01-01T00:00:03Z' }, ['url', 'dns']],
    ['uploadTime__gte', { uploadTime__gte: '2026-01-01T00:00:03.000000Z' }, ['md5', 'url', 'dns']],
    ['uploadTime__lt (no zone, no fraction)', { uploadTime__lt: '2026-01-01T00:00:03' }, ['ip']],
    ['uploadTime__lte', { uploadTime__lte: '2026-01-01 00:00:03' }, ['ip', 'md5']],
    ['updatedAt__gte', { updatedAt__gte: '2026-01-01T00:00:05Z' }, ['dns']],
    [
      'updatedAt range',
      { updatedAt__gt: '2026-01-01T00:00:02Z', updatedAt__lt: '2026-01-01T00:00:05Z' },
      ['md5', 'url'],
    ],
    ['creationTime microsecond-precise', { creationTime__gt: '2025-12-01T00:00:00.000001Z' }, ['md5']],
    ['creationTime__lte; null never matches', { creationTime__lte: '2030-01-01T00:00:00Z' }, ['dns', 'md5']],
    [
      'creationTime__lt only: nulls sort first and still never match',
      { creationTime__lt: '2030-01-01' },
      ['dns', 'md5'],
    ],
    [
      'an empty window',
      { updatedAt__gt: '2026-01-01T00:00:05Z', updatedAt__lt: '2026-01-01T00:00:05.5Z' },
      [],
    ],
    [
      'two time fields',
      { uploadTime__gte: '2026-01-01T00:00:02Z', updatedAt__lte: '2026-01-01T00:00:03Z' },
      ['ip', 'md5'],
    ],
  ];
  it.each(TIME_CASES)('%s', async (_label, params, keys) => {
    await expectIds(params, keys);
  });

  // A page sorted by the filtered time field walks only the window of that field's sorted view.
  it.each(
    TIME_CASES.flatMap(([label, params, keys]) =>
      (['asc', 'desc'] as const).map(
        (order) => [`${label}, sorted by its field ${order}`, params, keys, order] as const,
      ),
    ),
  )('%s: one IOC a page, cursor to cursor, and the total', async (_label, params, keys, sortOrder) => {
    const sortBy = (Object.keys(params)[0] as string).split('__')[0] as string;
    const walked: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const { status, body } = await h.json(q({ ...params, sortBy, sortOrder, limit: 1, cursor }));
      expect(status).toBe(200);
      expect(body.pagination.totalItems).toBe(keys.length);
      walked.push(...body.data.map((i: { uuid: string }) => i.uuid));
      cursor = body.pagination.nextCursor ?? undefined;
      if (!cursor) break;
    }
    expect(walked.sort()).toEqual(keys.map((k) => ids[k]).sort());
  });

  it('a bad time filter value is a 400 Validation Error', async () => {
    const { status, body } = await h.json(q({ uploadTime__gte: 'yesterday' }));
    expect(status).toBe(400);
    expect(body.errors[0]).toEqual({
      code: 4000010,
      detail: 'uploadTime__gte: Not a valid datetime.',
      title: 'Validation Error',
    });
  });

  it('totalItems counts the filtered matches', async () => {
    const { body } = await h.json(q({ source: 'MISP', limit: 1 }));
    expect(body.data).toHaveLength(1);
    expect(body.pagination.totalItems).toBe(2);
    expect(body.pagination.nextCursor).toEqual(expect.any(String));
  });
});
