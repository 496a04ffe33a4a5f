import { describe, expect, it } from 'vitest';
import type { Ioc } from '../../../lib/s1/schemas';
import { applyChanges, type CacheChange, changesFrom } from '../../../lib/store/cache-changes';

const ioc = (uuid: string, name = ''): Ioc => ({
  uuid,
  value: `${uuid}.example`,
  type: 'DNS',
  source: 'Test',
  method: 'EQUALS',
  name,
  uploadTime: '2026-01-01T00:00:00.000000Z',
  updatedAt: '2026-01-01T00:00:00.000000Z',
});
const change = (
  revision: number,
  upserts: Ioc[] = [],
  removed: string[] = [],
  generation = 1,
): CacheChange => ({
  generation,
  revision,
  upserts,
  removed,
});
/** uuid, or uuid:name when the IOC has a name: what a list holds, in order. */
const shown = (iocs: Ioc[]) => iocs.map((i) => (i.name ? `${i.uuid}:${i.name}` : i.uuid));

describe('applyChanges', () => {
  it.each<[string, Ioc[], CacheChange[], string[]]>([
    ['no changes', [ioc('a'), ioc('b')], [], ['a', 'b']],
    [
      'a stored IOC replaces its uuid in place',
      [ioc('a'), ioc('b'), ioc('c')],
      [change(1, [ioc('b', 'new')])],
      ['a', 'b:new', 'c'],
    ],
    ['a new IOC goes last', [ioc('a')], [change(1, [ioc('z')])], ['a', 'z']],
    ['a removed IOC leaves', [ioc('a'), ioc('b')], [change(1, [], ['a'])], ['b']],
    ['removing an IOC the list lacks changes nothing', [ioc('a')], [change(1, [], ['x'])], ['a']],
    [
      'later changes win: stored, then removed',
      [ioc('a')],
      [change(1, [ioc('b')]), change(2, [], ['b'])],
      ['a'],
    ],
    [
      'later changes win: removed, then stored again',
      [ioc('a'), ioc('b')],
      [change(1, [], ['a']), change(2, [ioc('a', 'back')])],
      ['a:back', 'b'],
    ],
    [
      'the newest version of an IOC stored twice',
      [ioc('a')],
      [change(1, [ioc('a', 'one')]), change(2, [ioc('a', 'two')])],
      ['a:two'],
    ],
    [
      're-applying a change the list already holds',
      [ioc('a', 'x'), ioc('b')],
      [change(1, [ioc('a', 'x')], ['c'])],
      ['a:x', 'b'],
    ],
    ['an empty list', [], [change(1, [ioc('a'), ioc('b')])], ['a', 'b']],
  ])('%s', (_, iocs, changes, expected) => {
    expect(shown(applyChanges(iocs, changes))).toEqual(expected);
  });

  it('leaves the list it was given as it was', () => {
    const iocs = [ioc('a')];
    applyChanges(iocs, [change(1, [ioc('a', 'new')], [])]);
    expect(shown(iocs)).toEqual(['a']);
  });
});

describe('changesFrom', () => {
  const kept = [change(3), change(5), change(4), change(6), change(2, [], [], 0)];
  it.each<
    [
      string,
      { generation: number; revision: number },
      { generation: number; revision: number },
      number[] | null,
    ]
  >([
    ['up to date', { generation: 1, revision: 6 }, { generation: 1, revision: 6 }, []],
    [
      'behind by three, in revision order',
      { generation: 1, revision: 3 },
      { generation: 1, revision: 6 },
      [4, 5, 6],
    ],
    ['behind by one', { generation: 1, revision: 5 }, { generation: 1, revision: 6 }, [6]],
    [
      'further behind than the changes kept',
      { generation: 1, revision: 1 },
      { generation: 1, revision: 6 },
      null,
    ],
    ['another generation is visible', { generation: 0, revision: 2 }, { generation: 1, revision: 6 }, null],
    ['the latest revision is not kept', { generation: 1, revision: 5 }, { generation: 1, revision: 7 }, null],
    [
      'a mark ahead of the cache (it was emptied)',
      { generation: 1, revision: 9 },
      { generation: 1, revision: 6 },
      null,
    ],
  ])('%s', (_, mark, latest, expected) => {
    const found = changesFrom(mark, latest, kept);
    expect(found === null ? null : found.map((c) => c.revision)).toEqual(expected);
  });

  it('finds a gap in the changes kept', () => {
    expect(
      changesFrom({ generation: 1, revision: 2 }, { generation: 1, revision: 5 }, [change(3), change(5)]),
    ).toBeNull();
  });
});
