import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { iocsToCsv, iocsToJson } from '../../../lib/iocs/export';
import { EMPTY_FILTER, type IocFilter } from '../../../lib/iocs/filter';
import { compileIndexedFilter } from '../../../lib/iocs/indexed-filter';
import { createIocIndex, type IocSort, tenantOrder } from '../../../lib/iocs/ioc-index';
import {
  combineTenants,
  describeGroups,
  eachGroup,
  failuresText,
  groupByTenant,
  rowKeyOf,
  selectionTest,
  type Tenant,
  tenantOf,
} from '../../../lib/iocs/tenants';
import type { ProfileList } from '../../../lib/profiles/profile-list';
import type { Ioc } from '../../../lib/s1/schemas';
import { makeIoc } from './fixtures';

const ACME: Tenant = { id: 'p1', label: 'Acme', colour: 'blue' };
const GLOBEX: Tenant = { id: 'p2', label: 'globex', colour: 'green' };
const INITECH: Tenant = { id: 'p3', label: 'Initech', colour: 'amber' };

// Two consoles may well hand out the same uuid: 'u1' is in Acme and in Initech.
const { items: iocs, rows } = combineTenants([
  {
    tenant: ACME,
    items: [makeIoc({ uuid: 'u1', value: 'a1.example' }), makeIoc({ uuid: 'u2', value: 'a2.example' })],
  },
  { tenant: GLOBEX, items: [makeIoc({ uuid: 'g1', value: 'g1.example', type: 'IPV4' })] },
  { tenant: INITECH, items: [makeIoc({ uuid: 'u1', value: 'i1.example' })] },
]);
const valuesAt = (positions: ArrayLike<number>) => Array.from(positions, (i) => (iocs[i] as Ioc).value);

describe('combineTenants', () => {
  it('joins the parts in order and keeps the tenant of each row', () => {
    expect(valuesAt([0, 1, 2, 3])).toEqual(['a1.example', 'a2.example', 'g1.example', 'i1.example']);
    expect(Array.from(rows.of)).toEqual([0, 0, 1, 2]);
    expect(rows.tenants).toEqual([ACME, GLOBEX, INITECH]);
  });

  it('gives no rows for no parts or empty parts', () => {
    expect(combineTenants([]).items).toEqual([]);
    const empty = combineTenants([{ tenant: ACME, items: [] }]);
    expect(empty.items).toEqual([]);
    expect(empty.rows.of.length).toBe(0);
  });
});

describe('tenantOf', () => {
  const list: ProfileList = {
    profiles: [
      { id: 'p1', name: '', colour: 'blue' },
      { id: 'p2', name: 'Globex', colour: 'green' },
      { id: 'p3', name: '', colour: 'red' },
    ],
    activeId: 'p1',
  };
  it.each<[string, number, Parameters<typeof tenantOf>[2], string]>([
    [
      'an unnamed profile by its account',
      0,
      { accountId: '42', accountName: 'Acme Corp', scope: null },
      'Acme Corp',
    ],
    ['a named profile by its name', 1, { accountId: '43', accountName: 'Other', scope: null }, 'Globex'],
    ['an unnamed, unconnected profile by its place', 2, null, 'Profile 3'],
  ])('labels %s', (_case, at, connection, label) => {
    const profile = list.profiles[at] as ProfileList['profiles'][number];
    expect(tenantOf(list, profile, connection)).toEqual({ id: profile.id, label, colour: profile.colour });
  });
});

describe('filtering and sorting by tenant', () => {
  const index = createIocIndex(iocs, rows);
  const shown = (filter: Partial<IocFilter>, sort: IocSort | null = null) =>
    valuesAt(index.query(compileIndexedFilter(index, { ...EMPTY_FILTER, ...filter }, 0), sort));

  it.each<[string, Partial<IocFilter>, IocSort | null, string[]]>([
    ['every tenant', {}, null, ['a1.example', 'a2.example', 'g1.example', 'i1.example']],
    ['one tenant', { tenant: 'p2' }, null, ['g1.example']],
    ['a tenant and a text', { tenant: 'p1', value: 'a2' }, null, ['a2.example']],
    ['a tenant and a type it lacks', { tenant: 'p1', type: 'IPV4' }, null, []],
    [
      'a tenant that is no profile: every tenant',
      { tenant: 'p9' },
      null,
      ['a1.example', 'a2.example', 'g1.example', 'i1.example'],
    ],
    // Labels compare without case: Acme, globex, Initech; the cache order within one.
    [
      'by tenant, ascending',
      {},
      { id: 'tenant', desc: false },
      ['a1.example', 'a2.example', 'g1.example', 'i1.example'],
    ],
    [
      'by tenant, descending',
      {},
      { id: 'tenant', desc: true },
      ['i1.example', 'g1.example', 'a2.example', 'a1.example'],
    ],
    [
      'by tenant within a filter',
      { value: '1' },
      { id: 'tenant', desc: true },
      ['i1.example', 'g1.example', 'a1.example'],
    ],
  ])('%s', (_case, filter, sort, expected) => {
    expect(shown(filter, sort)).toEqual(expected);
  });

  it('ignores the tenant filter and sort in one profile, which has no tenants', () => {
    const single = createIocIndex(iocs);
    const matches = compileIndexedFilter(single, { ...EMPTY_FILTER, tenant: 'p2' }, 0);
    expect(valuesAt(single.query(matches, { id: 'tenant', desc: false }))).toHaveLength(4);
    expect(Array.from(tenantOrder(3, undefined))).toEqual([0, 1, 2]);
  });

  it('sorts by label, not by profile order', () => {
    const { rows: renamed } = combineTenants([
      { tenant: { ...ACME, label: 'Zeta' }, items: [makeIoc()] },
      { tenant: GLOBEX, items: [makeIoc()] },
    ]);
    expect(Array.from(tenantOrder(2, renamed))).toEqual([1, 0]);
  });
});

describe('the selection across tenants', () => {
  const uuidAt = (i: number) => (iocs[i] as Ioc).uuid;
  it.each<[string, string[], boolean, number[]]>([
    ['nothing selected', [], true, []],
    ['a uuid two tenants share, ticked in one', [rowKeyOf('u1', INITECH)], true, [3]],
    ['rows of two tenants', [rowKeyOf('u2', ACME), rowKeyOf('g1', GLOBEX)], true, [1, 2]],
    ['a key of a tenant that is gone', ['p7/u1'], true, []],
    ['one profile: uuids alone', ['u1'], false, [0, 3]],
  ])('%s', (_case, keys, across, expected) => {
    const test = selectionTest(new Set(keys), uuidAt, across ? rows : undefined);
    expect([0, 1, 2, 3].filter(test)).toEqual(expected);
  });

  it('keys a row by uuid in one profile, by tenant and uuid across profiles', () => {
    expect(rowKeyOf('u1', undefined)).toBe('u1');
    expect(rowKeyOf('u1', GLOBEX)).toBe('p2/u1');
  });
});

describe('groupByTenant', () => {
  it.each<[string, number[], Array<[string, string[]]>]>([
    ['nothing', [], []],
    ['one tenant', [1, 0], [['p1', ['a2.example', 'a1.example']]]],
    [
      'three tenants, in the tenants order whatever the selection order',
      [3, 2, 0],
      [
        ['p1', ['a1.example']],
        ['p2', ['g1.example']],
        ['p3', ['i1.example']],
      ],
    ],
  ])('%s', (_case, positions, expected) => {
    const groups = groupByTenant(positions, rows, (i) => (iocs[i] as Ioc).value);
    expect(groups.map((group) => [group.tenant.id, group.items])).toEqual(expected);
  });
});

describe('describeGroups', () => {
  it.each<[string, Array<{ tenant?: Tenant; items: unknown[] }>, string]>([
    ['nothing', [], 'no IOC'],
    ['one profile', [{ items: [1, 2] }], '2 IOCs'],
    ['one tenant', [{ tenant: ACME, items: [1] }], '1 IOC in Acme'],
    [
      'three tenants',
      [
        { tenant: ACME, items: [1, 2] },
        { tenant: GLOBEX, items: [1] },
        { tenant: INITECH, items: [1, 2, 3] },
      ],
      '2 IOCs in Acme, 1 IOC in globex and 3 IOCs in Initech',
    ],
  ])('%s', (_case, groups, text) => {
    expect(describeGroups(groups)).toBe(text);
  });
});

describe('eachGroup', () => {
  it('writes every group in turn, a failure in one not stopping the next', async () => {
    const written: string[] = [];
    const failures = await eachGroup(
      [
        { tenant: ACME, items: ['a'] },
        { tenant: GLOBEX, items: ['g'] },
        { tenant: INITECH, items: ['i'] },
      ],
      async (group) => {
        if (group.tenant?.id === 'p2') throw new Error('403 Forbidden.');
        written.push(...group.items);
      },
    );
    expect(written).toEqual(['a', 'i']);
    expect(failures).toEqual([{ tenant: GLOBEX, error: '403 Forbidden.' }]);
    expect(failuresText(failures)).toBe('globex: 403 Forbidden.');
  });

  it.each<[string, Parameters<typeof failuresText>[0], string | null]>([
    ['no failure', [], null],
    ['one profile', [{ error: 'Timed out.' }], 'Timed out.'],
    [
      'two tenants',
      [
        { tenant: ACME, error: 'Timed out.' },
        { tenant: INITECH, error: '401.' },
      ],
      'Acme: Timed out. Initech: 401.',
    ],
  ])('failuresText: %s', (_case, failures, text) => {
    expect(failuresText(failures)).toBe(text);
  });
});

describe('export with the tenant', () => {
  const chosen = [iocs[2] as Ioc, iocs[0] as Ioc];
  const tenants = ['globex', 'Acme'];

  it('writes a first tenant column in the CSV', () => {
    const parsed = Papa.parse<Record<string, string>>(iocsToCsv(chosen, tenants), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.meta.fields?.[0]).toBe('tenant');
    expect(parsed.data.map((row) => [row.tenant, row.value])).toEqual([
      ['globex', 'g1.example'],
      ['Acme', 'a1.example'],
    ]);
  });

  it('guards the tenant cell against formulae as every cell', () => {
    const csv = iocsToCsv([makeIoc()], ['=HYPERLINK("x")']);
    expect(csv.split('\r\n')[1]?.startsWith(`"'=HYPERLINK(""x"")"`)).toBe(true);
  });

  it('starts each JSON object with its tenant, over a field of that name from the console', () => {
    const odd = { ...(iocs[0] as Ioc), tenant: 'from the console' } as Ioc;
    const parsed = JSON.parse(iocsToJson([odd, iocs[2] as Ioc], tenants)) as Record<string, unknown>[];
    expect(parsed.map((row) => [Object.keys(row)[0], row.tenant, row.value])).toEqual([
      ['tenant', 'globex', 'a1.example'],
      ['tenant', 'Acme', 'g1.example'],
    ]);
  });

  it('leaves one profile s export as it was', () => {
    expect(iocsToCsv(chosen)).not.toContain('tenant');
    expect(JSON.parse(iocsToJson(chosen))).toEqual(chosen);
  });
});
