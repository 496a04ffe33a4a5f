import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_ROWS, followCache, UNREAD } from '../../../components/page/cache-follower';
import {
  earlyRowsOf,
  readProfileRowsEarly,
  readRowsEarly,
  takeEarlyProfileRows,
  takeEarlyRows,
  withEarlyRows,
} from '../../../components/page/early-rows';
import { makeIoc } from '../iocs/fixtures';

const IOCS = Array.from({ length: 300 }, (_, i) => makeIoc({ uuid: `u${i}`, value: `host-${i}.example` }));

/** A cache of 300 IOCs that records which reads were asked of it, in order. */
function fakeRepo(name: string, reads: string[]) {
  return {
    mark: async () => {
      reads.push(`${name} mark`);
      return { generation: 1, revision: 0 };
    },
    changesSince: async () => [],
    first: async (limit: number) => {
      reads.push(`${name} first ${limit}`);
      return IOCS.slice(0, limit);
    },
    all: async () => {
      reads.push(`${name} all`);
      return IOCS;
    },
  };
}

afterEach(() => {
  takeEarlyRows();
  takeEarlyProfileRows();
});

describe('early rows', () => {
  it('is taken once, and is none where no early script ran', () => {
    expect(takeEarlyRows()).toBeNull();
    readRowsEarly(fakeRepo('early', []), FIRST_ROWS);
    expect(takeEarlyRows()).not.toBeNull();
    expect(takeEarlyRows()).toBeNull();
  });

  it.each([
    {
      name: "answers the page's first mark and first rows from the early read, the rest from the page",
      early: FIRST_ROWS,
      reads: ['early mark', `early first ${FIRST_ROWS}`, 'page all'],
    },
    {
      name: "asks the page's repo again when the early read asked for another number of rows",
      early: 10,
      reads: ['early mark', 'early first 10', `page first ${FIRST_ROWS}`, 'page all'],
    },
  ])('$name', async ({ early, reads: expected }) => {
    const reads: string[] = [];
    readRowsEarly(fakeRepo('early', reads), early);
    const repo = withEarlyRows(fakeRepo('page', reads), takeEarlyRows());
    let state = UNREAD;
    await followCache(repo, (update) => {
      state = update(state);
    }).reload();
    expect(reads).toEqual(expected);
    expect(state.iocs).toHaveLength(300);
  });

  it("reads through the page's repo after the first answers", async () => {
    const reads: string[] = [];
    readRowsEarly(fakeRepo('early', reads), FIRST_ROWS);
    const repo = withEarlyRows(fakeRepo('page', reads), takeEarlyRows());
    await repo.mark();
    await repo.first(FIRST_ROWS);
    reads.length = 0;
    await repo.mark();
    await repo.first(FIRST_ROWS);
    expect(reads).toEqual(['page mark', `page first ${FIRST_ROWS}`]);
  });

  it('hands a failed early read to the page where it awaits it', async () => {
    const failing = { ...fakeRepo('early', []), mark: () => Promise.reject(new Error('no cache')) };
    readRowsEarly(failing, FIRST_ROWS);
    const repo = withEarlyRows(fakeRepo('page', []), takeEarlyRows());
    let state = UNREAD;
    await followCache(repo, (update) => {
      state = update(state);
    }).reload();
    expect(state.error).toContain('no cache');
  });
});

describe('early rows across profiles', () => {
  it('is taken once, and is none where no early script ran across profiles', () => {
    expect(takeEarlyProfileRows()).toBeNull();
    readProfileRowsEarly(Promise.resolve(new Map([['p1', fakeRepo('p1', [])]])), FIRST_ROWS);
    expect(takeEarlyRows()).toBeNull();
    expect(takeEarlyProfileRows()).not.toBeNull();
    expect(takeEarlyProfileRows()).toBeNull();
  });

  it.each([
    {
      name: "answers each listed profile's first mark and rows from its early read",
      listed: ['p1', 'p2'],
      asked: 'p2',
      reads: ['early p1 mark', 'early p2 mark', 'early p1 first 200', 'early p2 first 200', 'page p2 all'],
    },
    {
      name: 'reads a profile the early script did not know (added meanwhile) through its own repo',
      listed: ['p1'],
      asked: 'p3',
      reads: ['early p1 mark', 'early p1 first 200', 'page p3 mark', 'page p3 first 200', 'page p3 all'],
    },
  ])('$name', async ({ listed, asked, reads: expected }) => {
    const reads: string[] = [];
    readProfileRowsEarly(
      Promise.resolve(new Map(listed.map((id) => [id, fakeRepo(`early ${id}`, reads)]))),
      FIRST_ROWS,
    );
    const early = takeEarlyProfileRows();
    // Every early read is under way before the page asks (as when the modules load meanwhile).
    await (await early)?.get(listed.at(-1) as string)?.first;
    const repo = withEarlyRows(fakeRepo(`page ${asked}`, reads), earlyRowsOf(early, asked));
    let state = UNREAD;
    await followCache(repo, (update) => {
      state = update(state);
    }).reload();
    expect(reads).toEqual(expected);
    expect(state.iocs).toHaveLength(300);
  });

  it.each([
    { name: 'no early script ran', early: () => null },
    { name: 'the profile was not listed', early: () => Promise.resolve(new Map()) },
    { name: 'the list could not be read', early: () => Promise.reject(new Error('no storage')) },
  ])('has no reads for a profile when $name', async ({ early }) => {
    expect(await earlyRowsOf(early(), 'p2')).toBeNull();
  });

  it("hands a failed early read of one profile to that profile's reads alone", async () => {
    const failing = { ...fakeRepo('early p2', []), mark: () => Promise.reject(new Error('no cache')) };
    readProfileRowsEarly(
      Promise.resolve(
        new Map([
          ['p1', fakeRepo('early p1', [])],
          ['p2', failing],
        ]),
      ),
      FIRST_ROWS,
    );
    const early = takeEarlyProfileRows();
    const states = await Promise.all(
      ['p1', 'p2'].map(async (id) => {
        let state = UNREAD;
        await followCache(withEarlyRows(fakeRepo(`page ${id}`, []), earlyRowsOf(early, id)), (update) => {
          state = update(state);
        }).reload();
        return state;
      }),
    );
    expect(states.map((state) => [state.iocs?.length ?? null, state.error !== null])).toEqual([
      [300, false],
      [null, true],
    ]);
  });
});
