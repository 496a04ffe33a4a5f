/**
 * What the pages say of "will it fire?" (will-it-fire.ts) around the analyst's IOCs: one line for the
 * page when the scope raises no TI threat at all, and a flag on each value that will not raise one
 * (excluded, or scored below the minimum). Words of detection only: a TI IOC never blocks.
 */
import { exclusionKey } from '../s1/exclusions';
import type { FireStatus } from '../sync/fire-status';
import { type FireQuestion, willItFire } from './will-it-fire';

export const THREATS_OFF_TEXT =
  'Threat Intelligence threats are turned off in this scope: new IOCs are stored but raise no threat.';

/**
 * `off`: said aloud (a warning) wherever a new IOC is made. `unknown`: the console would not say; a
 * quiet hint, and only where an IOC is written, since a token without the permission or a console
 * without the endpoint is common and a loud line on every page would teach the analyst to skip the
 * one that matters.
 */
export type FireNotice = { kind: 'off'; text: string } | { kind: 'unknown'; text: string };

const UNKNOWN_WHY: Readonly<Record<Extract<FireStatus, { state: 'unknown' }>['reason'], string>> = {
  forbidden: 'the API token may not read its Threat Intelligence settings',
  'not-found': 'this console does not offer the Threat Intelligence settings',
  failed: 'the last sync could not read its Threat Intelligence settings',
};

/** The page's line for the scope's status field (null: not read yet, or nothing to say). */
export function fireNotice(fire: FireStatus | null | undefined): FireNotice | null {
  if (!fire) return null;
  if (fire.state === 'unknown')
    return {
      kind: 'unknown',
      text: `Whether new IOCs raise a threat in this scope is unknown: ${UNKNOWN_WHY[fire.reason]}.`,
    };
  return fire.disableThreat ? { kind: 'off', text: THREATS_OFF_TEXT } : null;
}

/** With several profiles: the tenants whose scope raises no TI threat, named; null when none. */
export function fireNoticeAcross(
  tenants: readonly { label: string; fire: FireStatus | null | undefined }[],
): string | null {
  const off = tenants.filter((t) => fireNotice(t.fire)?.kind === 'off').map((t) => t.label);
  if (off.length === 0) return null;
  return `Threat Intelligence threats are turned off in ${off.join(', ')}: new IOCs there are stored but raise no threat.`;
}

export interface FireFlag {
  why: 'excluded' | 'below-min-score';
  /** Short, for the row. */
  label: string;
  /** Shorter, for a table cell's marker. */
  mark: string;
  /** The analyst's sentence (willItFire), for the flag's accessible description. */
  description: string;
}

const FLAG_WORDS: Readonly<Record<FireFlag['why'], { label: string; mark: string }>> = {
  excluded: { label: 'Excluded: will not raise a threat', mark: 'Excluded' },
  'below-min-score': {
    label: 'Below the minimum score: not expected to raise a threat',
    mark: 'Below min. score',
  },
};

/**
 * The flag of each value in the scope `fire` describes, or null. The excluded values go into a Set
 * once, so a table of 100,000 rows asks it in constant time per row; the sentence is only built for
 * a flagged value. Nothing is flagged when threats are off altogether (the page says so once) or the
 * settings are not known.
 */
export function fireFlagger(fire: FireStatus | null | undefined): (ioc: FireQuestion) => FireFlag | null {
  if (fire?.state !== 'known' || fire.disableThreat) return () => null;
  const excluded = new Set(fire.excludeTii.map(exclusionKey));
  const min = fire.threatMinScore;
  return (ioc) => {
    const below = min !== null && typeof ioc.score === 'number' && ioc.score < min;
    if (!below && !excluded.has(exclusionKey(ioc.value))) return null;
    const answer = willItFire(fire, ioc);
    if (answer.fires !== false || answer.why === 'disabled') return null;
    return { why: answer.why, ...FLAG_WORDS[answer.why], description: answer.message };
  };
}
