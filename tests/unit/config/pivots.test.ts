import { describe, expect, it } from 'vitest';
import {
  MAX_PIVOTS,
  PivotListSchema,
  type PivotTemplate,
  PivotTemplateSchema,
  pivotListProblem,
  pivotUrlProblem,
} from '../../../config/pivots';

describe('pivotUrlProblem', () => {
  it.each([
    ['https://intel.example/search?q={value}', null],
    ['https://intel.example/{type}/{value}', null],
    ['https://intel.example/#{value}', null],
    ['HTTPS://intel.example/{value}', null],
    ['{console}/incidents/threats?filter=%7B%22query%22%3A%22{value}%22%7D', null],
    ['https://intel.example/?q={"a":"{value}"}', null],
    ['', /Enter the link/],
    [`https://intel.example/${'a'.repeat(1000)}{value}`, /longer than 1000 characters/],
    ['https://intel.example/search?q={value} x', /has a space/],
    [
      'http://intel.example/search?q={value}',
      /must start with https:\/\/: an http:\/\/ link sends the value in clear text/,
    ],
    ['ftp://intel.example/{value}', /must start with https:\/\//],
    ['javascript:alert("{value}")', /must start with https:\/\//],
    ['intel.example/{value}', /must start with https:\/\//],
    ['https://intel.example/search', /must hold \{value\}/],
    ['https://intel.example/search?q={Value}', /\{Value\} is no placeholder/],
    ['https://intel.example/search?q={value}&k={kind}', /\{kind\} is no placeholder/],
    ['https://{value}.example/', /after the site’s address/],
    ['https://intel.example:{value}/', /after the site’s address/],
    ['https://a@{value}/', /after the site’s address/],
    ['https://intel.example{value}', /after the site’s address/],
    ['https://user:pw@intel.example/{value}', /user name or password/],
    ['https://intel.example/{console}/{value}', /\{console\} stands for the console’s address/],
    ['{console}.evil.example/{value}', /\{console\} stands for the console’s address/],
    ['https://exa%mple/{value}', /not a URL/],
  ])('%j', (url, expected) => {
    const problem = pivotUrlProblem(url);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  it('gives the same answer twice (no regex state kept between calls)', () => {
    expect(pivotUrlProblem('https://{value}.example/')).toMatch(/after/);
    expect(pivotUrlProblem('https://{value}.example/')).toMatch(/after/);
  });
});

const VT: PivotTemplate = { name: 'VirusTotal', url: 'https://vt.example/{value}', types: ['MD5'] };

describe('PivotTemplateSchema', () => {
  it.each([
    [{ ...VT, name: '  ' }, /Enter a name/],
    [{ ...VT, name: 'x'.repeat(41) }, /at most 40 characters/],
    [{ ...VT, types: [] }, /Tick at least one IOC type/],
    [{ ...VT, types: ['sha256'] }, /must be one of DNS, IPV4/],
    [{ ...VT, url: 'http://vt.example/{value}' }, /https/],
    [{ ...VT, extra: 1 }, /Unrecognized key/],
  ])('refuses %j', (template, message) => {
    const parsed = PivotTemplateSchema.safeParse(template);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(message);
  });

  it('trims the name and the link', () => {
    expect(PivotTemplateSchema.parse({ ...VT, name: ' VT ', url: ' https://vt.example/{value} ' })).toEqual({
      ...VT,
      name: 'VT',
    });
  });
});

describe('pivotListProblem', () => {
  it.each([
    ['one name for two types apart', [VT, { ...VT, types: ['DNS'] }], null],
    ['two names for one type', [VT, { ...VT, name: 'Other' }], null],
    [
      'one name twice for one type',
      [VT, { ...VT, types: ['MD5', 'DNS'] }],
      /Two links named “VirusTotal” are for MD5/,
    ],
    ['the same name in another case', [VT, { ...VT, name: 'virustotal ' }], /Two links named/],
  ] as const)('%s', (_case, list, expected) => {
    const problem = pivotListProblem(list as readonly PivotTemplate[]);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  it('caps the list', () => {
    const many = Array.from({ length: MAX_PIVOTS + 1 }, (_, i) => ({ ...VT, name: `Site ${i}` }));
    expect(PivotListSchema.safeParse(many).error?.issues[0]?.message).toMatch(/At most 30 links/);
  });
});
