/**
 * What every list and every delete of the API has in common: list pages follow `nextCursor` (a missing
 * one ends the list, as does null) with every filter sent again, and deletes go in batches.
 */
import type { S1Http } from './http';
import { DeleteResponseSchema } from './schemas';

/** The API's page-size ceiling, also used as the POST batch size. */
export const MAX_PAGE_SIZE = 1000;
export const MAX_BATCH_SIZE = 1000;

/** Splits a list into consecutive chunks of at most `size` items. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** Every page `fetchPage` gives, following `nextCursor` until it is null or missing. */
export async function* allPages<P extends { pagination?: { nextCursor?: string | null } | undefined }>(
  fetchPage: (cursor: string | undefined) => Promise<P>,
): AsyncGenerator<P> {
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    yield page;
    cursor = page.pagination?.nextCursor ?? undefined;
  } while (cursor);
}

/** DELETEs `ids` in batches of MAX_BATCH_SIZE with the body `bodyFor` makes; how many the console removed. */
export async function deleteInBatches(
  http: S1Http,
  request: { path: string; feature?: 'ti' | 'blocklist' | 'firewall' },
  ids: readonly string[],
  bodyFor: (batch: string[]) => unknown,
): Promise<number> {
  let affected = 0;
  for (const batch of chunk(ids, MAX_BATCH_SIZE)) {
    const answer = await http.request({
      method: 'DELETE',
      ...request,
      body: bodyFor(batch),
      schema: DeleteResponseSchema,
    });
    affected += answer.data.affected;
  }
  return affected;
}
