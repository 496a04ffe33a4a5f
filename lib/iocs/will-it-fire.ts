/**
 * "Will it fire?": whether an IOC, once stored, would raise a threat in its scope, from the scope's
 * Threat Intelligence user-config as the last sync read it (lib/sync/fire-status.ts,
 * docs/sentinelone-api.md#ti-user-config-will-it-fire). A TI IOC only detects: when it fires, the
 * console raises a threat; it never blocks anything, fired or not. Each answer carries the sentence
 * the analyst reads.
 */

import { isExcluded } from '../s1/exclusions';
import type { IocType } from '../s1/schemas';
import type { FireStatus } from '../sync/fire-status';
import { countText } from '../text/count-text';
import { typeNoun } from './type-noun';

export type FireAnswer =
  | { fires: true; message: string }
  | { fires: false; why: 'disabled' | 'excluded' | 'below-min-score'; message: string }
  | { fires: 'unknown'; message: string };

export interface FireQuestion {
  value: string;
  /** Names the value in the sentence ("this domain"); "this value" without it. */
  type?: IocType;
  /** The score the IOC will carry, when the draft has one (compared with `threatMinScore`). */
  score?: number | null;
}

const STORED_NOT_RAISED = 'this IOC will be stored but will not raise a threat.';
const WHAT_FIRING_DOES =
  'When an endpoint event matches this IOC, SentinelOne raises a threat (a detection: a Threat Intelligence IOC never blocks).';

/** Why the settings are not known, said for the analyst. */
function unknownMessage(fire: Extract<FireStatus, { state: 'unknown' }> | null): string {
  const tail = 'so whether this IOC would raise a threat is unknown. It will be stored either way.';
  if (!fire)
    return `This scope's Threat Intelligence settings have not been read yet (each sync reads them), ${tail}`;
  switch (fire.reason) {
    case 'forbidden':
      return `The API token may not read this scope's Threat Intelligence settings (the console answered 403), ${tail}`;
    case 'not-found':
      return `This console does not offer the Threat Intelligence settings (the console answered 404), ${tail}`;
    case 'failed':
      return `The last sync could not read this scope's Threat Intelligence settings (${fire.message}), ${tail}`;
  }
}

/** The answer for one IOC; `fire` is the status field (null or absent: not read yet). */
export function willItFire(fire: FireStatus | null | undefined, ioc: FireQuestion): FireAnswer {
  if (!fire || fire.state === 'unknown') return { fires: 'unknown', message: unknownMessage(fire ?? null) };
  if (fire.disableThreat)
    return {
      fires: false,
      why: 'disabled',
      message: `Threat Intelligence threats are turned off in this scope (disableThreat): ${STORED_NOT_RAISED}`,
    };
  const kind = typeNoun(ioc.type);
  if (isExcluded(fire, ioc.value))
    return {
      fires: false,
      why: 'excluded',
      message: `This ${kind} is in the scope's Threat Intelligence exclusions (excludeTii): ${STORED_NOT_RAISED}`,
    };
  const min = fire.threatMinScore;
  // How the console compares an IOC's score with threatMinScore is UNCONFIRMED: "not expected to".
  if (min !== null && typeof ioc.score === 'number' && ioc.score < min)
    return {
      fires: false,
      why: 'below-min-score',
      message: `This scope raises threats only from indicators scored at least ${min} (threatMinScore) and this IOC's score is ${ioc.score}: it will be stored but is not expected to raise a threat.`,
    };
  // Whether the console holds an IOC without a score to the minimum is UNCONFIRMED.
  if (min !== null && min > 0 && typeof ioc.score !== 'number')
    return {
      fires: 'unknown',
      message: `This scope raises threats only from indicators scored at least ${min} (threatMinScore) and this IOC has no score, so whether it would raise a threat is unknown.`,
    };
  // The cut list (FIRE_EXCLUDED_CAP) may hold the value further on.
  if (fire.excludeTiiTotal > fire.excludeTii.length)
    return {
      fires: 'unknown',
      message: `This scope lists ${countText(fire.excludeTiiTotal)} Threat Intelligence exclusions and the extension keeps the first ${countText(fire.excludeTii.length)}; this ${kind} is not among them, so whether this IOC would raise a threat is unknown.`,
    };
  return { fires: true, message: WHAT_FIRING_DOES };
}
