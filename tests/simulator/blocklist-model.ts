/**
 * A Blocklist item (`restrictions`, type black_hash): one hash on one OS (docs/blocking-api.md).
 * SHA1 in `value`, SHA256 in `sha256Value`, either or both; stored as sent (the console's `value`
 * filter is case-sensitive). Duplicates and the knob lists compare lower-cased: a hash names the same
 * file in any case (UNCONFIRMED).
 */
import type { Knobs } from './config';

export const BLOCKLIST_OS_TYPES = ['windows', 'macos', 'linux', 'windows_legacy'] as const;

export interface BlocklistItem {
  id: string;
  type: 'black_hash';
  osType: string;
  value?: string;
  sha256Value?: string;
  description: string;
  source: string;
  scope: Record<string, unknown>;
  scopeName: string;
  scopePath: string;
  userId: string;
  userName: string;
  notRecommended: string;
  createdAt: string;
  updatedAt: string;
  imported: boolean;
}

export const SHA1 = /^[0-9a-fA-F]{40}$/;
export const SHA256 = /^[0-9a-fA-F]{64}$/;

export interface HashPair {
  osType: string;
  value?: string;
  sha256Value?: string;
}

/** Checks osType and the hashes of a POST or validate `data`; a `field: message` detail, or the pair. */
export function readHashPair(
  data: Record<string, unknown>,
): { ok: true; pair: HashPair } | { ok: false; detail: string } {
  const { osType, value, sha256Value } = data;
  if (osType === undefined || osType === null)
    return { ok: false, detail: 'osType: Missing data for required field.' };
  if (typeof osType !== 'string' || !(BLOCKLIST_OS_TYPES as readonly string[]).includes(osType)) {
    return { ok: false, detail: `osType: Must be one of: ${BLOCKLIST_OS_TYPES.join(', ')}.` };
  }
  const has = (v: unknown) => v !== undefined && v !== null && v !== '';
  if (!has(value) && !has(sha256Value)) {
    return { ok: false, detail: 'value: At least one of value (SHA1) or sha256Value (SHA256) is required.' };
  }
  if (has(value) && (typeof value !== 'string' || !SHA1.test(value))) {
    return { ok: false, detail: 'value: Not a valid SHA1 hash (40 hexadecimal characters).' };
  }
  if (has(sha256Value) && (typeof sha256Value !== 'string' || !SHA256.test(sha256Value))) {
    return { ok: false, detail: 'sha256Value: Not a valid SHA256 hash (64 hexadecimal characters).' };
  }
  return {
    ok: true,
    pair: {
      osType,
      ...(has(value) ? { value: value as string } : {}),
      ...(has(sha256Value) ? { sha256Value: sha256Value as string } : {}),
    },
  };
}

const hashesOf = (p: HashPair): string[] =>
  [p.value, p.sha256Value].filter((h): h is string => typeof h === 'string').map((h) => h.toLowerCase());

export const isNotAllowed = (knobs: Knobs, p: HashPair) =>
  hashesOf(p).some((h) => knobs.notAllowedHashes.includes(h));
export const isNotRecommended = (knobs: Knobs, p: HashPair) =>
  hashesOf(p).some((h) => knobs.notRecommendedHashes.includes(h));

/** Which of the pair's hashes are already listed for that OS: the duplicate key is (account, osType, hash). */
export function duplicateOf(
  items: readonly BlocklistItem[],
  p: HashPair,
): { sha1: boolean; sha256: boolean } {
  const same = items.filter((i) => i.osType === p.osType);
  const lower = (v: string | undefined) => v?.toLowerCase();
  return {
    sha1: p.value !== undefined && same.some((i) => lower(i.value) === p.value?.toLowerCase()),
    sha256:
      p.sha256Value !== undefined && same.some((i) => lower(i.sha256Value) === p.sha256Value?.toLowerCase()),
  };
}

/**
 * The restrictions/validate verdict. Precedence (UNCONFIRMED): "Not allowed" (never creatable) over
 * a duplicate over "Not recommended" over NONE. `duplicated_value_sha1_sha256` when both hashes are
 * listed is UNCONFIRMED too. `details` explains non-NONE verdicts (its real content is UNCONFIRMED).
 */
export function verdictOf(
  knobs: Knobs,
  items: readonly BlocklistItem[],
  p: HashPair,
): { status: string; details: Array<{ field: string; error: string }> } {
  const field = p.value !== undefined ? 'value' : 'sha256Value';
  if (isNotAllowed(knobs, p)) {
    return {
      status: 'Not allowed',
      details: [{ field, error: 'This hash may not be added to the blocklist.' }],
    };
  }
  const dup = duplicateOf(items, p);
  if (dup.sha1 || dup.sha256) {
    const status =
      dup.sha1 && dup.sha256
        ? 'duplicated_value_sha1_sha256'
        : dup.sha1
          ? 'duplicated_value_sha1'
          : 'duplicated_value_sha256';
    return {
      status,
      details: [
        { field: dup.sha1 ? 'value' : 'sha256Value', error: `Already in the blocklist for ${p.osType}.` },
      ],
    };
  }
  if (isNotRecommended(knobs, p)) {
    return {
      status: 'Not recommended',
      details: [{ field, error: 'Blocking this hash is not recommended.' }],
    };
  }
  return { status: 'NONE', details: [] };
}
