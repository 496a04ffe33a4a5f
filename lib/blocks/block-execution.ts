/**
 * Block execution: one hash added to the Blocklist (`restrictions`, type black_hash) on each chosen OS,
 * one POST per OS (docs/blocking-api.md). Each OS is asked about first (`restrictions/validate`):
 * - "Not allowed" (a system file, say) is refused and never sent;
 * - "Not recommended" is held back until the analyst ticks "block anyway";
 * - a duplicate verdict, or a 400 / 4000030 on the POST, means the hash is already blocked there.
 * A POST whose answer is lost (timeout, 5xx, reset, cut off) may have committed: the console is asked
 * what it holds for that hash and OS, and the POST is never sent again. MD5 has no Blocklist field:
 * SentinelOne can only detect an MD5.
 */
import type { OsType } from '../s1/block-schemas';
import { OS_LABELS } from '../s1/block-schemas';
import type { S1Client } from '../s1/client';
import { S1Error } from '../s1/errors';
import { errorText } from '../text/error-text';
import type { BlockOutcome } from './actions';
import { isDenied, isLostAnswer } from './write-outcome';

export interface BlockExecutionDeps {
  client: Pick<S1Client, 'validateHash' | 'createBlocklistItem' | 'listBlocklistPage'>;
}

export interface BlockExecutionRequest {
  hash: string;
  type: 'SHA1' | 'SHA256';
  osTypes: readonly OsType[];
  /** The analyst ticked "block anyway" for a hash SentinelOne calls Not recommended. */
  allowNotRecommended: boolean;
  description: string;
  source: string;
}

export type BlockExecutionOutcomes = Partial<Record<OsType, BlockOutcome>>;

export interface BlockExecutionRun {
  outcomes: BlockExecutionOutcomes;
  /** The error that showed the token cannot use the Blocklist at all (403), if one did. */
  denied: S1Error | null;
}

const HASH_PATTERN: Readonly<Record<BlockExecutionRequest['type'], RegExp>> = {
  SHA1: /^[0-9a-f]{40}$/,
  SHA256: /^[0-9a-f]{64}$/,
};

/** Re-reads look at this many items for one hash on one OS; there is normally one. */
const REREAD_LIMIT = 100;

type Verdict = 'ok' | 'not-allowed' | 'not-recommended' | 'duplicate';

/** The validate status in words the flow acts on; an unknown status is left for the POST to judge. */
export function verdictOf(status: string | null | undefined): Verdict {
  const text = (status ?? '').trim().toLowerCase();
  if (text === 'not allowed') return 'not-allowed';
  if (text === 'not recommended') return 'not-recommended';
  if (text.startsWith('duplicat')) return 'duplicate';
  return 'ok';
}

const hashOf = (request: BlockExecutionRequest) =>
  request.type === 'SHA1' ? { sha1: request.hash } : { sha256: request.hash };

/** Blocks one hash on each chosen OS and says what became of each. */
export async function blockExecution(
  deps: BlockExecutionDeps,
  request: BlockExecutionRequest,
): Promise<BlockExecutionOutcomes> {
  return (await runBlockExecution(deps, request)).outcomes;
}

/** As blockExecution, and also says whether the token was refused the Blocklist, for the caller to stop. */
export async function runBlockExecution(
  deps: BlockExecutionDeps,
  input: BlockExecutionRequest,
): Promise<BlockExecutionRun> {
  const osTypes = [...new Set(input.osTypes)];
  const outcomes: BlockExecutionOutcomes = {};
  const request = { ...input, hash: input.hash.trim().toLowerCase() };
  // The type is checked at run time too: the request crosses the page/worker boundary as plain data.
  const pattern = HASH_PATTERN[request.type] as RegExp | undefined;
  if (!pattern?.test(request.hash)) {
    const message =
      String(request.type) === 'MD5'
        ? 'SentinelOne cannot block an MD5 hash from running; it can only detect it.'
        : `Not a ${pattern ? request.type : 'SHA1 or SHA256'} hash: SentinelOne blocks only SHA1 and SHA256 hashes from running.`;
    for (const os of osTypes) outcomes[os] = { status: 'refused', message, final: true };
    return { outcomes, denied: null };
  }
  let denied: S1Error | null = null;
  for (const os of osTypes) {
    if (denied) {
      outcomes[os] = { status: 'not-sent', message: `Not sent: ${denied.message}` };
      continue;
    }
    try {
      outcomes[os] = await blockOnOs(deps, request, os);
    } catch (error) {
      if (isDenied(error)) {
        denied = error;
        outcomes[os] = { status: 'refused', message: error.message };
      } else {
        outcomes[os] = { status: 'not-sent', message: `Not sent: ${errorText(error)}` };
      }
    }
  }
  return { outcomes, denied };
}

/** Validate, then POST, for one OS. Throws only what the caller words itself (403, other failures). */
async function blockOnOs(
  deps: BlockExecutionDeps,
  request: BlockExecutionRequest,
  os: OsType,
): Promise<BlockOutcome> {
  const on = OS_LABELS[os];
  const validation = await deps.client.validateHash(os, hashOf(request));
  const why = (validation.details ?? [])
    .map((d) => d.error)
    .filter(Boolean)
    .join('; ');
  const because = why ? ` (${why})` : '';
  switch (verdictOf(validation.status)) {
    case 'not-allowed':
      return {
        status: 'refused',
        message: `Not allowed: SentinelOne does not let this hash be blocked on ${on}${because}.`,
        final: true,
      };
    case 'duplicate':
      return { status: 'already', message: `Already blocked on ${on}.` };
    case 'not-recommended':
      if (!request.allowNotRecommended)
        return {
          status: 'not-recommended',
          message: `Not recommended: SentinelOne advises against blocking this hash on ${on}${because}. Tick "Block anyway" and submit again to send it.`,
        };
      break;
    case 'ok':
      break;
  }
  try {
    const item = await deps.client.createBlocklistItem({
      osType: os,
      ...hashOf(request),
      description: request.description,
      source: request.source,
    });
    return { status: 'created', id: item.id };
  } catch (error) {
    if (error instanceof S1Error && error.kind === 'already-exists')
      return { status: 'already', message: `Already blocked on ${on}.` };
    if (error instanceof S1Error && error.kind === 'bad-request')
      return { status: 'refused', message: error.message };
    if (isLostAnswer(error)) return reread(deps, request, os, error);
    throw error;
  }
}

/** The POST's answer was lost: ask whether the console now holds the hash on that OS; never re-send. */
async function reread(
  deps: BlockExecutionDeps,
  request: BlockExecutionRequest,
  os: OsType,
  cause: S1Error,
): Promise<BlockOutcome> {
  const on = OS_LABELS[os];
  try {
    // `value` is exact and case-sensitive on the console, so a SHA256 is looked for with
    // `value__contains` and every hash is compared lower-cased.
    const page = await deps.client.listBlocklistPage(
      request.type === 'SHA1'
        ? { osTypes: [os], value: request.hash, limit: REREAD_LIMIT }
        : { osTypes: [os], value__contains: request.hash, limit: REREAD_LIMIT },
    );
    const field = request.type === 'SHA1' ? 'value' : 'sha256Value';
    const found = page.data.find((item) => item.osType === os && item[field]?.toLowerCase() === request.hash);
    if (found) return { status: 'created', id: found.id };
    return {
      status: 'not-sent',
      message: `Not blocked on ${on}: the console did not answer (${cause.message}), and re-reading shows it does not hold it. Nothing was re-sent.`,
    };
  } catch (readError) {
    return {
      status: 'unknown',
      message: `Unknown on ${on}: the console did not answer (${cause.message}) and could not be re-read (${errorText(readError)}). Nothing was re-sent; sync to see what it holds.`,
    };
  }
}
