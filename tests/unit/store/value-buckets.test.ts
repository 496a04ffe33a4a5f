import { describe, expect, it } from 'vitest';
import type { Ioc } from '../../../lib/s1/schemas';
import { valueHash } from '../../../lib/store/ioc-chunks';
import {
  BUCKETS,
  BucketBuilder,
  BucketEdits,
  chunkIdsIn,
  editEntries,
  slotOf,
  slotsOfIocs,
} from '../../../lib/store/value-buckets';

const ioc = (uuid: string, value = `${uuid}.example`): Ioc => ({
  uuid,
  value,
  type: 'DNS',
  source: 'Test',
  method: 'EQUALS',
  uploadTime: '2026-01-01T00:00:00.000000Z',
  updatedAt: '2026-01-01T00:00:00.000000Z',
});

describe('slotOf', () => {
  it.each<[string, string]>([
    ['Evil.EXAMPLE', 'evil.example'],
    ['  evil.example ', 'evil.example'],
    ['2001:DB8:0:1EB7::0DC4', '2001:db8:0:1eb7::dc4'],
  ])('%j is listed where %j is', (a, b) => {
    expect(slotOf(a)).toEqual(slotOf(b));
  });

  it('names the hash the chunks are listed under, and a bucket in range', () => {
    const slot = slotOf('evil.example');
    expect(slot.hash).toBe(valueHash('evil.example'));
    expect(slot.bucket).toBeGreaterThanOrEqual(0);
    expect(slot.bucket).toBeLessThan(BUCKETS);
    expect(Number.isInteger(slot.bucket)).toBe(true);
  });

  it('spreads values over the buckets', () => {
    const used = new Set(Array.from({ length: 10_000 }, (_, i) => slotOf(`host-${i}.example`).bucket));
    expect(used.size).toBe(BUCKETS);
  });
});

describe('chunkIdsIn', () => {
  it.each<[string, string, string, string[]]>([
    ['nothing listed', '', 'abc', []],
    ['one entry', ';abc=c1', 'abc', ['c1']],
    ['the last of several', ';x=c0;abc=c1', 'abc', ['c1']],
    ['the first of several', ';abc=c1;x=c0', 'abc', ['c1']],
    ['several chunks', ';abc=c1;x=c0;abc=c2', 'abc', ['c1', 'c2']],
    ['a hash that ends another', ';xabc=c1', 'abc', []],
    ['a hash that starts another', ';abcx=c1', 'abc', []],
    ['a chunk id equal to the hash', ';x=abc', 'abc', []],
  ])('%s', (_name, entries, hash, ids) => {
    expect(chunkIdsIn(entries, hash)).toEqual(ids);
  });
});

describe('editEntries', () => {
  it.each<[string, string, string[], string[], string]>([
    ['adds to nothing', '', ['a=c1'], [], ';a=c1'],
    ['adds after the others', ';a=c1', ['b=c1'], [], ';a=c1;b=c1'],
    ['adds an entry once', ';a=c1', ['a=c1'], [], ';a=c1'],
    ['removes', ';a=c1;b=c1', [], ['a=c1'], ';b=c1'],
    ['removes the last', ';a=c1', [], ['a=c1'], ''],
    ['removes only that chunk', ';a=c1;a=c2', [], ['a=c1'], ';a=c2'],
    ['removes and adds', ';a=c1', ['a=c2'], ['a=c1'], ';a=c2'],
    ['leaves what it does not name', ';a=c1', [], ['b=c1'], ';a=c1'],
  ])('%s', (_name, entries, add, remove, expected) => {
    expect(editEntries(entries, add, new Set(remove))).toBe(expected);
  });
});

describe('slotsOfIocs', () => {
  it('gives a value held twice (in any case) once', () => {
    expect(slotsOfIocs([ioc('a', 'Evil.example'), ioc('b', 'evil.EXAMPLE'), ioc('c')])).toEqual([
      slotOf('evil.example'),
      slotOf('c.example'),
    ]);
  });
});

describe('BucketBuilder', () => {
  it('lists each chunk under the hash of each of its values, in that hash bucket', () => {
    const builder = new BucketBuilder();
    builder.add('c1', [ioc('a'), ioc('b')]);
    builder.add('c2', [ioc('a2', 'A.example')]);
    expect(builder.chunks).toBe(2);
    const records = builder.records(7);
    expect(records.every((record) => record.generation === 7)).toBe(true);
    const find = (value: string) => {
      const { hash, bucket } = slotOf(value);
      return chunkIdsIn(records.find((record) => record.bucket === bucket)?.entries ?? '', hash);
    };
    expect(find('a.example')).toEqual(['c1', 'c2']);
    expect(find('b.example')).toEqual(['c1']);
    expect(find('nowhere.example')).toEqual([]);
  });

  it('writes no record for an empty bucket', () => {
    const builder = new BucketBuilder();
    builder.add('c1', [ioc('a')]);
    expect(builder.records(1)).toEqual([
      { generation: 1, bucket: slotOf('a.example').bucket, entries: expect.any(String) },
    ]);
    expect(new BucketBuilder().records(1)).toEqual([]);
  });
});

describe('BucketEdits', () => {
  const entry = (value: string, id: string) => `${slotOf(value).hash}=${id}`;
  /** The entries the edits leave in every bucket they touch, from empty buckets. */
  const added = (edits: BucketEdits) =>
    edits.buckets
      .flatMap((bucket) => edits.applied(bucket, '').split(';'))
      .filter((e) => e !== '')
      .sort();

  it.each<[string, Ioc[], Ioc[], string[]]>([
    ['a new chunk lists each value once', [], [ioc('a'), ioc('b', 'A.example')], [entry('a.example', 'c')]],
    ['a replacement keeping its value edits nothing', [ioc('a'), ioc('b')], [ioc('a'), ioc('b')], []],
    [
      'a replacement changing its value',
      [ioc('a'), ioc('b')],
      [ioc('a'), ioc('b', 'z.example')],
      [entry('z.example', 'c')],
    ],
    ['a deleted chunk', [ioc('a')], [], []],
  ])('%s', (_name, before, after, listed) => {
    const edits = new BucketEdits();
    edits.change('c', before, after);
    expect(added(edits)).toEqual([...listed].sort());
    if (before.length === after.length && listed.length === 0) expect(edits.buckets).toEqual([]);
  });

  it("removes the entries of values no longer held, and keeps other chunks' entries", () => {
    const edits = new BucketEdits();
    edits.change('c', [ioc('a'), ioc('b'), ioc('c', 'A.EXAMPLE')], [ioc('c', 'A.EXAMPLE')]);
    // a.example is still held (in another case): only b.example's entry goes.
    const bucket = slotOf('b.example').bucket;
    expect(edits.buckets).toEqual([bucket]);
    expect(edits.applied(bucket, `;${entry('b.example', 'c')};${entry('b.example', 'other')}`)).toBe(
      `;${entry('b.example', 'other')}`,
    );
  });
});
