import { describe, expect, it } from 'vitest';
import type { IocType } from '../../../config/ioc-types';
import type { ActionsReport, RowActionReport } from '../../../lib/blocks/actions';
import {
  actionsOnTarget,
  combinedFirewall,
  isRetry,
  mergeTargetResults,
  planTargets,
  rowResults,
  rowsToUntick,
  submitLabel,
  type Target,
  type TargetOutcomes,
  type TargetResult,
  targetsNote,
} from '../../../lib/blocks/multi-target';
import { rowReportLines } from '../../../lib/blocks/outcome-text';
import type { RowActions } from '../../../lib/blocks/review-actions';
import { type KeyedRequest, submitNote } from '../../../lib/blocks/review-submit';
import { buildReview, type ReviewRow } from '../../../lib/iocs/review';
import type { IocDraft } from '../../../lib/s1/schemas';

const ACME: Target = { id: 'p1', label: 'Acme', firewall: true, firewallReason: null };
const GLOBEX: Target = { id: 'p2', label: 'Globex', firewall: true, firewallReason: null };
const NO_FIREWALL: Target = {
  id: 'p3',
  label: 'Initech',
  firewall: false,
  firewallReason: 'Firewall Control is not licensed on this console.',
};
const LABELS = new Map([ACME, GLOBEX, NO_FIREWALL].map((t) => [t.id, t.label]));

/** Review rows as the review builds them: keys row-0, row-1, … in order, all ticked. */
const review = (...values: Array<[string, IocType]>): ReviewRow[] =>
  buildReview(
    values.map(([value, type]) => ({ value, type })),
    () => undefined,
  );
const ROWS = review(['evil-one.com', 'DNS'], ['evil-two.com', 'DNS']);
const [ONE, TWO] = ROWS as [ReviewRow, ReviewRow];

const DETECT: RowActions = {
  detect: true,
  blockExecution: null,
  blockNetwork: null,
  allowNotRecommended: false,
};
const DETECT_AND_NETWORK: RowActions = { ...DETECT, blockNetwork: true };
const NETWORK_ONLY: RowActions = { ...DETECT, detect: false, blockNetwork: true };
const detectAll = () => DETECT;

const draft = (value: string): IocDraft => ({ type: 'DNS', value, source: 'SOC', method: 'EQUALS' });
const request = (row: ReviewRow, network = false): KeyedRequest => ({
  key: row.key,
  request: { draft: draft(row.value), detect: true, ...(network ? { blockNetwork: true } : {}) },
});
const stored: RowActionReport = { detect: { status: 'stored', uuid: 'u1' } };
const rejected: RowActionReport = { detect: { status: 'rejected', message: 'On the never-block list.' } };
const notStored: RowActionReport = {
  detect: {
    status: 'not-sent',
    message: 'Not stored: the console did not answer, and re-reading shows it does not hold it.',
  },
};
const blocked: RowActionReport = { ...stored, blockNetwork: { status: 'created', id: 'r1' } };

const outcomes = (entries: Record<string, Record<string, RowActionReport>>): TargetOutcomes =>
  new Map(
    Object.entries(entries).map(([id, rows]) => [
      id,
      new Map(Object.entries(rows).map(([key, report]) => [key, { report }])),
    ]),
  );
const answered = (target: Target, requests: KeyedRequest[], rows: RowActionReport[], notes: string[] = []) =>
  ({ target, requests, withheld: [], report: { rows, notes } }) satisfies TargetResult;
const failed = (target: Target, requests: KeyedRequest[], error: string) =>
  ({ target, requests, withheld: [], error }) satisfies TargetResult;

/** What each plan sends, as `label: keys`. */
const planned = (
  targets: Target[],
  done: TargetOutcomes,
  actions: (row: ReviewRow) => RowActions = detectAll,
  vouched?: Set<string>,
) =>
  planTargets(ROWS, targets, done, actions, vouched).map(
    (plan) =>
      `${plan.target.label}: ${plan.rows.map((r) => r.key).join(',')}${plan.withheld.length ? ` (withheld ${plan.withheld.join(',')})` : ''}`,
  );

describe('combinedFirewall', () => {
  it.each<[string, Target[], boolean | null]>([
    ['one target: its own', [ACME], true],
    ['one target without it', [NO_FIREWALL], false],
    ['any target with it offers it', [NO_FIREWALL, ACME], true],
    ['none known', [{ ...ACME, firewall: null }], null],
    ['unknown and without', [{ ...ACME, firewall: null }, NO_FIREWALL], null],
    ['no target', [], null],
  ])('%s', (_case, targets, expected) => expect(combinedFirewall(targets)).toBe(expected));
});

describe('actionsOnTarget', () => {
  it.each<[string, RowActions, Target, RowActions['blockNetwork']]>([
    ['kept where the console has Firewall Control', DETECT_AND_NETWORK, ACME, true],
    ['dropped where it has not', DETECT_AND_NETWORK, NO_FIREWALL, null],
    ['kept while unknown: the worker says why', DETECT_AND_NETWORK, { ...ACME, firewall: null }, true],
    ['a type without Block network stays without', DETECT, NO_FIREWALL, null],
  ])('%s', (_case, actions, target, network) =>
    expect(actionsOnTarget(actions, target).blockNetwork).toBe(network),
  );
});

describe('planTargets', () => {
  it.each<[string, Target[], TargetOutcomes, string[]]>([
    [
      'a first press sends every ticked row to each target',
      [ACME, GLOBEX],
      new Map(),
      ['Acme: row-0,row-1', 'Globex: row-0,row-1'],
    ],
    [
      'after a failure on one profile, only its failed rows go again, and only to it',
      [ACME, GLOBEX],
      outcomes({ p1: { 'row-0': stored, 'row-1': stored }, p2: { 'row-0': notStored, 'row-1': stored } }),
      ['Acme: ', 'Globex: row-0'],
    ],
    [
      'a row one profile refused is not sent to it again; the other profile still gets what it lacks',
      [ACME, GLOBEX],
      outcomes({ p1: { 'row-0': notStored }, p2: { 'row-0': rejected } }),
      ['Acme: row-0,row-1', 'Globex: row-1'],
    ],
    [
      'everything held everywhere: nothing to send',
      [ACME],
      outcomes({ p1: { 'row-0': stored, 'row-1': stored } }),
      ['Acme: '],
    ],
  ])('%s', (_case, targets, done, expected) => expect(planned(targets, done)).toEqual(expected));

  it('sends a refused row again once the analyst ticks it again', () => {
    const done = outcomes({ p2: { 'row-0': rejected } });
    expect(planned([GLOBEX], done, detectAll, new Set(['row-0']))).toEqual(['Globex: row-0,row-1']);
  });

  it('withholds Block network where the profile has no Firewall Control, and says so once', () => {
    const actions = (row: ReviewRow) => (row.key === 'row-0' ? DETECT_AND_NETWORK : NETWORK_ONLY);
    expect(planned([ACME, NO_FIREWALL], new Map(), actions)).toEqual([
      'Acme: row-0,row-1',
      // row-1 asks only for Block network: nothing of it goes to Initech.
      'Initech: row-0 (withheld row-0,row-1)',
    ]);
    const results: TargetResult[] = [
      {
        target: NO_FIREWALL,
        requests: [request(ONE)],
        withheld: ['row-0', 'row-1'],
        report: { rows: [stored], notes: [] },
      },
    ];
    const after = mergeTargetResults(new Map(), results);
    expect(after.get('p3')?.get('row-1')?.report.blockNetwork).toEqual({
      status: 'refused',
      message: 'Initech has no Firewall Control: Firewall Control is not licensed on this console.',
      final: true,
    });
    expect(after.get('p3')?.get('row-0')?.report.detect).toEqual(stored.detect);
    expect(planned([NO_FIREWALL], after, actions)).toEqual(['Initech: ']);
  });
});

describe('mergeTargetResults', () => {
  it('keeps each profile’s answer to itself: a failed profile’s rows are asked again, the others’ are not', () => {
    const first = mergeTargetResults(new Map(), [
      answered(ACME, [request(ONE), request(TWO, true)], [stored, blocked]),
      failed(GLOBEX, [request(ONE), request(TWO, true)], 'The console answered 503 Service Unavailable.'),
    ]);
    expect(first.get('p1')?.get('row-0')).toEqual({ report: stored });
    expect(first.get('p2')?.get('row-1')).toEqual({
      report: {
        detect: { status: 'unknown', message: 'The console answered 503 Service Unavailable.' },
        blockNetwork: { status: 'unknown', message: 'The console answered 503 Service Unavailable.' },
      },
      failure: 'The console answered 503 Service Unavailable.',
    });
    const actions = (row: ReviewRow) => (row.key === 'row-1' ? DETECT_AND_NETWORK : DETECT);
    const plans = planTargets(ROWS, [ACME, GLOBEX], first, actions);
    expect(plans.map((p) => p.rows.map((r) => r.key))).toEqual([[], ['row-0', 'row-1']]);
    expect(isRetry(plans, first)).toBe(true);

    // The retry goes through: the failure is gone, Acme's outcomes are as they were.
    const second = mergeTargetResults(first, [
      answered(GLOBEX, [request(ONE), request(TWO, true)], [stored, blocked]),
    ]);
    expect(second.get('p2')?.get('row-1')).toEqual({ report: { ...blocked } });
    expect(second.get('p1')).toBe(first.get('p1'));
    expect(planTargets(ROWS, [ACME, GLOBEX], second, actions).every((p) => p.rows.length === 0)).toBe(true);
  });

  it('a new target ticked after a press is a first send, not a retry', () => {
    const done = outcomes({ p1: { 'row-0': stored, 'row-1': stored } });
    expect(isRetry(planTargets(ROWS, [ACME, GLOBEX], done, detectAll), done)).toBe(false);
  });
});

describe('rowsToUntick', () => {
  it.each<[string, Target[], TargetOutcomes, string[]]>([
    [
      'one profile: the refused rows, as before profiles',
      [ACME],
      outcomes({ p1: { 'row-0': stored, 'row-1': rejected } }),
      ['row-1'],
    ],
    [
      'refused on one, held on the other: done',
      [ACME, GLOBEX],
      outcomes({ p1: { 'row-0': stored }, p2: { 'row-0': rejected } }),
      ['row-0'],
    ],
    [
      'refused on one, failed on the other: kept for the retry',
      [ACME, GLOBEX],
      outcomes({ p1: { 'row-0': notStored }, p2: { 'row-0': rejected } }),
      [],
    ],
    [
      'nothing refused',
      [ACME, GLOBEX],
      outcomes({ p1: { 'row-0': stored }, p2: { 'row-0': notStored } }),
      [],
    ],
  ])('%s', (_case, targets, done, expected) =>
    expect([...rowsToUntick(ROWS, targets, done, detectAll)]).toEqual(expected),
  );
});

describe('rowResults', () => {
  const done = mergeTargetResults(new Map(), [
    answered(ACME, [request(ONE)], [blocked]),
    failed(GLOBEX, [request(ONE)], 'No answer from the extension.'),
  ]);

  it('one profile: the row’s own lines, as before profiles', () => {
    const single = outcomes({ p1: { 'row-0': blocked } });
    expect(rowResults(single, LABELS, false).get('row-0')).toEqual({
      lines: rowReportLines(blocked),
      problem: false,
      report: blocked,
    });
  });

  it('several profiles: one line per profile, led by its name', () => {
    const result = rowResults(done, LABELS, true).get('row-0');
    expect(result?.lines).toEqual([
      'Acme: Detect: Stored; Block network: Blocked',
      'Globex: failed — No answer from the extension.',
    ]);
    expect(result?.problem).toBe(true);
  });

  it.each<[string, RowActionReport, boolean]>([
    ['held everywhere', stored, false],
    ['refused somewhere', rejected, true],
    ['not known to be stored somewhere', notStored, true],
  ])('a row is a problem when any profile has one: %s', (_case, second, problem) => {
    const both = outcomes({ p1: { 'row-0': stored }, p2: { 'row-0': second } });
    expect(rowResults(both, LABELS, true).get('row-0')?.problem).toBe(problem);
  });
});

describe('targetsNote', () => {
  const report: ActionsReport = { rows: [stored, notStored], notes: ['The console did not answer (503).'] };

  it('one profile: the sentence it always was', () => {
    const requests = [request(ONE), request(TWO)];
    expect(targetsNote([answered(ACME, requests, report.rows, report.notes)], false)).toEqual(
      submitNote(requests, report),
    );
  });

  it.each<[string, TargetResult[], 'ok' | 'warn' | 'error', string]>([
    [
      'every profile took everything',
      [answered(ACME, [request(ONE)], [stored]), answered(GLOBEX, [request(ONE)], [stored])],
      'ok',
      'Acme: Detect: 1 of 1 stored. · Globex: Detect: 1 of 1 stored.',
    ],
    [
      'one failed as a whole',
      [answered(ACME, [request(ONE)], [stored]), failed(GLOBEX, [request(ONE)], 'No answer.')],
      'warn',
      'Acme: Detect: 1 of 1 stored. · Globex: failed — No answer.',
    ],
    ['all failed', [failed(ACME, [request(ONE)], 'No answer.')], 'error', 'Acme: failed — No answer.'],
    [
      'Block network withheld on a profile without Firewall Control',
      [{ ...answered(NO_FIREWALL, [request(ONE)], [stored]), withheld: ['row-0'] }],
      'warn',
      'Initech: Detect: 1 of 1 stored. Block network not sent: Initech has no Firewall Control: Firewall Control is not licensed on this console.',
    ],
  ])('several profiles: %s', (_case, results, kind, text) =>
    expect(targetsNote(results, true)).toEqual({ kind, text }),
  );
});

describe('submitLabel', () => {
  const label = (targets: Target[], done: TargetOutcomes, several: boolean, hadRejections = false) =>
    submitLabel(planTargets(ROWS, targets, done, detectAll), done, { several, hadRejections });

  it.each<[string, Target[], TargetOutcomes, boolean, boolean, string]>([
    ['one profile: as before profiles', [ACME], new Map(), false, false, 'Submit 2'],
    [
      'one profile after a refusal',
      [ACME],
      outcomes({ p1: { 'row-0': rejected } }),
      false,
      true,
      'Send the other 1',
    ],
    ['several: the targets named', [ACME, GLOBEX], new Map(), true, false, 'Submit 2 to Acme, Globex'],
    [
      'several, after a failure on one: a retry there only',
      [ACME, GLOBEX],
      outcomes({ p1: { 'row-0': stored, 'row-1': stored }, p2: { 'row-0': notStored, 'row-1': stored } }),
      true,
      false,
      'Retry 1 on Globex',
    ],
    ['several, nothing ticked', [], new Map(), true, false, 'Submit 0'],
  ])('%s', (_case, targets, done, several, hadRejections, expected) =>
    expect(label(targets, done, several, hadRejections)).toBe(expected),
  );
});
