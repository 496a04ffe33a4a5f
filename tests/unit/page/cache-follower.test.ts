import { describe, expect, it } from 'vitest';
import { type CacheState, followCache, UNREAD } from '../../../components/page/cache-follower';
import { makeIoc } from '../iocs/fixtures';

const IOCS = Array.from({ length: 300 }, (_, i) => makeIoc({ uuid: `u${i}`, value: `host-${i}.example` }));

/** A cache of 300 IOCs that records which reads were made, in order. */
function fakeRepo() {
  const reads: string[] = [];
  return {
    reads,
    repo: {
      mark: async () => ({ generation: 1, revision: 0 }),
      changesSince: async () => [],
      first: async (limit: number) => {
        reads.push(`first ${limit}`);
        return IOCS.slice(0, limit);
      },
      all: async () => {
        reads.push('all');
        return IOCS;
      },
    },
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('followCache', () => {
  it('shows the first rows, then every IOC, by default at once', async () => {
    const { repo, reads } = fakeRepo();
    const states: CacheState[] = [];
    let state = UNREAD;
    await followCache(repo, (update) => {
      state = update(state);
      states.push(state);
    }).reload();
    expect(reads).toEqual(['first 200', 'all']);
    expect(states.map((s) => [s.iocs?.length, s.complete])).toEqual([
      [200, false],
      [300, true],
    ]);
  });

  it('holds the read of every IOC until untilFirstShown is kept', async () => {
    const { repo, reads } = fakeRepo();
    let state = UNREAD;
    let painted = () => {};
    const firstPaint = new Promise<void>((resolve) => {
      painted = resolve;
    });
    const done = followCache(
      repo,
      (update) => {
        state = update(state);
      },
      () => firstPaint,
    ).reload();
    for (let i = 0; i < 5; i++) await tick();
    expect(reads).toEqual(['first 200']);
    expect(state.complete).toBe(false);
    painted();
    await done;
    expect(reads).toEqual(['first 200', 'all']);
    expect(state.iocs).toHaveLength(300);
  });

  it('a reload asked during the first read waits for it and then only looks at the changes', async () => {
    const { repo, reads } = fakeRepo();
    let state = UNREAD;
    const follower = followCache(repo, (update) => {
      state = update(state);
    });
    await Promise.all([follower.reload(), follower.reload()]);
    expect(reads).toEqual(['first 200', 'all']);
    expect(state.complete).toBe(true);
  });
});
