import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStatusPublisher } from '../../../lib/sync/status-publisher';
import { IDLE_STATUS, type SyncStatus } from '../../../lib/sync/sync-status';

const progress = (fetched: number) => ({
  running: { kind: 'full' as const, phase: 'fetching' as const, fetched, total: 100, startedAt: 'T' },
});

describe('createStatusPublisher', () => {
  let saved: SyncStatus[];
  let badges: string[];
  beforeEach(() => {
    vi.useFakeTimers();
    saved = [];
    badges = [];
  });
  afterEach(() => vi.useRealTimers());

  const publisher = () =>
    createStatusPublisher({
      load: async () => ({ ...IDLE_STATUS, iocCount: 7 }),
      save: async (status) => {
        saved.push(status);
      },
      setBadge: (text) => {
        badges.push(text);
      },
    });

  it('writes progress at most every 250 ms, then the latest', async () => {
    const publish = publisher();
    await publish(progress(1));
    await publish(progress(2));
    await publish(progress(3));
    expect(saved.map((s) => s.running?.fetched)).toEqual([1]);
    await vi.advanceTimersByTimeAsync(250);
    expect(saved.map((s) => s.running?.fetched)).toEqual([1, 3]);
    expect(badges).toEqual(['1%', '3%']);
  });

  it('writes the end of a sync at once, over pending progress, keeping what it did not change', async () => {
    const publish = publisher();
    await publish(progress(1));
    await publish(progress(2));
    await publish({ running: null, completeAt: 'done' });
    expect(saved.at(-1)).toEqual({ ...IDLE_STATUS, iocCount: 7, running: null, completeAt: 'done' });
    expect(badges.at(-1)).toBe('');
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved).toHaveLength(2);
  });
});

describe('a change that leaves the status as it was', () => {
  const fire = (excluded: string[]) => ({
    state: 'known' as const,
    accountKey: 'K',
    disableThreat: false,
    excludeTii: excluded,
    excludeTiiTotal: excluded.length,
    threatMinScore: null,
  });
  const stored: SyncStatus = { ...IDLE_STATUS, accountKey: 'K', fire: fire(['a.example']), iocCount: 7 };

  it.each<[string, number, () => Promise<SyncStatus>, Partial<SyncStatus>]>([
    ['the same TI settings again', 0, async () => stored, { fire: fire(['a.example']) }],
    [
      'the same settings, keys in another order',
      0,
      async () => stored,
      { fire: { ...fire([]), excludeTii: ['a.example'], excludeTiiTotal: 1 } },
    ],
    ['another excluded value', 1, async () => stored, { fire: fire(['a.example', 'b.example']) }],
    ['the same count beside a new one', 1, async () => stored, { iocCount: 7, completeAt: 'C' }],
    ['a field the status did not hold', 1, async () => IDLE_STATUS, { fire: fire([]) }],
    [
      'the same as the fallback when storage could not be read',
      1,
      () => Promise.reject(new Error('storage')),
      { iocCount: 0 },
    ],
  ])('%s: %d writes', async (_name, writes, load, change) => {
    const saved: SyncStatus[] = [];
    const publish = createStatusPublisher({
      load,
      save: async (status) => {
        saved.push(status);
      },
      setBadge: () => undefined,
    });
    await publish(change);
    expect(saved).toHaveLength(writes);
  });

  it('writes again after a write failed, though nothing changed since', async () => {
    const saved: SyncStatus[] = [];
    let failNext = true;
    const publish = createStatusPublisher({
      load: async () => stored,
      save: async (status) => {
        if (failNext) {
          failNext = false;
          throw new Error('quota');
        }
        saved.push(status);
      },
      setBadge: () => undefined,
    });
    await expect(publish({ iocCount: 8 })).rejects.toThrow('quota');
    await publish({ iocCount: 8 });
    expect(saved.map((s) => s.iocCount)).toEqual([8]);
  });
});

describe('a worker starting after a stopped one', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it.each<[string, SyncStatus, boolean]>([
    ['a sync left running', { ...IDLE_STATUS, ...progress(40), completeAt: 'C' }, true],
    ['an idle status', { ...IDLE_STATUS, completeAt: 'C' }, false],
  ])('%s: interrupted=%s', async (_name, loaded, interrupted) => {
    const saved: SyncStatus[] = [];
    let resumed = 0;
    createStatusPublisher({
      load: async () => loaded,
      save: async (status) => {
        saved.push(status);
      },
      setBadge: () => undefined,
      onInterrupted: () => resumed++,
      now: () => 'T1',
    });
    await vi.advanceTimersByTimeAsync(1);
    expect(resumed).toBe(interrupted ? 1 : 0);
    if (!interrupted) return void expect(saved).toEqual([]);
    expect(saved).toEqual([
      {
        ...loaded,
        running: null,
        lastError: { kind: 'interrupted', message: expect.stringMatching(/stopped .* worker/), at: 'T1' },
      },
    ]);
  });
});
