import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatName, intelFormatOf, readIntelFile } from '../../../lib/formats/intel-file';

const NOW = new Date('2026-05-01T00:00:00.000Z');
const INDICATOR = {
  type: 'indicator',
  spec_version: '2.1',
  id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  pattern: "[domain-name:value = 'evil.example']",
  pattern_type: 'stix',
  valid_from: '2026-01-01T00:00:00.000Z',
};
const BUNDLE = { type: 'bundle', id: 'bundle--1', objects: [INDICATOR] };
const EVENT = {
  Event: { info: 'Wave', Attribute: [{ type: 'domain', value: 'evil.example', to_ids: true }] },
};
const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');

describe('intelFormatOf', () => {
  it.each<[string, unknown, 'stix' | 'misp' | null]>([
    ['a bundle', BUNDLE, 'stix'],
    ['a TAXII envelope', { objects: [INDICATOR], more: false }, 'stix'],
    ['a list of STIX objects', [INDICATOR], 'stix'],
    ['one STIX object', INDICATOR, 'stix'],
    ['a MISP event', EVENT, 'misp'],
    ['a MISP REST answer', { response: [EVENT] }, 'misp'],
    ['a list of MISP events', [EVENT, EVENT], 'misp'],
    ['an object of something else', { iocs: ['evil.example'] }, null],
    ['an object with a type but no STIX id', { type: 'ioc', id: '42' }, null],
    ['an empty list', [], null],
    ['a list of strings', ['evil.example'], null],
    ['a string', 'evil.example', null],
    ['null', null, null],
  ])('%s', (_case, value, expected) => {
    expect(intelFormatOf(value)).toBe(expected);
  });
});

describe('readIntelFile', () => {
  it.each<[string, string, string | null, string]>([
    ['a bundle file', JSON.stringify(BUNDLE), 'feed.json', 'stix:1 row'],
    ['a bundle with any name', JSON.stringify(BUNDLE), 'feed.stix', 'stix:1 row'],
    ['a pasted bundle', JSON.stringify(BUNDLE), null, 'stix:1 row'],
    ['a MISP event file', JSON.stringify(EVENT), 'event.json', 'misp:1 row'],
    ['a CSV by its name', 'value\nevil.example', 'feed.CSV', 'csv'],
    ['a CSV that looks like JSON is still CSV', '{"value"}', 'feed.csv', 'csv'],
    ['the OpenCTI fixture', fixture('stix/opencti-bundle.json'), 'opencti.json', 'stix:rows'],
    ['the MISP fixture', fixture('misp/event.json'), 'event.json', 'misp:rows'],
    [
      'a truncated JSON file: where it broke',
      '{"type": "bundle",\n "objects": [',
      'bundle.json',
      'error:line 2, column 14: not valid JSON',
    ],
    [
      'a bundle with a bad pattern: where it broke',
      JSON.stringify({ ...BUNDLE, objects: [{ ...INDICATOR, pattern: "[domain-name:value = 'x'" }] }),
      'bundle.json',
      'error:objects[0].pattern',
    ],
    [
      'a MISP event without attributes list shape',
      JSON.stringify({ Event: { info: 'x', Attribute: 'none' } }),
      'event.json',
      'error:Event.Attribute',
    ],
    ['JSON of another kind', '{"iocs": []}', 'iocs.json', 'error:the file: is neither a STIX 2.1 bundle'],
    ['an empty JSON file', '', 'empty.json', 'error:line 1: the file is empty'],
    ['a text file', 'evil.example\n', 'notes.txt', 'error:the file: is neither a CSV'],
    ['a pasted text', 'evil.example and 1.2.3.4', null, 'error:the file: is neither a CSV'],
  ])('%s', (_case, text, name, expected) => {
    const read = readIntelFile(text, name, NOW);
    const got =
      read.format === 'csv'
        ? 'csv'
        : read.format === null
          ? `error:${read.errors.map((e) => `${e.where}: ${e.message}`).join('; ')}`
          : read.result.ok
            ? `${read.format}:${read.result.rows.length === 1 ? '1 row' : 'rows'}`
            : `error:${read.result.errors.map((e) => `${e.where}: ${e.message}`).join('; ')}`;
    expect(got.startsWith(expected), got).toBe(true);
  });
});

describe('formatName', () => {
  it.each<['stix' | 'misp', string | undefined, string]>([
    ['stix', undefined, 'STIX 2.1 bundle'],
    ['stix', '3 MISP events', 'STIX 2.1 bundle'],
    ['misp', 'Phishing wave', 'MISP event'],
    ['misp', '3 MISP events', '3 MISP events'],
    ['misp', undefined, 'MISP event'],
  ])('%s titled %j is %s', (format, title, expected) => {
    expect(formatName(format, title)).toBe(expected);
  });
});
