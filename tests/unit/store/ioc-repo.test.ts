import { describe, expect, it } from 'vitest';
import type { Ioc } from '../../../lib/s1/schemas';
import { KEPT_CHANGES } from '../../../lib/store/cache-changes';
import { openIocDb } from '../../../lib/store/db';
import { createIocRepo, valueKey } from '../../../lib/store/ioc-repo';

let n = 0;
const freshRepo = () => createIocRepo(openIocDb(`repo-test-${++n}`));

const ioc = (uuid: string, value: string, type: Ioc['type'] = 'DNS'): Ioc => ({
  uuid,
  value,
  type,
  source: 'Test',
  method: 'EQUALS',
  uploadTime: '2026-01-01T00:00:00.000000Z',
  updatedAt: '2026-01-01T00:00:00.000000Z',
});

describe('valueKey', () => {
  it.each([
    ['Evil.Example.COM', 'evil.example.com'],
    ['  ABCDEF0123  ', 'abcdef0123'],
  ])('%j -> %j', (value, key) => {
    expect(valueKey(value)).toBe(key);
  });
});

describe('createIocRepo', () => {
  it('reads the visible generation only', async () => {
    const repo = freshRepo();
    await repo.put(1, [ioc('a', 'one.example')]);
    await repo.put(2, [ioc('b', 'two.example')]);
    expect((await repo.all()).map((i) => i.uuid)).toEqual(['a']);
    expect(await repo.count(2)).toBe(1);
    await repo.updateMeta(() => ({ generation: 2 }));
    expect((await repo.all()).map((i) => i.uuid)).toEqual(['b']);
    expect(await repo.byValue('one.example')).toEqual([]);
  });

  /** A repo whose generation 1 holds five chunks of one IOC each, beside other generations. */
  async function fiveChunks() {
    const repo = freshRepo();
    for (const u of ['e', 'a', 'd', 'b', 'c']) await repo.put(1, [ioc(u, `${u}.example`)]);
    await repo.put(2, [ioc('z', 'z.example')]);
    await repo.put(0, [ioc('y', 'y.example')]);
    return repo;
  }

  it.each([0, 1, 2, 5, 10])(
    'first(%i) gives the first IOCs all() gives, of the visible generation',
    async (limit) => {
      const repo = await fiveChunks();
      const all = (await repo.all()).map((i) => i.uuid);
      expect(all.slice().sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect((await repo.first(limit)).map((i) => i.uuid)).toEqual(all.slice(0, limit));
    },
  );

  it.each([1, 2, 3, 5, 6])(
    'reads a whole generation in slices of %i chunks, each IOC once',
    async (slice) => {
      const repo = await fiveChunks();
      const whole = (await repo.all(1)).map((i) => i.uuid);
      expect((await repo.all(1, slice)).map((i) => i.uuid)).toEqual(whole);
      expect(whole.slice().sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    },
  );

  it('finds every IOC sharing a value, whatever its case', async () => {
    const repo = freshRepo();
    const hash = 'D41D8CD98F00B204E9800998ECF8427F';
    await repo.put(1, [
      ioc('a', hash, 'MD5'),
      ioc('b', hash.toLowerCase(), 'MD5'),
      ioc('c', 'other.example'),
    ]);
    expect((await repo.byValue(hash.toLowerCase())).map((i) => i.uuid).sort()).toEqual(['a', 'b']);
  });

  describe('byValues', () => {
    const HASH = 'D41D8CD98F00B204E9800998ECF8427F';
    const seed = async () => {
      const repo = freshRepo();
      await repo.put(1, [
        ioc('a', 'Evil.Example.COM'),
        ioc('b', 'evil.example.com', 'URL'),
        ioc('c', HASH, 'MD5'),
        ioc('d', 'other.example'),
        ioc('e', '1.2.3.4', 'IPV4'),
      ]);
      return repo;
    };

    it.each<[string, string[], string[]]>([
      ['no values', [], []],
      ['one value, exact', ['other.example'], ['d']],
      ['every IOC sharing a value, whatever its case', ['evil.example.com'], ['a', 'b']],
      ['a query in another case', ['EVIL.example.Com'], ['a', 'b']],
      ['a hash in lower case', [HASH.toLowerCase()], ['c']],
      ['spaces around a value', ['  1.2.3.4 '], ['e']],
      ['unknown values', ['nowhere.example', '9.9.9.9'], []],
      ['known and unknown values', ['nowhere.example', 'other.example', '1.2.3.4'], ['d', 'e']],
      ['a value given twice is read once', ['other.example', 'other.example'], ['d']],
      ['a value given in two cases is read once', ['Evil.Example.Com', 'evil.example.com'], ['a', 'b']],
      ['a value that only starts the same', ['evil.example', '1.2.3'], []],
    ])('%s', async (_name, values, uuids) => {
      const repo = await seed();
      const found = await repo.byValues(values);
      expect(found.map((i) => i.uuid).sort()).toEqual(uuids);
    });

    it('answers in the order of the values asked', async () => {
      const repo = await seed();
      expect((await repo.byValues(['1.2.3.4', 'other.example', HASH])).map((i) => i.uuid)).toEqual([
        'e',
        'd',
        'c',
      ]);
    });

    it('hands back the stored IOCs', async () => {
      const repo = freshRepo();
      const stored = ioc('a', 'evil.example');
      await repo.put(1, [stored]);
      expect(await repo.byValues(['evil.example'])).toEqual([stored]);
    });

    it('reads the visible generation only', async () => {
      const repo = freshRepo();
      await repo.put(1, [ioc('old', 'evil.example'), ioc('gone', 'gone.example')]);
      await repo.put(2, [ioc('new', 'evil.example'), ioc('added', 'added.example')]);
      const values = ['evil.example', 'gone.example', 'added.example'];
      expect((await repo.byValues(values)).map((i) => i.uuid).sort()).toEqual(['gone', 'old']);
      await repo.updateMeta(() => ({ generation: 2 }));
      expect((await repo.byValues(values)).map((i) => i.uuid).sort()).toEqual(['added', 'new']);
    });

    it('finds nothing in an empty cache', async () => {
      expect(await freshRepo().byValues(['evil.example'])).toEqual([]);
    });
  });

  it('drops every other generation, before and after', async () => {
    const repo = freshRepo();
    for (const generation of [1, 2, 3])
      await repo.put(generation, [ioc(`u${generation}`, 'x.example'), ioc('shared', 'y.example')]);
    await repo.dropOtherGenerations(2);
    expect(await repo.all(1)).toEqual([]);
    expect((await repo.uuids(2)).sort()).toEqual(['shared', 'u2']);
    expect(await repo.all(3)).toEqual([]);
  });

  it('keeps the visible generation’s count in meta through every write', async () => {
    const repo = freshRepo();
    expect(await repo.put(1, [ioc('a', 'a.example'), ioc('b', 'b.example')])).toBe(2);
    expect(await repo.put(1, [{ ...ioc('a', 'a.example'), name: 'renamed' }, ioc('c', 'c.example')])).toBe(1);
    expect(await repo.count()).toBe(3);
    expect((await repo.byValue('a.example')).map((i) => i.name)).toEqual(['renamed']);
    expect(await repo.remove(1, [ioc('b', 'b.example'), ioc('nowhere', 'b.example')])).toBe(1);
    expect(await repo.count()).toBe(2);
    await repo.put(2, [ioc('x', 'x.example')]);
    expect(await repo.count()).toBe(2);
    expect(await repo.count(2)).toBe(1);
  });

  it('appends more IOCs than one chunk holds, and finds each by value', async () => {
    const repo = freshRepo();
    const many = Array.from({ length: 250 }, (_, i) => ioc(`u${i}`, `host-${i}.example`));
    await repo.append(1, many);
    await repo.seal(1);
    expect((await repo.uuids(1)).sort()).toEqual(many.map((i) => i.uuid).sort());
    expect(await repo.byValue('host-249.example')).toEqual([many[249]]);
    expect((await repo.byValues(['HOST-0.example', 'host-120.example'])).map((i) => i.uuid)).toEqual([
      'u0',
      'u120',
    ]);
    expect(
      await repo.remove(
        1,
        [many[0], many[120], many[249]].map((i) => i as Ioc),
      ),
    ).toBe(3);
    expect(await repo.byValue('host-120.example')).toEqual([]);
    expect(await repo.all(1)).toHaveLength(247);
  });

  describe('the look-up of a generation a full sync appends to', () => {
    const hosts = Array.from({ length: 250 }, (_, i) => ioc(`u${i}`, `host-${i}.example`));
    const found = async (repo: ReturnType<typeof createIocRepo>) =>
      (await repo.byValues(hosts.map((each) => each.value))).map((each) => each.uuid);

    it.each<[string, (name: string) => Promise<ReturnType<typeof createIocRepo>>]>([
      [
        'written by seal from what append listed',
        async (name) => {
          const repo = createIocRepo(openIocDb(name));
          await repo.append(2, hosts.slice(0, 120));
          await repo.append(2, hosts.slice(120));
          await repo.seal(2);
          return repo;
        },
      ],
      [
        'built from the stored chunks when the worker restarted between appends',
        async (name) => {
          await createIocRepo(openIocDb(name)).append(2, hosts.slice(0, 120));
          const restarted = createIocRepo(openIocDb(name));
          await restarted.append(2, hosts.slice(120));
          await restarted.seal(2);
          return restarted;
        },
      ],
      [
        'not made of an earlier, interrupted sync of the same generation',
        async (name) => {
          const repo = createIocRepo(openIocDb(name));
          await repo.append(2, [ioc('gone', 'gone.example')]);
          await repo.dropOtherGenerations(1);
          await repo.append(2, hosts);
          await repo.seal(2);
          return repo;
        },
      ],
    ])('is %s', async (_name, fill) => {
      const repo = await fill(`repo-seal-${++n}`);
      expect(await repo.byValues(hosts.map((each) => each.value))).toEqual([]);
      await repo.updateMeta(() => ({ generation: 2 }));
      expect(await found(repo)).toEqual(hosts.map((each) => each.uuid));
      expect(await repo.byValue('gone.example')).toEqual([]);
    });

    it('is not visible before seal', async () => {
      const repo = freshRepo();
      await repo.append(1, hosts);
      expect(await found(repo)).toEqual([]);
      await repo.seal(1);
      expect(await found(repo)).toEqual(hosts.map((each) => each.uuid));
    });
  });

  it('answers no value at once, without opening the cache', async () => {
    const never = createIocRepo(new Promise(() => undefined));
    expect(await never.byValues(['', '   ', '\t'])).toEqual([]);
    expect(await never.byValues([])).toEqual([]);
  });

  it('keeps the buckets to the chunks that hold each value through put and remove', async () => {
    const name = `repo-buckets-${++n}`;
    const repo = createIocRepo(openIocDb(name));
    await repo.put(1, [ioc('a', 'a.example'), ioc('b', 'b.example')]);
    await repo.put(1, [ioc('a', 'a.example', 'IPV4')]);
    await repo.put(1, [ioc('c', 'A.example')]);
    expect((await repo.byValue('a.EXAMPLE')).map((each) => [each.uuid, each.type])).toEqual([
      ['a', 'IPV4'],
      ['c', 'DNS'],
    ]);
    expect(await repo.remove(1, [ioc('a', 'a.example'), ioc('b', 'b.example'), ioc('c', 'a.example')])).toBe(
      3,
    );
    expect(await repo.byValues(['a.example', 'b.example'])).toEqual([]);
    // Nothing listed for the chunks no longer there.
    const db = await openIocDb(name);
    expect((await db.getAll('buckets')).map((bucket) => bucket.entries).join('')).toBe('');
    db.close();
  });

  it('removes by uuid within one generation', async () => {
    const repo = freshRepo();
    await repo.put(1, [ioc('a', 'a.example'), ioc('b', 'b.example')]);
    await repo.put(2, [ioc('a', 'a.example')]);
    await repo.remove(1, [ioc('a', 'a.example')]);
    expect(await repo.uuids(1)).toEqual(['b']);
    expect(await repo.uuids(2)).toEqual(['a']);
  });

  it('tells apart IOCs sharing a value (types, sources) and a value hash', async () => {
    const repo = freshRepo();
    const twins = [ioc('dns', 'Shared.example'), ioc('url', 'shared.example'), ioc('other', 'other.example')];
    await repo.put(1, twins);
    // Updating one of several IOCs with the same value changes that one only.
    expect(await repo.put(1, [{ ...ioc('url', 'SHARED.example'), name: 'renamed' }])).toBe(0);
    expect((await repo.byValue('shared.example')).map((i) => [i.uuid, i.name])).toEqual([
      ['dns', twins[0]?.name],
      ['url', 'renamed'],
    ]);
    expect(await repo.remove(1, [ioc('dns', 'shared.example')])).toBe(1);
    expect((await repo.all()).map((i) => i.uuid).sort()).toEqual(['other', 'url']);
    expect(await repo.count()).toBe(2);
  });

  it('starts from an empty meta record and changes it in place', async () => {
    const repo = freshRepo();
    expect(await repo.meta()).toEqual({
      accountKey: null,
      generation: 1,
      completeAt: null,
      watermark: null,
      lastFullSyncAt: null,
      count: 0,
      revision: 0,
    });
    await repo.updateMeta((m) => ({ generation: m.generation + 1, watermark: 'W' }));
    expect(await repo.meta()).toMatchObject({ generation: 2, watermark: 'W' });
  });

  describe('the record of changes (a page holding every IOC catches up from it)', () => {
    const names = (changes: Awaited<ReturnType<ReturnType<typeof freshRepo>['changesSince']>>) =>
      changes?.map((c) => [c.revision, c.upserts.map((i) => i.uuid), c.removed]) ?? null;

    it('records each write to the visible generation, in order', async () => {
      const repo = freshRepo();
      await repo.put(1, [ioc('a', 'a.example'), ioc('b', 'b.example')]);
      const mark = await repo.mark();
      expect(mark).toEqual({ generation: 1, revision: 1 });
      await repo.put(1, [{ ...ioc('a', 'a.example'), name: 'renamed' }]);
      await repo.remove(1, [ioc('b', 'b.example'), ioc('nowhere', 'n.example')]);
      expect(names(await repo.changesSince(mark))).toEqual([
        [2, ['a'], []],
        [3, [], ['b']],
      ]);
      expect(await repo.changesSince(await repo.mark())).toEqual([]);
    });

    it('records nothing for another generation or a write that changed nothing', async () => {
      const repo = freshRepo();
      const mark = await repo.mark();
      await repo.put(2, [ioc('x', 'x.example')]);
      await repo.append(1, [ioc('y', 'y.example')]);
      expect(await repo.remove(1, [ioc('nowhere', 'n.example')])).toBe(0);
      expect(await repo.mark()).toEqual(mark);
      expect(await repo.changesSince(mark)).toEqual([]);
    });

    it('records only the IOCs a put changed: those stored already as they are (the overlap) are no change', async () => {
      const repo = freshRepo();
      await repo.put(1, [ioc('a', 'a.example'), ioc('b', 'b.example'), ioc('c', 'c.example')]);
      const mark = await repo.mark();
      // The same IOCs again, as a fresh copy (another page's parse), in another key order.
      const { uuid, ...rest } = ioc('a', 'a.example');
      expect(await repo.put(1, [{ ...rest, uuid }, ioc('b', 'b.example')])).toBe(0);
      expect(await repo.mark()).toEqual(mark);
      await repo.put(1, [
        ioc('a', 'a.example'),
        { ...ioc('b', 'b.example'), name: 'renamed' },
        ioc('d', 'd.example'),
      ]);
      expect(names(await repo.changesSince(mark))).toEqual([[2, ['b', 'd'], []]]);
      expect((await repo.byValue('b.example')).map((i) => i.name)).toEqual(['renamed']);
      expect(await repo.count()).toBe(4);
    });

    it('sends a page behind a full sync to read the cache again', async () => {
      const repo = freshRepo();
      await repo.put(1, [ioc('a', 'a.example')]);
      const mark = await repo.mark();
      await repo.append(2, [ioc('b', 'b.example')]);
      await repo.updateMeta(() => ({ generation: 2 }));
      expect(await repo.changesSince(mark)).toBeNull();
      // The revision goes on counting in the new generation.
      await repo.put(2, [ioc('c', 'c.example')]);
      expect(await repo.mark()).toEqual({ generation: 2, revision: 2 });
    });

    it(`keeps the last ${KEPT_CHANGES} writes: a page further behind reads the cache again`, async () => {
      const repo = freshRepo();
      const start = await repo.mark();
      for (let i = 0; i <= KEPT_CHANGES; i++) await repo.put(1, [ioc(`u${i}`, `${i}.example`)]);
      expect(await repo.changesSince(start)).toBeNull();
      const recent = await repo.changesSince({ generation: 1, revision: 1 });
      expect(recent?.map((c) => c.revision)).toEqual(Array.from({ length: KEPT_CHANGES }, (_, i) => i + 2));
    });
  });
});
