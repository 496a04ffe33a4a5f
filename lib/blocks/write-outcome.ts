/**
 * What a failed block write means, shared by the Blocklist and Firewall Control flows: whether the
 * console may have done it anyway (then the flow re-reads, never re-sends), and whether the token can
 * use the feature at all (then the rest of that kind of write is not even tried).
 */
import { S1Error } from '../s1/errors';

/**
 * Failures after which the write may have committed: no answer (timeout, reset), a 5xx, an answer cut
 * off, or a 2xx whose body the extension could not read.
 */
const LOST_ANSWER: ReadonlyArray<S1Error['kind']> = [
  'server',
  'timeout',
  'network',
  'truncated',
  'unexpected-shape',
];

export function isLostAnswer(error: unknown): error is S1Error {
  return error instanceof S1Error && LOST_ANSWER.includes(error.kind);
}

/** A 403 (no Blocklist permission, no Firewall Control) or a token that no longer works: every further write of the kind would fail the same way. */
export function isDenied(error: unknown): error is S1Error {
  return (
    error instanceof S1Error &&
    ['forbidden', 'firewall-unavailable', 'multi-scope-token', 'token-invalid'].includes(error.kind)
  );
}
