/**
 * Seeded PRNG (sfc32 seeded through splitmix32), so uuids, batchIds, seed data and fault draws repeat
 * exactly for a given seed (docs/sentinelone-api.md#determinism-seed-data-and-observation).
 */
export interface Prng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** n lowercase hex characters. */
  hex(n: number): string;
  pick<T>(items: readonly T[]): T;
  /** true with probability p. */
  chance(p: number): boolean;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

// Buffer -> hex gives flat strings; concatenated strings are cons trees that cost 2-3x the memory,
// which matters when seeding 1M IOCs.
const scratch = Buffer.alloc(260); // hex() serves up to 512 characters

/** Forces V8 to flatten a concatenated string (indexed access does), so it is stored compactly. */
export function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}

export function createPrng(seed: number): Prng {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const u32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) u32();
  const next = () => u32() / 4294967296;
  return {
    next,
    int: (n) => Math.floor(next() * n),
    hex(n) {
      const bytes = Math.min(256, Math.ceil(n / 2));
      for (let i = 0; i < bytes; i += 4) scratch.writeUInt32BE(u32(), i);
      const out = scratch.toString('hex', 0, bytes);
      return out.length === n ? out : out.slice(0, n);
    },
    pick<T>(items: readonly T[]): T {
      return items[Math.floor(next() * items.length)] as T;
    },
    chance: (p) => next() < p,
  };
}
