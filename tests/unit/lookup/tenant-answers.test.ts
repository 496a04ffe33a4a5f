import { describe, expect, it } from 'vitest';
import type { BlockState } from '../../../lib/blocks/block-state';
import type { LookupAnswer } from '../../../lib/iocs/lookup-text';
import { answersAcross, type TenantLookup } from '../../../lib/lookup/tenant-answers';
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
