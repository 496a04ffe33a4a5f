/** The real SentinelOne bodies in ../shared/fixtures/s1 (read-only, never edited; see SOURCES.md there). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const S1_FIXTURES_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../shared/fixtures/s1',
);

export function readS1Fixture(name: string): unknown {
  return JSON.parse(readFileSync(path.join(S1_FIXTURES_DIR, name), 'utf8'));
}
