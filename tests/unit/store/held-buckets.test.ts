import { describe, expect, it } from 'vitest';
import type { Ioc } from '../../../lib/s1/schemas';
import { heldChunkIds, holdBuckets, iocsOfKeys, keysOf, stillHeld } from '../../../lib/store/held-buckets';
import { keyHash } from '../../../lib/store/ioc-chunks';
import { BucketBuilder } from '../../../lib/store/value-buckets';

const ioc = (uuid: string, value: string): Ioc => ({
  uuid,
  value,
  type: 'DNS',
  source: 'Test',
  method: 'EQUALS',
  uploadTime: '2026-01-01T00:00:00.000000Z',
  updatedAt: '2026-01-01T00:00:00.000000Z',
});

/** Two different keys of one 32-bit hash, found by trying names (deterministic: the first pair). */
function collidingKeys(): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; ; i++) {
    const key = `c${i.toString(36)}.example`;
    const hash = keyHash(key);
    const other = seen.get(hash);
    if (other !== undefined) return [other, key];
    seen.set(hash, key);
  }
}

const [SAME_A, SAME_B] = collidingKeys();

const CHUNKS = {
  c1: [ioc('a', 'Evil.example'), ioc('b', '10.0.0.1')],
  c2: [ioc('c', 'other.example'), ioc('d', SAME_A)],
  c3: [ioc('e', SAME_B), ioc('f', 'evil.example')],
};

function held(generation = 4, revision = 7) {
  const builder = new BucketBuilder();
  for (const [id, iocs] of Object.entries(CHUNKS)) builder.add(id, iocs);
  // A record of another generation is never held as this one's.
  const other = new BucketBuilder();
  other.add('old', [ioc('z', 'gone.example')]);
  return holdBuckets({ generation, revision }, [
    ...builder.records(generation),
    ...other.records(generation - 1),
  ]);
}

const read = (ids: string[]) => ids.map((id) => ({ iocs: CHUNKS[id as keyof typeof CHUNKS] ?? [] }));

describe('held buckets: the chunks a value may be in, from memory', () => {
  it.each<[string, string[], string[], string[]]>([
    ['a value held, in another case', ['EVIL.example'], ['c1', 'c3'], ['a', 'f']],
    ['a value held once', ['10.0.0.1'], ['c1'], ['b']],
    ['a value not held', ['nowhere.example'], [], []],
    ['a value of another generation is not held', ['gone.example'], [], []],
    ['an empty value asks nothing', ['  '], [], []],
    ['one of two values sharing a hash', [SAME_A], ['c2', 'c3'], ['d']],
    ['the other of them', [SAME_B], ['c2', 'c3'], ['e']],
    ['several at once, in the order asked', ['other.example', '10.0.0.1'], ['c1', 'c2'], ['c', 'b']],
  ])('%s', (_label, values, chunkIds, uuids) => {
    const keys = keysOf(values);
    const ids = heldChunkIds(held(), keys);
    expect([...ids].sort()).toEqual(chunkIds);
    expect(iocsOfKeys(keys, read(ids)).map((found) => found.uuid)).toEqual(uuids);
  });

  it.each<[string, { generation: number; revision: number }, boolean]>([
    ['the meta it was read at', { generation: 4, revision: 7 }, true],
    ['a write since (revision)', { generation: 4, revision: 8 }, false],
    ['a full sync since (generation)', { generation: 5, revision: 7 }, false],
    ['an older meta', { generation: 4, revision: 6 }, false],
  ])('is trusted against %s: %s', (_label, meta, trusted) => {
    expect(stillHeld(held(), meta)).toBe(trusted);
  });
});
