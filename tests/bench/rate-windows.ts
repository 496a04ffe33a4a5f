/**
 * Whether a client kept to a console's rate limit once told about it: from the requests the console
 * saw (arrival time, status), the most accepted requests in any window that starts at or after the
 * first refusal (429). A client that slows down on 429 stays within the limit from then on.
 */
import type { RateLimit } from './floor-ratios';

export interface SeenRequest {
  /** epoch ms of arrival */
  at: number;
  status: number | null;
}

export interface WindowCheck {
  refused: number;
  accepted: number;
  /** epoch ms of the first 429, null when there was none. */
  firstRefusalAt: number | null;
  /** The most accepted requests in one window starting at or after the first 429 (0 without one). */
  mostInWindow: number;
  /** Windows (by their first request) holding more than the limit. */
  burstsOverLimit: number;
}

const isRefusal = (request: SeenRequest) => request.status === 429;
const isAccepted = (request: SeenRequest) =>
  request.status !== null && request.status >= 200 && request.status < 300;

export function checkWindows(requests: readonly SeenRequest[], limit: RateLimit): WindowCheck {
  const refusals = requests.filter(isRefusal).map((r) => r.at);
  const accepted = requests
    .filter(isAccepted)
    .map((r) => r.at)
    .sort((a, b) => a - b);
  const firstRefusalAt = refusals.length === 0 ? null : Math.min(...refusals);
  let mostInWindow = 0;
  let burstsOverLimit = 0;
  if (firstRefusalAt !== null) {
    // The fullest window starts at an accepted request: slide its end over the sorted times.
    const after = accepted.filter((at) => at >= firstRefusalAt);
    let end = 0;
    for (let start = 0; start < after.length; start++) {
      while (end < after.length && (after[end] as number) < (after[start] as number) + limit.windowMs) end++;
      const inWindow = end - start;
      mostInWindow = Math.max(mostInWindow, inWindow);
      if (inWindow > limit.requests) burstsOverLimit++;
    }
  }
  return {
    refused: refusals.length,
    accepted: accepted.length,
    firstRefusalAt,
    mostInWindow,
    burstsOverLimit,
  };
}
