import { describe, expect, it } from 'vitest';
import { parseIocCsv } from '../../../lib/iocs/csv-import';
import { iocsToCsv } from '../../../lib/iocs/export';
import { makeIoc } from './fixtures';

describe('parseIocCsv', () => {
  it('reads the columns in any order and case, ignoring others', () => {
    const csv =
      'Score,VALUE,extra,Type,name,Description,validUntil\n80,evil.com,x,dns,C2,"seen, twice",2026-06-01T00:00:00Z\n';
    expect(parseIocCsv(csv)).toEqual({
      rows: [
        {
          value: 'evil.com',
          type: 'DNS',
          name: 'C2',
          description: 'seen, twice',
          validUntil: '2026-06-01T00:00:00.000Z',
          score: 80,
        },
      ],
      errors: [],
    });
  });

  it('keeps quotes, commas and line breaks inside cells', () => {
    const csv = 'value,description\r\nevil.com,"line one\r\nline ""two"", end"\r\n1.2.3.4,plain\r\n';
    const { rows, errors } = parseIocCsv(csv);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { value: 'evil.com', description: 'line one\r\nline "two", end' },
      { value: '1.2.3.4', description: 'plain' },
    ]);
  });

  it.each<[string, string, Record<string, unknown>]>([
    ['a severity', 'severity\n4', { severity: 4 }],
    ['a severity as the pages say it', 'severity\n"5 (Critical)"', { severity: 5 }],
    ['a severity of 0 counts', 'severity\n0', { severity: 0 }],
    ['an external ID', 'externalId\nTI-42', { externalId: 'TI-42' }],
    [
      'a list, split on ";" and trimmed',
      'threatActors\n"APT28; Sofacy ;"',
      { threatActors: ['APT28', 'Sofacy'] },
    ],
    ['a list of one', 'MALWARENAMES\nEmotet', { malwareNames: ['Emotet'] }],
    ['an empty list cell says nothing', 'labels\n" ; "', {}],
    [
      'every list column under its API name',
      'labels,category,threatActors,malwareNames,campaignNames,intrusionSets,mitreTactic,reference\na,b,c,d,e,f,g,h',
      {
        labels: ['a'],
        category: ['b'],
        threatActors: ['c'],
        malwareNames: ['d'],
        campaignNames: ['e'],
        intrusionSets: ['f'],
        mitreTactic: ['g'],
        reference: ['h'],
      },
    ],
  ])('reads %s', (_case, columns, expected) => {
    const [header, cells] = columns.split('\n');
    expect(parseIocCsv(`value,${header}\nevil.com,${cells}\n`)).toEqual({
      rows: [{ value: 'evil.com', ...expected }],
      errors: [],
    });
  });

  it.each([
    ['value,severity\nevil.com,8\n', 'line 2: severity "8" is not a whole number from 0 to 7'],
    ['value,severity\nevil.com,high\n', 'line 2: severity "high"'],
    ['value,type\nevil.com,DOMAIN\n', 'line 2: unknown type "DOMAIN"'],
    ['value,score\nevil.com,101\n', 'line 2: score "101" is not a whole number from 0 to 100'],
    ['value,score\nevil.com,high\n', 'line 2: score "high"'],
    ['value,score\nevil.com,-5\n', 'line 2: score "-5"'],
    ['value,validUntil\nevil.com,next week\n', 'line 2: validUntil "next week" is not a date'],
    ['value,name\n,orphan\n', 'line 2: no value'],
    ['name,type\nC2,DNS\n', 'line 1: the header row has no "value" column'],
    ['', 'the file is empty'],
    [
      'value,description\na.com,"multi\nline"\nb.com,DNS,\nc.com,"open\n',
      'line 5: a quoted cell is not closed',
    ],
  ])('reports %j as %s', (csv, error) => {
    expect(parseIocCsv(csv).errors.join('; ')).toContain(error);
  });

  it('names the line of a bad row after a multi-line cell and keeps the good rows', () => {
    const csv = 'value,description,type\na.com,"two\nlines",DNS\nb.com,,BAD\nc.com,,URL\n';
    expect(parseIocCsv(csv)).toEqual({
      rows: [
        { value: 'a.com', description: 'two\nlines', type: 'DNS' },
        { value: 'c.com', type: 'URL' },
      ],
      errors: ['line 4: unknown type "BAD" (expected DNS, IPV4, IPV6, MD5, SHA1, SHA256, URL)'],
    });
  });

  it.each([
    ['2026-06-01', '2026-06-01T00:00:00.000Z'],
    ['2026-06-01 08:17:48', '2026-06-01T08:17:48.000Z'],
    ['2026-04-28T08:17:48.062976Z', '2026-04-28T08:17:48.062Z'],
    ['2026-06-01T10:00:00+02:00', '2026-06-01T08:00:00.000Z'],
  ])('reads validUntil %s as UTC %s', (cell, expected) => {
    expect(parseIocCsv(`value,validUntil\nevil.com,${cell}\n`).rows[0]?.validUntil).toBe(expected);
  });

  it('skips blank lines and a byte-order mark, and reads semicolon files', () => {
    expect(parseIocCsv('\uFEFFvalue;type\n\nevil.com;DNS\n\n').rows).toEqual([
      { value: 'evil.com', type: 'DNS' },
    ]);
  });

  it('re-imports the extension own export, formula escapes included', () => {
    const iocs = [
      makeIoc({ value: 'evil.example.ru', type: 'DNS', name: '=cmd|x', description: 'a, "quoted"\nnote' }),
      makeIoc({
        uuid: 'u2',
        value: '1.2.3.4',
        type: 'IPV4',
        name: null,
        description: '-5 points',
        validUntil: null,
      }),
    ];
    expect(parseIocCsv(iocsToCsv(iocs))).toEqual({
      rows: [
        {
          value: 'evil.example.ru',
          type: 'DNS',
          name: '=cmd|x',
          description: 'a, "quoted"\nnote',
          validUntil: '2026-06-01T00:00:00.000Z',
          externalId: 'ext-1',
        },
        { value: '1.2.3.4', type: 'IPV4', description: '-5 points', externalId: 'ext-1' },
      ],
      errors: [],
    });
  });
});
