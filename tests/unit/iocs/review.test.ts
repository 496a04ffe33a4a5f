import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../../lib/iocs/extract';
import {
  buildReview,
  type ReviewCandidate,
  type ReviewRow,
  retypeInReview,
  retypeRow,
  sendableRows,
} from '../../../lib/iocs/review';
import type { Ioc, IocType } from '../../../lib/s1/schemas';
import { makeIoc } from './fixtures';

const MD5 = '0123456789abcdef0123456789abcdef';
const none = (): Ioc | undefined => undefined;
const c = (value: string, type: IocType, extra: Partial<ReviewCandidate> = {}): ReviewCandidate => ({
  value,
  type,
  ...extra,
});
const brief = (rows: ReviewRow[]) =>
  rows.map((r) => `${r.value}:${r.status}:${r.selected ? 'ticked' : 'unticked'}`);

describe('buildReview', () => {
  it.each<[string, ReviewCandidate[], string[]]>([
    ['a valid row is ticked', [c('evil.com', 'DNS')], ['evil.com:valid:ticked']],
    [
      'a row the file left unticked is unticked',
      [c('evil.com', 'DNS', { unticked: true })],
      ['evil.com:valid:unticked'],
    ],
    [
      'a row the file cannot import is not importable, whatever its value',
      [c('evil.com', 'DNS', { notImportable: 'AND pattern', pattern: '[a] AND [b]' })],
      ['evil.com:not-importable:unticked'],
    ],
    [
      'a not importable row neither repeats nor is repeated',
      [
        c('evil.com', 'DNS', { notImportable: 'compound' }),
        c('evil.com', 'DNS'),
        c('evil.com', 'DNS', { notImportable: 'x' }),
      ],
      ['evil.com:not-importable:unticked', 'evil.com:valid:ticked', 'evil.com:not-importable:unticked'],
    ],
    ['an invalid row is never ticked', [c('300.1.1.1', 'IPV4')], ['300.1.1.1:invalid:unticked']],
    ['a warned row is unticked', [c('10.0.0.1', 'IPV4')], ['10.0.0.1:valid:unticked']],
    ['a suggestion is unticked', [c('evil.com', 'DNS', { fromUrlHost: true })], ['evil.com:valid:unticked']],
    [
      'a repeat is a duplicate',
      [c('evil.com', 'DNS'), c('evil.com', 'DNS')],
      ['evil.com:valid:ticked', 'evil.com:duplicate:unticked'],
    ],
    [
      'hashes repeat whatever their case',
      [c(MD5, 'MD5'), c(MD5.toUpperCase(), 'MD5')],
      [`${MD5}:valid:ticked`, `${MD5}:duplicate:unticked`],
    ],
    [
      'domains repeat whatever their case or script',
      [c('bücher.de', 'DNS'), c('XN--BCHER-KVA.DE', 'DNS')],
      ['xn--bcher-kva.de:valid:ticked', 'xn--bcher-kva.de:duplicate:unticked'],
    ],
    [
      'the same value under two types is no duplicate',
      [c('evil.com/x', 'URL'), c('http://evil.com/x', 'URL'), c('evil.com', 'DNS')],
      ['http://evil.com/x:valid:ticked', 'http://evil.com/x:duplicate:unticked', 'evil.com:valid:ticked'],
    ],
    [
      'the empty-file hash is invalid',
      [c('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'SHA256')],
      ['e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855:invalid:unticked'],
    ],
    [
      'a CIDR range is invalid, a /32 warned',
      [c('10.0.0.0/8', 'IPV4'), c('8.8.8.8/32', 'IPV4')],
      ['10.0.0.0/8:invalid:unticked', '8.8.8.8:valid:unticked'],
    ],
  ])('%s', (_name, candidates, expected) => {
    expect(brief(buildReview(candidates, none))).toEqual(expected);
  });

  it('gives each row a unique key and the reason for invalid and duplicate rows', () => {
    const rows = buildReview([c('evil.com', 'DNS'), c('1.2.3.4/8', 'IPV4'), c('evil.com', 'DNS')], none);
    expect(new Set(rows.map((r) => r.key)).size).toBe(3);
    expect(rows[1]?.reason).toContain('a CIDR range');
    expect(rows[2]?.reason).toBe('same as row 1');
  });

  it('marks an IOC already in SentinelOne as existing, with its expiry, and ticks it', () => {
    const ioc = makeIoc({ uuid: 'u-1', value: 'evil.com', type: 'DNS', validUntil: '2026-06-01T00:00:00Z' });
    const find = (value: string, type: IocType) => (value === 'evil.com' && type === 'DNS' ? ioc : undefined);
    const [row] = buildReview([c('Evil.COM', 'DNS')], find);
    expect(row).toMatchObject({
      status: 'existing',
      selected: true,
      existing: {
        uuid: 'u-1',
        validUntil: '2026-06-01T00:00:00Z',
        value: 'evil.com',
        source: 'Feed_A',
        externalId: 'ext-1',
      },
    });
  });

  it('reports a never-expiring existing IOC with validUntil null', () => {
    const [row] = buildReview([c('evil.com', 'DNS')], () => makeIoc({ validUntil: undefined }));
    expect(row?.existing?.validUntil).toBeNull();
  });

  it('keeps the detected type and says what a suggestion came from', () => {
    const [row] = buildReview([c('evil.com', 'DNS', { fromEmail: true })], none);
    expect(row).toMatchObject({
      detectedType: 'DNS',
      suggestion: true,
      suggestionOf: 'email-domain',
      selected: false,
    });
  });
});

describe('retypeRow', () => {
  it.each<[string, Candidate, IocType, string]>([
    ['a DNS row retyped to URL', c('evil.com', 'DNS'), 'URL', 'http://evil.com:valid'],
    ['a hash retyped to the wrong length', c(MD5, 'MD5'), 'SHA1', `${MD5}:invalid`],
    ['an invalid guess retyped to what it is', c('300.1.1.1', 'IPV4'), 'DNS', '300.1.1.1:invalid'],
    ['a /32 keeps its CIDR warning', c('8.8.8.8/32', 'IPV4'), 'IPV4', '8.8.8.8:valid'],
  ])('%s', (_name, candidate, type, expected) => {
    const [row] = buildReview([candidate], none);
    if (!row) throw new Error('no row');
    const retyped = retypeRow(row, type, none);
    expect(`${retyped.value}:${retyped.status}`).toBe(expected);
    expect(retyped.key).toBe(row.key);
    expect(retyped.detectedType).toBe(candidate.type);
    expect(retyped.type).toBe(type);
  });

  it('keeps the CIDR warning of a /32 through a retype', () => {
    const [row] = buildReview([c('8.8.8.8/32', 'IPV4')], none);
    if (!row) throw new Error('no row');
    expect(retypeRow(row, 'IPV4', none).warnings).toEqual(['cidr-range']);
  });

  it('finds an existing IOC under the new type', () => {
    const [row] = buildReview([c('evil.com', 'DNS')], none);
    if (!row) throw new Error('no row');
    const find = (_v: string, type: IocType) => (type === 'URL' ? makeIoc({ type: 'URL' }) : undefined);
    expect(retypeRow(row, 'URL', find).status).toBe('existing');
  });
});

describe('retypeRow on a file row', () => {
  it.each<[string, ReviewCandidate, IocType, string]>([
    [
      'a not importable row stays so',
      c('evil.com', 'DNS', { notImportable: 'compound' }),
      'URL',
      'evil.com:DNS:not-importable:unticked',
    ],
    [
      'an unticked row stays unticked',
      c('evil.com', 'DNS', { unticked: true }),
      'URL',
      'http://evil.com:URL:valid:unticked',
    ],
  ])('%s', (_name, candidate, type, expected) => {
    const [row] = buildReview([{ ...candidate, origin: 'indicator--1', pattern: 'p' }], none);
    if (!row) throw new Error('no row');
    const retyped = retypeRow(row, type, none);
    expect(
      `${retyped.value}:${retyped.type}:${retyped.status}:${retyped.selected ? 'ticked' : 'unticked'}`,
    ).toBe(expected);
    expect([retyped.origin, retyped.pattern]).toEqual(['indicator--1', 'p']);
  });
});

describe('retypeInReview', () => {
  it('frees a duplicate when the row it repeated changes type', () => {
    const rows = buildReview([c('evil.com', 'DNS'), c('evil.com', 'DNS')], none);
    const retyped = retypeInReview(rows, 'row-0', 'URL', none);
    expect(brief(retyped)).toEqual(['http://evil.com:valid:ticked', 'evil.com:valid:ticked']);
  });

  it('makes a row a duplicate when its new type repeats an earlier row', () => {
    const rows = buildReview([c('http://evil.com', 'URL'), c('evil.com', 'DNS')], none);
    expect(brief(retypeInReview(rows, 'row-1', 'URL', none))[1]).toBe('http://evil.com:duplicate:unticked');
  });
});

describe('sendableRows', () => {
  it('sends ticked valid and existing rows, never invalid, duplicate or not importable ones even when ticked', () => {
    const rows = buildReview(
      [
        c('a.com', 'DNS'),
        c('b.com', 'DNS'),
        c('zzzz', 'DNS'),
        c('a.com', 'DNS'),
        c('10.0.0.1', 'IPV4'),
        c('c.com', 'DNS'),
        c('d.com', 'DNS', { notImportable: 'compound' }),
      ],
      (value) => (value === 'b.com' ? makeIoc({ value }) : undefined),
    ).map((row) => (row.value === 'c.com' ? { ...row, selected: false } : { ...row, selected: true }));
    expect(sendableRows(rows).map((r) => `${r.value}:${r.status}`)).toEqual([
      'a.com:valid',
      'b.com:existing',
      '10.0.0.1:valid',
    ]);
  });
});
