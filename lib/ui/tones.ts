/**
 * Every state the pages colour, and the one tone it is drawn in. A component renders the answer as
 * `data-tone` and styles/tones.css turns the tone into a colour, so "expired", "invalid", "failed"
 * and "rejected" look alike because they mean alike, and a new state is one line here, not a new
 * selector. `undefined`: plain ink, nothing to draw the eye to.
 */
import type { ExpiryState } from '../iocs/expiry';
import type { LookupAnswer } from '../iocs/lookup-text';
import type { ReviewStatus } from '../iocs/review';
import type { LogEntry } from '../store/db';
import type { SyncHeadline } from '../sync/sync-status';

export type Tone = 'danger' | 'warn' | 'ok' | 'info' | 'muted';

/** What a view tells after the analyst did something: the status lines of Settings, Edit, New IOCs, the popup. */
export type ActionStatus = 'idle' | 'busy' | 'ok' | 'warn' | 'error';
/** How a row's actions came back from the console: not sent yet, something refused, all through. */
export type ActionOutcome = 'none' | 'problem' | 'stored';

const TONES = {
  // An IOC that no longer detects needs the analyst; one about to expire, a look; the rest is normal.
  expiry: { expired: 'danger', soon: 'warn', ok: undefined, never: undefined },
  // Invalid rows cannot be sent; a duplicate is dropped on purpose, so it only steps back; a file's
  // row SentinelOne has no IOC for is the file's limit, not a typo: worth a look, not an alarm.
  review: {
    invalid: 'danger',
    duplicate: 'muted',
    existing: undefined,
    valid: undefined,
    'not-importable': 'warn',
  },
  // A review row that will never be sent steps back as a whole; its status cell keeps its own tone.
  reviewRow: {
    invalid: 'muted',
    duplicate: 'muted',
    existing: undefined,
    valid: undefined,
    'not-importable': 'muted',
  },
  status: { idle: undefined, busy: 'muted', ok: 'ok', warn: 'warn', error: 'danger' },
  outcome: { none: undefined, problem: 'danger', stored: 'ok' },
  log: { debug: 'muted', info: undefined, warn: 'warn', error: 'danger' },
  sync: { syncing: 'info', failed: 'danger', complete: 'ok', never: 'muted' },
  // The popup's answer: in SentinelOne is the good news, absent is what to act on, invalid a typo.
  answer: { 'in-s1': 'ok', absent: 'warn', invalid: 'danger' },
} as const satisfies {
  expiry: Record<ExpiryState, Tone | undefined>;
  review: Record<ReviewStatus, Tone | undefined>;
  reviewRow: Record<ReviewStatus, Tone | undefined>;
  status: Record<ActionStatus, Tone | undefined>;
  outcome: Record<ActionOutcome, Tone | undefined>;
  log: Record<LogEntry['level'], Tone | undefined>;
  sync: Record<SyncHeadline['state'], Tone | undefined>;
  answer: Record<LookupAnswer['state'], Tone | undefined>;
};

type Domain = keyof typeof TONES;

/** The tone of `state` in `domain` (`toneOf('expiry', 'expired')` → 'danger'), or undefined for plain ink. */
export function toneOf<D extends Domain>(domain: D, state: keyof (typeof TONES)[D]): Tone | undefined {
  return (TONES[domain] as Record<PropertyKey, Tone | undefined>)[state];
}

/** A review row's status cell: its status's tone, else warn when a check raised a warning about it. */
export function reviewTone(status: ReviewStatus, warned: boolean): Tone | undefined {
  return toneOf('review', status) ?? (warned ? 'warn' : undefined);
}
