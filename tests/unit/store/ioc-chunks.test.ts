import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { type Ioc, IocSchema } from '../../../lib/s1/schemas';
import {
  CHUNK_SIZE,
  rewriteChunk,
  sameIoc,
  splitIocs,
  toChunk,
  valueHash,
} from '../../../lib/store/ioc-chunks';
import { createSimulator } from '../../simulator';

const ioc = (uuid: string, value = `${uuid}.example`, name?: string): Ioc => ({
  uuid,
  value,
  type: 'DNS',
  source: 'Test',
  method: 'EQUALS',
  uploadTime: '2026-01-01T00:00:00.000000Z',
  updatedAt: '2026-01-01T00:00:00.000000Z',
  ...(name ? { name } : {}),
});

describe('CHUNK_SIZE', () => {
  // Chromium writes a value past 64 KB to a file of its own, which cost its browser process far less
  // than the log-structured store smaller values go to (ioc-chunks.ts). V8's serializer is the one
  // IndexedDB uses for the structured clone.
  it('makes a chunk of typical IOCs serialize past 64 KB', () => {
    const sim = createSimulator({ iocs: CHUNK_SIZE, includeFixtureIocs: false, logBodies: false });
    const iocs = IocSchema.array().parse(sim.iocs(sim.defaultAccountId));
    expect(iocs).toHaveLength(CHUNK_SIZE);
    expect(serialize(toChunk(1, 'c1', iocs)).length).toBeGreaterThan(64 * 1024);
  });
});

describe('toChunk', () => {
  it('holds the IOCs and nothing else (their look-up is in the buckets)', () => {
    expect(toChunk(3, 'c1', [ioc('a', ' Evil.EXAMPLE '), ioc('b')])).toEqual({
      generation: 3,
      id: 'c1',
      iocs: [ioc('a', ' Evil.EXAMPLE '), ioc('b')],
    });
  });
});

describe('valueHash', () => {
  it.each<[string, string, boolean]>([
    ['evil.example', 'evil.example', true],
    ['Evil.EXAMPLE', 'evil.example', true],
    ['  evil.example ', 'evil.example', true],
    ['D41D8CD98F00B204E9800998ECF8427F', 'd41d8cd98f00b204e9800998ecf8427f', true],
    ['evil.example', 'evil.exampl', false],
    ['1.2.3.4', '1.2.3.5', false],
    ['', ' ', true],
    ['2001:DB8:0:1EB7::0DC4', '2001:db8:0:1eb7::dc4', true],
    ['2001:db8::1', '2001:db8::2', false],
  ])('%j and %j hash alike: %s', (a, b, same) => {
    expect(valueHash(a) === valueHash(b)).toBe(same);
  });

  it('is short', () => {
    expect(valueHash(`https://${'x'.repeat(500)}.example/`)).toMatch(/^[0-9a-z]{1,7}$/);
  });
});

describe('splitIocs', () => {
  it.each<[number, number, number[]]>([
    [0, 100, []],
    [1, 100, [1]],
    [100, 100, [100]],
    [101, 100, [100, 1]],
    [250, 100, [100, 100, 50]],
    [5, 2, [2, 2, 1]],
  ])('%i IOCs in chunks of %i -> %j', (count, size, sizes) => {
    const iocs = Array.from({ length: count }, (_, i) => ioc(`u${i}`));
    const groups = splitIocs(iocs, size);
    expect(groups.map((group) => group.length)).toEqual(sizes);
    expect(groups.flat()).toEqual(iocs);
  });
});

describe('rewriteChunk', () => {
  const chunk = toChunk(1, 'c', [ioc('a'), ioc('b'), ioc('c')]);
  it.each<[string, Map<string, Ioc>, Set<string>, string[] | null, number]>([
    ['nothing to do', new Map(), new Set(), ['a', 'b', 'c'], 0],
    ['a replacement', new Map([['b', ioc('b', 'b.example', 'new')]]), new Set(), ['a', 'b', 'c'], 1],
    ['a replacement for a uuid elsewhere', new Map([['z', ioc('z')]]), new Set(), ['a', 'b', 'c'], 0],
    ['a drop', new Map(), new Set(['a']), ['b', 'c'], 1],
    ['a drop of a uuid elsewhere', new Map(), new Set(['z']), ['a', 'b', 'c'], 0],
    ['dropping every IOC', new Map(), new Set(['a', 'b', 'c']), null, 3],
    ['a drop and a replacement', new Map([['c', ioc('c', 'c.example', 'x')]]), new Set(['a']), ['b', 'c'], 2],
  ])('%s', (_name, replace, drop, uuids, changed) => {
    const next = rewriteChunk(chunk, replace, drop);
    expect(next.changed).toBe(changed);
    expect(next.chunk?.iocs.map((i) => i.uuid) ?? null).toEqual(uuids);
    if (next.chunk) {
      expect(next.chunk.id).toBe('c');
      for (const [uuid, replacement] of replace)
        if (uuids?.includes(uuid)) expect(next.chunk.iocs.find((i) => i.uuid === uuid)).toBe(replacement);
    }
  });
});

describe('sameIoc', () => {
  const base = { ...ioc('a', 'a.example', 'n'), category: ['x', 'y'], threatActors: [] as string[] };
  it.each<[string, Ioc, boolean]>([
    ['a copy', structuredClone(base), true],
    ['a copy in another key order', Object.fromEntries(Object.entries(base).reverse()) as Ioc, true],
    ['another name', { ...base, name: 'm' }, false],
    ['another updatedAt', { ...base, updatedAt: '2026-01-02T00:00:00.000000Z' }, false],
    ['a field less', (({ name: _n, ...rest }) => rest)(base) as Ioc, false],
    ['a field more', { ...base, description: 'd' }, false],
    ['a null for a value', { ...base, name: null } as unknown as Ioc, false],
    ['a list in another order', { ...base, category: ['y', 'x'] }, false],
    ['a list longer', { ...base, category: ['x', 'y', 'z'] }, false],
  ])('%s: %s', (_name, other, same) => {
    expect(sameIoc(base, other)).toBe(same);
    expect(sameIoc(other, base)).toBe(same);
  });
});
