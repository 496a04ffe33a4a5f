/** Loads the real SentinelOne bodies kept in tests/fixtures/s1 (read-only; where each came from: SOURCES.md there). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES_DIR = path.resolve(repoRoot, 'tests/fixtures/s1');
export const CERTS_DIR = path.resolve(repoRoot, 'tests/certs');

const cache = new Map<string, unknown>();

/** Parsed fixture; each call returns a fresh deep copy so callers may mutate it. */
export function loadFixture<T = unknown>(name: string): T {
  if (!cache.has(name)) cache.set(name, JSON.parse(readFileSync(path.join(FIXTURES_DIR, name), 'utf8')));
  return structuredClone(cache.get(name)) as T;
}
