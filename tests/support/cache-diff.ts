/**
 * How a cache differs from what the console holds, by uuid: IOCs missing from the cache, IOCs the
 * console no longer has, and IOCs whose stored fields differ from the console's (stale).
 */
export interface CacheDiff {
  missing: string[];
  extra: string[];
  stale: string[];
}

type Keyed = { uuid: string };

/** Field-for-field equality of two JSON values (key order ignored). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export function diffCache(cache: readonly Keyed[], server: readonly Keyed[]): CacheDiff {
  const cached = new Map(cache.map((ioc) => [ioc.uuid, ioc]));
  const held = new Map(server.map((ioc) => [ioc.uuid, ioc]));
  const diff: CacheDiff = { missing: [], extra: [], stale: [] };
  for (const [uuid, ioc] of held) {
    const mine = cached.get(uuid);
    if (!mine) diff.missing.push(uuid);
    else if (!sameJson(mine, ioc)) diff.stale.push(uuid);
  }
  for (const uuid of cached.keys()) if (!held.has(uuid)) diff.extra.push(uuid);
  // The cache holding one uuid twice is as wrong as an extra IOC.
  if (cached.size < cache.length) diff.extra.push(...duplicates(cache));
  return diff;
}

function duplicates(cache: readonly Keyed[]): string[] {
  const seen = new Set<string>();
  return cache.filter((ioc) => seen.has(ioc.uuid) || !seen.add(ioc.uuid)).map((ioc) => ioc.uuid);
}

export const describeDiff = (diff: CacheDiff) =>
  `${diff.missing.length} missing, ${diff.extra.length} extra, ${diff.stale.length} stale`;
