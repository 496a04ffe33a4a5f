/**
 * A review row's outcomes across presses of Submit: a second press sends only what is left, and its
 * outcomes are laid over the first's action by action, so the row shows where each action stands.
 */
import type { BlockOutcome, RowActionReport, RowActionRequest } from './actions';

/** A later press's outcomes over the earlier ones, action by action (an OS at a time). */
export function mergeReports(
  earlier: RowActionReport | undefined,
  later: RowActionReport | undefined,
): RowActionReport {
  if (!earlier) return later ?? {};
  if (!later) return earlier;
  return {
    detect: later.detect ?? earlier.detect,
    ...(earlier.blockExecution || later.blockExecution
      ? { blockExecution: { ...earlier.blockExecution, ...later.blockExecution } }
      : {}),
    blockNetwork: later.blockNetwork ?? earlier.blockNetwork,
  };
}

/** Whether something the row asked for did not go through. */
export function needsAttention(
  request: RowActionRequest | undefined,
  report: RowActionReport | undefined,
): boolean {
  if (!request) return false;
  if (request.detect && report?.detect?.status !== 'stored') return true;
  if (request.blockExecution?.osTypes.some((os) => !settled(report?.blockExecution?.[os]))) return true;
  return request.blockNetwork === true && !settled(report?.blockNetwork);
}

/** A block that is in place, whoever put it there. */
export const settled = (outcome: BlockOutcome | undefined): boolean =>
  outcome?.status === 'created' || outcome?.status === 'already';

/** Whether a row's outcome has anything that did not go through (it is then shown as a warning). */
export function reportHasProblem(report: RowActionReport | undefined): boolean {
  if (!report) return false;
  const blocks = [...Object.values(report.blockExecution ?? {}), report.blockNetwork].filter(
    (o): o is BlockOutcome => o !== undefined,
  );
  return (
    (report.detect !== undefined && report.detect.status !== 'stored') || blocks.some((o) => !settled(o))
  );
}
