import { describe, expect, it } from 'vitest';
import type { BlockState } from '../../../lib/blocks/block-state';
import type { LookupAnswer } from '../../../lib/iocs/lookup-text';
import {
  answersAcross,
  FOLD_FROM,
  foldedTenants,
  type TenantAnswer,
  type TenantLookup,
} from '../../../lib/lookup/tenant-answers';
import { IDLE_STATUS, type SyncStatus } from '../../../lib/sync/sync-status';
import { makeIoc } from '../iocs/fixtures';

const SYNCED: SyncStatus = { ...IDLE_STATUS, completeAt: '2026-03-01T10:00:00.000Z', iocCount: 10 };
const NEVER: SyncStatus = IDLE_STATUS;
const RUNNING: SyncStatus = {
  ...IDLE_STATUS,
  running: { kind: 'full', phase: 'fetching', fetched: 10, total: null, startedAt: '2026-03-01T10:00:00Z' },
};
const UNCONFIGURED: SyncStatus = {
  ...IDLE_STATUS,
  lastError: { kind: 'not-configured', message: 'not connected', at: '2026-03-01T10:00:00Z' },
};
const FAILED_NEVER: SyncStatus = {
  ...IDLE_STATUS,
  lastError: { kind: 'network', message: 'offline', at: '2026-03-01T10:00:00Z' },
};
const FAILED_AFTER: SyncStatus = {
  ...SYNCED,
  lastError: { kind: 'network', message: 'offline', at: '2026-03-02T10:00:00Z' },
};

const inS1 = (value: string, type: LookupAnswer['type'] = 'DNS'): LookupAnswer => ({
  value,
  type,
  state: 'in-s1',
  warnings: [],
  matches: [makeIoc({ value, type })],
});
const absent = (value: string, type: LookupAnswer['type'] = 'DNS'): LookupAnswer => ({
  value,
  type,
  state: 'absent',
  warnings: [],
  matches: [],
});
const invalid = (value: string): LookupAnswer => ({
  value,
  type: 'IPV4',
  state: 'invalid',
  reason: 'not a valid IPv4 address',
  warnings: [],
  matches: [],
});

type Row = [label: string, answers: LookupAnswer[], status?: SyncStatus, error?: string];

function lookups(rows: Row[]): TenantLookup[] {
  return rows.map(([label, answers, status = SYNCED, error], index) => ({
    tenant: { id: `p${index + 1}`, label, colour: 'blue' },
    answers,
    error: error ?? null,
    status,
    blockStates: new Map(),
  }));
}

const summaries = (rows: Row[]) => answersAcross(lookups(rows)).map((a) => [a.value, a.state, ...a.summary]);

describe('answersAcross: the summary of each value across tenants', () => {
  it.each<[string, Row[], string[][]]>([
    [
      'some: in 2 of 3, in the list order, and the one it is not in',
      [
        ['Acme', [inS1('evil.com')]],
        ['Initech', [absent('evil.com')]],
        ['Globex', [inS1('evil.com')]],
      ],
      [['evil.com', 'in-s1', 'In 2 of 3 tenants: Acme, Globex', 'Not in Initech']],
    ],
    [
      'all',
      [
        ['Acme', [inS1('evil.com')]],
        ['Globex', [inS1('evil.com')]],
      ],
      [['evil.com', 'in-s1', 'In all 2 tenants: Acme, Globex']],
    ],
    [
      'none',
      [
        ['Acme', [absent('evil.com')]],
        ['Globex', [absent('evil.com')]],
        ['Initech', [absent('evil.com')]],
      ],
      [['evil.com', 'absent', 'In none of the 3 tenants']],
    ],
    [
      'three of five, two not in (the words of the request)',
      [
        ['Acme', [inS1('x.org')]],
        ['Umbrella', [absent('x.org')]],
        ['Globex', [inS1('x.org')]],
        ['Hooli', [absent('x.org')]],
        ['Initech', [inS1('x.org')]],
      ],
      [['x.org', 'in-s1', 'In 3 of 5 tenants: Acme, Globex, Initech', 'Not in Umbrella, Hooli']],
    ],
    [
      'one profile: no tenant words at all',
      [['Acme', [inS1('evil.com'), absent('good.com')]]],
      [
        ['evil.com', 'in-s1'],
        ['good.com', 'absent'],
      ],
    ],
    [
      'a value a tenant did not answer (the quick pass answers only what a cache holds) is not in it',
      [
        ['Acme', []],
        ['Globex', [inS1('evil.com')]],
      ],
      [['evil.com', 'in-s1', 'In 1 of 2 tenants: Globex', 'Not in Acme']],
    ],
    [
      'values in the order asked: the first tenant first, then values only a later one holds',
      [
        ['Acme', [inS1('a.com')]],
        ['Globex', [inS1('b.com'), inS1('A.COM')]],
      ],
      [
        ['a.com', 'in-s1', 'In all 2 tenants: Acme, Globex'],
        ['b.com', 'in-s1', 'In 1 of 2 tenants: Globex', 'Not in Acme'],
      ],
    ],
    [
      'an invalid value: no tenants, no summary',
      [
        ['Acme', [invalid('999.1.1.1')]],
        ['Globex', [invalid('999.1.1.1')]],
      ],
      [['999.1.1.1', 'invalid']],
    ],
  ])('%s', (_name, rows, expected) => {
    expect(summaries(rows)).toEqual(expected);
  });
});

describe('answersAcross: a tenant whose cache cannot say "not in"', () => {
  it.each<[string, SyncStatus, string | undefined, string]>([
    ['never synced', NEVER, undefined, 'Globex: not synced yet'],
    ['first sync under way', RUNNING, undefined, 'Globex: first sync under way'],
    ['not connected', UNCONFIGURED, undefined, 'Globex: not connected'],
    ['first sync failed', FAILED_NEVER, undefined, 'Globex: not synced yet (the sync failed)'],
    ['cache unreadable', SYNCED, 'The local cache could not be read', 'Globex: its cache could not be read'],
  ])('%s: counted neither in nor out, and says why', (_name, status, error, line) => {
    const [answer] = answersAcross(
      lookups([
        ['Acme', [inS1('evil.com')]],
        ['Globex', [absent('evil.com')], status, error],
        ['Initech', [absent('evil.com')]],
      ]),
    );
    expect(answer?.summary).toEqual(['In 1 of 3 tenants: Acme', 'Not in Initech', line]);
    expect(answer?.tenants.map((t) => t.state)).toEqual(['in', 'unknown', 'absent']);
  });

  it('a profile added and not connected yet (no status published) says so once its settings are read', () => {
    const rows = lookups([
      ['Acme', [inS1('evil.com')]],
      ['Globex', [absent('evil.com')], NEVER],
    ]);
    const [answer] = answersAcross([
      rows[0] as TenantLookup,
      { ...(rows[1] as TenantLookup), connected: false },
    ]);
    expect(answer?.summary).toEqual(['In 1 of 2 tenants: Acme', 'Globex: not connected']);
  });

  it('a partial cache that holds the value says "in" all the same', () => {
    const [answer] = answersAcross(
      lookups([
        ['Acme', [absent('evil.com')]],
        ['Globex', [inS1('evil.com')], RUNNING],
      ]),
    );
    expect(answer?.summary).toEqual(['In 1 of 2 tenants: Globex', 'Not in Acme']);
  });

  it('none held and one unknown: no "none of" claim', () => {
    const [answer] = answersAcross(
      lookups([
        ['Acme', [absent('evil.com')]],
        ['Globex', [absent('evil.com')], NEVER],
      ]),
    );
    expect(answer?.summary).toEqual(['Not in Acme', 'Globex: not synced yet']);
    expect(answer?.state).toBe('absent');
  });

  it('a status not read yet is taken as synced (no flash of "not synced" for the usual install)', () => {
    const rows = lookups([
      ['Acme', [absent('evil.com')]],
      ['Globex', [absent('evil.com')]],
    ]);
    const [answer] = answersAcross(rows.map((row) => ({ ...row, status: undefined })));
    expect(answer?.summary).toEqual(['In none of the 2 tenants']);
  });

  it('a complete cache whose last sync failed answers, with a note that it may be behind', () => {
    const [answer] = answersAcross(
      lookups([
        ['Acme', [inS1('evil.com')], FAILED_AFTER],
        ['Globex', [absent('evil.com')], FAILED_AFTER],
      ]),
    );
    expect(answer?.tenants.map((t) => [t.state, t.note])).toEqual([
      ['in', 'last sync failed: the answer may be out of date'],
      ['absent', 'last sync failed: the answer may be out of date'],
    ]);
    expect(answer?.summary).toEqual(['In 1 of 2 tenants: Acme', 'Not in Globex']);
  });
});

describe('answersAcross: each tenant keeps its own facts', () => {
  it('its own matches and block state; an absent answer made up for a tenant that did not answer', () => {
    const blocked: BlockState = { execution: ['windows'], network: false };
    const rows = lookups([
      ['Acme', [inS1('evil.com')]],
      ['Globex', []],
    ]);
    const globex = { ...(rows[1] as TenantLookup), blockStates: new Map([['evil.com', blocked]]) };
    const [answer] = answersAcross([rows[0] as TenantLookup, globex]);
    expect(
      answer?.tenants.map((t) => [t.tenant.label, t.answer.state, t.answer.matches.length, t.blocks]),
    ).toEqual([
      ['Acme', 'in-s1', 1, undefined],
      ['Globex', 'absent', 0, blocked],
    ]);
  });

  it('the type is the one a holder gives, not an absent guess from another tenant', () => {
    const [answer] = answersAcross(
      lookups([
        ['Acme', [absent('evil.com', 'URL')]],
        ['Globex', [inS1('evil.com', 'DNS')]],
      ]),
    );
    expect(answer?.answer.type).toBe('DNS');
  });
});

describe('foldedTenants: tenants lacking a value with nothing to say fold from FOLD_FROM on', () => {
  const tenant = (n: number) => ({ id: `p${n}`, label: `T${n}`, colour: 'blue' as const });
  type Kind = 'in' | 'absent' | 'unread' | 'unknown' | 'stale' | 'blocked' | 'netblocked';
  const answerOf = (kind: Kind, n: number): TenantAnswer => {
    const base = { tenant: tenant(n), answer: absent('evil.com'), blocks: undefined, note: null };
    if (kind === 'in') return { ...base, state: 'in', answer: inS1('evil.com') };
    // Its block cache not read yet (the quick pass) or unreadable.
    if (kind === 'unread') return { ...base, state: 'absent' };
    if (kind === 'unknown') return { ...base, state: 'unknown', note: 'not synced yet' };
    if (kind === 'stale') return { ...base, state: 'absent', note: 'last sync failed' };
    if (kind === 'blocked')
      return { ...base, state: 'absent', blocks: { execution: ['windows'], network: false } };
    if (kind === 'netblocked') return { ...base, state: 'absent', blocks: { execution: [], network: true } };
    return { ...base, state: 'absent', blocks: { execution: [], network: false } };
  };
  const ids = (list: TenantAnswer[]) => list.map((t) => t.tenant.id).join(',');

  it('folds from four', () => expect(FOLD_FROM).toBe(4));

  it.each<[string, Kind[], string, string]>([
    ['three plain absent: nothing folds', ['in', 'absent', 'absent', 'absent'], 'p1,p2,p3,p4', ''],
    [
      'four plain absent fold; the holder stays',
      ['absent', 'in', 'absent', 'absent', 'absent'],
      'p2',
      'p1,p3,p4,p5',
    ],
    ['all absent, ten tenants: all fold', Array(10).fill('absent'), '', 'p1,p2,p3,p4,p5,p6,p7,p8,p9,p10'],
    [
      'unknown, stale and blocked stay open, in the list order',
      ['unknown', 'absent', 'stale', 'absent', 'blocked', 'absent', 'netblocked', 'absent'],
      'p1,p3,p5,p7',
      'p2,p4,p6,p8',
    ],
    [
      'three plain absent beside others with something to say: nothing folds',
      ['stale', 'absent', 'blocked', 'absent', 'absent'],
      'p1,p2,p3,p4,p5',
      '',
    ],
    [
      'a tenant with no block state read yet counts as plain',
      ['absent', 'absent', 'absent', 'absent'],
      '',
      'p1,p2,p3,p4',
    ],
  ])('%s', (_label, kinds, open, folded) => {
    const result = foldedTenants(kinds.map((kind, i) => answerOf(kind, i + 1)));
    expect(ids(result.open)).toBe(open);
    expect(ids(result.folded)).toBe(folded);
  });
});
