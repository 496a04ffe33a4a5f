import { describe, expect, it } from 'vitest';
import { toRecord } from './ioc-model';
import { compareKeys, ScopeStore, SORT_FIELDS, type SortBy, sortKeyOf } from './scope-store';
import { generateRecords } from './seed';

const NOW = Date.parse('2026-11-27T12:00:00Z') * 1000;
const records = (count: number, seed: number) => generateRecords({ count, seed, scopeId: '1', now: NOW });

/** The order a view must have: by the sort key, then uuid. */
function fullySorted(store: ScopeStore, sortBy: SortBy): string[] {
  return [...store.all()]
    .sort((a, b) => compareKeys(sortKeyOf(a, sortBy), a.uuid, sortKeyOf(b, sortBy), b.uuid))
    .map((r) => r.uuid);
}

describe('ScopeStore views after writes', () => {
  it.each<[string, (store: ScopeStore) => void]>([
    [
      'a few records replaced',
      (store) => {
        for (const old of store.all().slice(10, 20)) {
          const ioc = { ...old.ioc, updatedAt: '2026-11-27T11:59:59.000000Z', source: 'Zed' };
          store.replace(old, toRecord(ioc));
        }
      },
    ],
    ['a few records inserted', (store) => store.insert(records(30, 7))],
    [
      'one record replaced twice',
      (store) => {
        const old = store.all()[5];
        if (!old) throw new Error('empty store');
        const once = toRecord({ ...old.ioc, updatedAt: '2026-11-27T11:00:00.000000Z' });
        store.replace(old, once);
        store.replace(once, toRecord({ ...old.ioc, updatedAt: '2025-01-01T00:00:00.000000Z' }));
      },
    ],
    ['many records inserted (a full re-sort)', (store) => store.insert(records(300, 8))],
    ['records removed (a full re-sort)', (store) => store.removeWhere((r) => r.uuid < '4')],
    ['a few records removed (patched)', (store) => store.removeWhere((r) => r.uuid < '08')],
    [
      'records inserted, then some of them and some old ones removed',
      (store) => {
        const fresh = records(20, 9);
        store.insert(fresh);
        const gone = new Set([...fresh.slice(0, 5), ...store.all().slice(0, 5)].map((r) => r.uuid));
        store.removeWhere((r) => gone.has(r.uuid));
      },
    ],
    [
      'a record replaced, then removed',
      (store) => {
        const old = store.all()[3];
        if (!old) throw new Error('empty store');
        const next = toRecord({ ...old.ioc, updatedAt: '2026-11-27T11:00:00.000000Z' });
        store.replace(old, next);
        store.removeWhere((r) => r === next);
      },
    ],
  ])('stay in order: %s', (_name, change) => {
    for (const settled of [false, true]) {
      const store = new ScopeStore();
      store.insert(records(500, 1));
      for (const sortBy of SORT_FIELDS) store.view(sortBy);
      change(store);
      // settle() (called when a write request ends) brings the views up to date at once; without it
      // the next read does.
      if (settled) store.settle();
      for (const sortBy of SORT_FIELDS) {
        expect(
          store.view(sortBy).map((r) => r.uuid),
          `${sortBy}, settled: ${settled}`,
        ).toEqual(fullySorted(store, sortBy));
      }
    }
  });

  it.each([
    ['after an insert', (store: ScopeStore) => store.insert(records(3, 11))],
    ['after a delete', (store: ScopeStore) => store.removeWhere((r) => r.uuid < '1')],
  ])('forgets its cached counts %s, settled or not', (_name, change) => {
    for (const settled of [false, true]) {
      const store = new ScopeStore();
      store.insert(records(200, 1));
      expect(store.cachedCount('all', () => store.size)).toBe(200);
      change(store);
      if (settled) store.settle();
      expect(store.cachedCount('all', () => store.size)).toBe(store.size);
      expect(store.size).not.toBe(200);
    }
  });
});
