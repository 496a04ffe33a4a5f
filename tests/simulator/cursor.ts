/**
 * Opaque keyset cursors (docs/sentinelone-api.md#response-envelope-and-cursors). A cursor is base64url JSON
 * carrying the last sort key and uuid of the page (so inserts and deletes between pages neither skip nor
 * repeat items), a hash of the query that made it (filters + sort, not limit/skip), and an HMAC. A garbage,
 * tampered, or re-bound cursor decodes to null and the route answers the fixture 400 "Invalid cursor value
 * received".
 */
import { createHash, createHmac } from 'node:crypto';

export interface CursorPosition {
  /** Last sort key; -Infinity (null creationTime) travels as null. */
  k: string | number;
  u: string;
}

export interface CursorCodec {
  encode(binding: string, pos: CursorPosition): string;
  decode(binding: string, cursor: string): CursorPosition | null;
}

const hashOf = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 16);

export function createCursorCodec(secret: string): CursorCodec {
  const mac = (b: string, k: unknown, u: string) =>
    createHmac('sha256', secret)
      .update(JSON.stringify([b, k, u]))
      .digest('base64url')
      .slice(0, 22);
  return {
    encode(binding, pos) {
      const b = hashOf(binding);
      const k = Number.isFinite(pos.k) || typeof pos.k === 'string' ? pos.k : null;
      return Buffer.from(JSON.stringify({ b, k, u: pos.u, m: mac(b, k, pos.u) })).toString('base64url');
    },
    decode(binding, cursor) {
      if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
      let parsed: unknown;
      try {
        parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      } catch {
        return null;
      }
      if (typeof parsed !== 'object' || parsed === null) return null;
      const { b, k, u, m } = parsed as Record<string, unknown>;
      if (typeof b !== 'string' || typeof u !== 'string' || typeof m !== 'string') return null;
      if (!(typeof k === 'string' || typeof k === 'number' || k === null)) return null;
      if (m !== mac(b, k, u) || b !== hashOf(binding)) return null;
      return { k: k ?? Number.NEGATIVE_INFINITY, u };
    },
  };
}
