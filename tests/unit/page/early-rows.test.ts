import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_ROWS, followCache, UNREAD } from '../../../components/page/cache-follower';
import { readRowsEarly, takeEarlyRows, withEarlyRows } from '../../../components/page/early-rows';
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
