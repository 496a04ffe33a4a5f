import { describe, expect, it } from 'vitest';
import { compileIocFilter, EMPTY_FILTER, type IocFilter } from '../../../lib/iocs/filter';
import { compileIndexedFilter } from '../../../lib/iocs/indexed-filter';
import { createIocIndex } from '../../../lib/iocs/ioc-index';
import { makeIoc } from './fixtures';

const NOW = Date.UTC(2026, 10, 27, 12);
const iocs = [
  makeIoc({
    uuid: 'a',
    value: 'Evil.Example.RU',
    name: 'Cobalt Strike',
    creator: 'SOC Bot',
    source: 'MISP',
    threatActors: ['APT28', 'Sofacy'],
    labels: ['apt', 'c2'],
    severity: 4,
  }),
  makeIoc({
    uuid: 'b',
    value: 'good.example.com',
    name: null,
    description: undefined,
    creator: 'alice',
    threatActors: ['Lazarus'],
    malwareNames: ['Ärger-Loader'],
    labels: [],
    severity: 0,
  }),
  makeIoc({ uuid: 'c', value: 'müller-bank.de', name: 'Ärger', description: 'Straße ſ', source: 'Manual' }),
  makeIoc({ uuid: 'd', value: 'İstanbul-c2.tr', name: 'KELVIN K sign', description: 'plain' }),
  makeIoc({
    uuid: 'e',
    value: '185.220.101.7',
    type: 'IPV4',
    name: 'cobalt beacon',
    validUntil: '2026-11-30T00:00:00Z',
  }),
  makeIoc({
    uuid: 'f',
    value: 'x',
    name: '',
    description: '',
    creator: '',
    threatActors: ['apt28'],
    labels: [''],
  }),
  makeIoc({ uuid: 'g', value: 'y', threatActors: ['APT28', 'Sofacy'], campaignNames: ['Op X'], severity: 7 }),
];

/** Every filter here must select the same rows both ways. */
const FILTERS: Array<[string, Partial<IocFilter>]> = [
  ['nothing', {}],
  ['a value substring, other case', { value: 'EVIL' }],
  ['a name substring', { name: 'cobalt' }],
  ['a substring against a null field', { name: 'a' }],
  ['a substring against empty text', { description: 'p' }],
  ['an ASCII needle in non-ASCII text', { value: 'ller' }],
  ['the letter i against a dotted capital I', { value: 'i' }],
  ['s against the long s', { description: 's' }],
  ['k against the Kelvin sign', { name: 'k s' }],
  ['a non-ASCII needle', { name: 'ärger' }],
  ['a pattern', { value: '%.ru' }],
  ['two fields', { value: 'e', source: 'misp' }],
  ['with a type', { value: '1', type: 'IPV4' }],
  ['with an expiry', { name: 'cobalt', expiry: 'expiring' }],
  ['spaces around', { creator: '  soc ' }],
  ['no match', { value: 'zzz' }],
  ['a pattern matching empty text but not null', { name: '%' }],
  ['a needle repeated inside one text', { value: 'e' }],
  ['a needle spanning what would be two texts', { value: 'ru\ngood' }],
  ['three text fields', { value: 'e', name: 'c', creator: 'o' }],
  ['a threat actor substring', { threatActors: 'apt' }],
  ['a threat actor pattern over one item', { threatActors: 'apt*' }],
  ['a pattern that would span two items', { threatActors: 'APT28*Sofacy' }],
  ['a non-ASCII malware name', { malwareNames: 'ärger' }],
  ['a label pattern matching an empty item', { labels: '%' }],
  ['a label against an empty list', { labels: 'a' }],
  ['a campaign', { campaignNames: 'op' }],
  ['a category nobody has', { category: 'x' }],
  ['a severity', { severity: '4' }],
  ['severity zero', { severity: '0' }],
  ['at least a severity', { severity: '4+' }],
  ['a severity and a threat actor', { severity: '1+', threatActors: 'apt28' }],
  ['a threat actor and a label', { threatActors: 'sofacy', labels: 'c2' }],
];

describe('compileIndexedFilter', () => {
  const index = createIocIndex(iocs);
  it.each(FILTERS)('selects what compileIocFilter selects: %s', (_name, partial) => {
    const filter = { ...EMPTY_FILTER, ...partial };
    const fast = compileIndexedFilter(index, filter, NOW);
    const plain = compileIocFilter(filter, NOW);
    const chosen = iocs.filter((ioc, i) => fast(ioc, i)).map((ioc) => ioc.uuid);
    expect(chosen).toEqual(iocs.filter((ioc) => plain(ioc)).map((ioc) => ioc.uuid));
  });
});
