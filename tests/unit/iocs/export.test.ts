import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, exportFileName, iocsToCsv, iocsToJson } from '../../../lib/iocs/export';
import { RICH_FIELDS } from '../../../lib/iocs/rich-fields';
import { makeIoc } from './fixtures';

const HEADER =
  'uuid,value,type,name,description,creator,source,externalId,validUntil,creationTime,uploadTime,updatedAt,batchId,scope,scopeId,method,metadata,' +
  'severity,labels,category,threatActors,malwareNames,campaignNames,intrusionSets,mitreTactic,reference';

/** The context cells of an IOC without context: nine empty cells after metadata. */
const NO_CONTEXT = ',,,,,,,,,';

/** The data row of a one-IOC CSV. */
function row(overrides: Parameters<typeof makeIoc>[0]): string {
  const csv = iocsToCsv([makeIoc(overrides)]);
  expect(csv.endsWith('\r\n')).toBe(true);
  return csv.slice(csv.indexOf('\r\n') + 2, -2);
}

describe('iocsToCsv', () => {
  it('writes the header alone for no IOCs', () => {
    expect(iocsToCsv([])).toBe(`${HEADER}\r\n`);
  });

  it('writes every column in order, one CRLF-terminated row per IOC', () => {
    const csv = iocsToCsv([makeIoc(), makeIoc({ uuid: 'u-2', value: '1.2.3.4', type: 'IPV4' })]);
    expect(csv).toBe(
      [
        HEADER,
        'c0ffee00-0000-4000-8000-000000000001,evil.example.ru,DNS,Ransom C2,Seen in campaign X,Analyst One,Feed_A,ext-1,' +
          '2026-06-01T00:00:00.000000Z,2026-04-01T10:00:00.000000Z,2026-04-01T10:00:01.123456Z,' +
          '2026-04-02T11:00:00.654321Z,batch-7,account,1234567890,EQUALS,' +
          NO_CONTEXT,
        'u-2,1.2.3.4,IPV4,Ransom C2,Seen in campaign X,Analyst One,Feed_A,ext-1,' +
          '2026-06-01T00:00:00.000000Z,2026-04-01T10:00:00.000000Z,2026-04-01T10:00:01.123456Z,' +
          '2026-04-02T11:00:00.654321Z,batch-7,account,1234567890,EQUALS,' +
          NO_CONTEXT,
        '',
      ].join('\r\n'),
    );
  });

  it.each<[Parameters<typeof makeIoc>[0], string]>([
    // Nulls and missing fields are empty cells.
    [
      {
        name: null,
        description: undefined,
        creator: null,
        externalId: undefined,
        validUntil: null,
        creationTime: null,
        batchId: null,
        scope: null,
        scopeId: null,
      },
      'c0ffee00-0000-4000-8000-000000000001,evil.example.ru,DNS,,,,Feed_A,,,,2026-04-01T10:00:01.123456Z,2026-04-02T11:00:00.654321Z,,,,EQUALS,',
    ],
    // RFC 4180 quoting.
    [{ name: 'a,b' }, 'c0ffee00-0000-4000-8000-000000000001,evil.example.ru,DNS,"a,b",'],
    [{ name: 'say "hi"' }, 'c0ffee00-0000-4000-8000-000000000001,evil.example.ru,DNS,"say ""hi""",'],
    [{ name: 'line\r\nbreak' }, 'c0ffee00-0000-4000-8000-000000000001,evil.example.ru,DNS,"line\r\nbreak",'],
    [{ name: 'line\nbreak' }, 'c0ffee00-0000-4000-8000-000000000001,evil.example.ru,DNS,"line\nbreak",'],
    [{ name: 'Größe 漢字' }, 'c0ffee00-0000-4000-8000-000000000001,evil.example.ru,DNS,Größe 漢字,'],
    // Formula injection: a leading ' on cells Excel would evaluate.
    [
      { name: '=HYPERLINK("http://x","y")' },
      'c0ffee00-0000-4000-8000-000000000001,evil.example.ru,DNS,"\'=HYPERLINK(""http://x"",""y"")",',
    ],
    [{ name: '+1+1' }, `c0ffee00-0000-4000-8000-000000000001,evil.example.ru,DNS,"'+1+1",`],
    [{ name: '-2+3' }, `c0ffee00-0000-4000-8000-000000000001,evil.example.ru,DNS,"'-2+3",`],
    [{ name: '@SUM(A1)' }, `c0ffee00-0000-4000-8000-000000000001,evil.example.ru,DNS,"'@SUM(A1)",`],
    [{ name: '\t=1' }, `c0ffee00-0000-4000-8000-000000000001,evil.example.ru,DNS,"'\t=1",`],
    [{ name: '\r=1' }, `c0ffee00-0000-4000-8000-000000000001,evil.example.ru,DNS,"'\r=1",`],
    [{ name: '=1\n2' }, `c0ffee00-0000-4000-8000-000000000001,evil.example.ru,DNS,"'=1\n2",`],
    [{ name: 'a=1' }, 'c0ffee00-0000-4000-8000-000000000001,evil.example.ru,DNS,a=1,'],
    [{ value: '=cmd|x' }, `c0ffee00-0000-4000-8000-000000000001,"'=cmd|x",DNS,`],
    [{ uuid: '-1' }, `"'-1",evil.example.ru,DNS,`],
  ])('writes %j', (overrides, start) => {
    expect(row(overrides).startsWith(start)).toBe(true);
  });

  it.each<[unknown, string]>([
    ['42', ',42'],
    [['1', '2'], ',"1,2"'],
    [[], ','],
  ])('writes scopeId %j', (scopeId, expected) => {
    expect(row({ scopeId }).endsWith(`${expected},EQUALS,${NO_CONTEXT}`)).toBe(true);
  });

  it('writes metadata before the context', () => {
    expect(row({ metadata: '{"k":"v"}' }).endsWith(`,EQUALS,"{""k"":""v""}"${NO_CONTEXT}`)).toBe(true);
  });

  it('has a column for every context field, named as the API names it', () => {
    for (const field of RICH_FIELDS) expect(CSV_COLUMNS).toContain(field.key);
  });

  it.each<[string, Parameters<typeof makeIoc>[0], string]>([
    ['severity as the number', { severity: 4 }, '4,,,,,,,,'],
    ['severity 0', { severity: 0 }, '0,,,,,,,,'],
    ['one label', { labels: ['apt'] }, ',apt,,,,,,,'],
    ['list items joined by "; "', { threatActors: ['APT28', 'Sofacy'] }, ',,,APT28; Sofacy,,,,,'],
    [
      'an item holding a comma, quoted',
      { malwareNames: ['X-Agent, v2', 'Zebrocy'] },
      ',,,,"X-Agent, v2; Zebrocy",,,,',
    ],
    ['an empty list', { campaignNames: [] }, ',,,,,,,,'],
    ['a null list', { intrusionSets: null }, ',,,,,,,,'],
    [
      'every field',
      {
        severity: 7,
        labels: ['a', 'b'],
        category: ['c'],
        threatActors: ['t'],
        malwareNames: ['m'],
        campaignNames: ['k'],
        intrusionSets: ['i'],
        mitreTactic: ['Initial Access'],
        reference: ['https://x.example/r'],
      },
      '7,a; b,c,t,m,k,i,Initial Access,https://x.example/r',
    ],
    ['a formula in an item', { labels: ['=1+1'] }, `,"'=1+1",,,,,,,`],
  ])('writes the context: %s', (_name, overrides, expected) => {
    expect(row(overrides).endsWith(`,EQUALS,,${expected}`)).toBe(true);
  });

  it('reads back as the same cells', () => {
    const ioc = makeIoc({ name: 'a,"b"\r\nc', description: 'x\ny', creator: ' padded ' });
    const parsed = Papa.parse<string[]>(iocsToCsv([ioc]), { newline: '\r\n', skipEmptyLines: true }).data;
    expect(parsed).toHaveLength(2);
    expect(parsed[0]).toEqual([...CSV_COLUMNS]);
    expect(parsed[1]?.slice(3, 6)).toEqual(['a,"b"\r\nc', 'x\ny', ' padded ']);
  });
});

describe('iocsToJson', () => {
  it('keeps every field, unknown ones included, as a pretty array', () => {
    const ioc = makeIoc({ severity: 3, labels: ['a'], futureField: { x: 1 } } as never);
    const json = iocsToJson([ioc]);
    expect(JSON.parse(json)).toEqual([ioc]);
    expect(json.startsWith('[\n  {\n    "uuid": "c0ffee00-0000-4000-8000-000000000001",')).toBe(true);
    expect(json).toContain('"futureField": {\n      "x": 1\n    }');
  });

  it.each([[[], '[]']])('writes %j as %j', (iocs, expected) => {
    expect(iocsToJson(iocs)).toBe(expected);
  });
});

describe('exportFileName', () => {
  it.each<['csv' | 'json', Date, number, string]>([
    ['csv', new Date(Date.UTC(2026, 10, 27, 12, 0, 59)), 2345, 's1-iocs-2026-11-27T1200Z-2345.csv'],
    ['json', new Date(Date.UTC(2026, 0, 2, 3, 4, 5)), 1, 's1-iocs-2026-01-02T0304Z-1.json'],
    ['csv', new Date(Date.UTC(2026, 0, 2, 23, 59)), 0, 's1-iocs-2026-01-02T2359Z-0.csv'],
    ['csv', new Date(Date.UTC(2026, 0, 2)), 12.7, 's1-iocs-2026-01-02T0000Z-12.csv'],
    ['csv', new Date(Date.UTC(2026, 0, 2)), -3, 's1-iocs-2026-01-02T0000Z-0.csv'],
    ['csv', new Date(Date.UTC(2026, 0, 2)), Number.NaN, 's1-iocs-2026-01-02T0000Z-0.csv'],
    ['json', new Date(Number.NaN), 5, 's1-iocs-undated-5.json'],
  ])('names a %s export of %s with %d rows %j', (kind, now, count, expected) => {
    const name = exportFileName(kind, now, count);
    expect(name).toBe(expected);
    expect(name).not.toMatch(/[<>:"/\\|?*\s]/);
  });
});
