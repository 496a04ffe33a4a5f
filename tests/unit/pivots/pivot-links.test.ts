import { describe, expect, it } from 'vitest';
import { IOC_TYPES, type IocType } from '../../../config/ioc-types';
import type { PivotTemplate } from '../../../config/pivots';
import { DEFAULT_PIVOTS, pivotTemplatesOf } from '../../../lib/pivots/default-pivots';
import { pivotLinks, pivotUrl } from '../../../lib/pivots/pivot-links';

const CONSOLE = 'https://usea1-acme.sentinelone.net';

/** One sample value per type, defanged where a type can be, and the value the link must carry. */
const SAMPLES: Record<IocType, { value: string; encoded: string }> = {
  MD5: { value: 'd41d8cd98f00b204e9800998ecf8427f', encoded: 'd41d8cd98f00b204e9800998ecf8427f' },
  SHA1: {
    value: 'a9993e364706816aba3e25717850c26c9cd0d89d',
    encoded: 'a9993e364706816aba3e25717850c26c9cd0d89d',
  },
  SHA256: {
    value: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    encoded: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
  },
  DNS: { value: 'evil[.]example[.]com', encoded: 'evil.example.com' },
  IPV4: { value: '203[.]0[.]113[.]7', encoded: '203.0.113.7' },
  IPV6: { value: '2001[:]db8[:][:]1', encoded: '2001%3Adb8%3A%3A1' },
  URL: { value: 'hxxps://evil[.]example/a?b=c', encoded: 'https%3A%2F%2Fevil.example%2Fa%3Fb%3Dc' },
};

/** What each default template makes of each type's sample: the expected link, or null (not for that type). */
const EXPECTED: Record<string, Partial<Record<IocType, (v: string) => string>>> = {
  'VirusTotal https://www.virustotal.com/gui/search/{value}': Object.fromEntries(
    IOC_TYPES.map((t) => [t, (v: string) => `https://www.virustotal.com/gui/search/${v}`]),
  ),
  'urlscan.io https://urlscan.io/domain/{value}': { DNS: (v) => `https://urlscan.io/domain/${v}` },
  'urlscan.io https://urlscan.io/ip/{value}': {
    IPV4: (v) => `https://urlscan.io/ip/${v}`,
    IPV6: (v) => `https://urlscan.io/ip/${v}`,
  },
  'urlscan.io https://urlscan.io/search/#{value}': { URL: (v) => `https://urlscan.io/search/#${v}` },
  'AbuseIPDB https://www.abuseipdb.com/check/{value}': {
    IPV4: (v) => `https://www.abuseipdb.com/check/${v}`,
    IPV6: (v) => `https://www.abuseipdb.com/check/${v}`,
  },
  'Shodan https://www.shodan.io/host/{value}': {
    IPV4: (v) => `https://www.shodan.io/host/${v}`,
    IPV6: (v) => `https://www.shodan.io/host/${v}`,
  },
  'Shodan https://www.shodan.io/domain/{value}': { DNS: (v) => `https://www.shodan.io/domain/${v}` },
  'SentinelOne console {console}/incidents/threats?filter=%7B%22query%22%3A%22{value}%22%7D':
    Object.fromEntries(
      IOC_TYPES.map((t) => [
        t,
        (v: string) => `${CONSOLE}/incidents/threats?filter=%7B%22query%22%3A%22${v}%22%7D`,
      ]),
    ),
};

const CASES = DEFAULT_PIVOTS.flatMap((template) =>
  IOC_TYPES.map((type) => [`${template.name} ${template.url}`, type, template] as const),
);

describe('pivotUrl, every default template × every type', () => {
  it('covers every default template', () => {
    expect(DEFAULT_PIVOTS.map((t) => `${t.name} ${t.url}`).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(CASES)('%s for %s', (key, type, template) => {
    const sample = SAMPLES[type];
    const expected = EXPECTED[key]?.[type];
    expect(pivotUrl(template, { value: sample.value, type }, CONSOLE)).toBe(
      expected ? expected(sample.encoded) : null,
    );
  });
});

const SEARCH: PivotTemplate = {
  name: 'Intel',
  url: 'https://intel.example/search?q={value}&kind={type}',
  types: [...IOC_TYPES],
};
const PATH: PivotTemplate = { name: 'Path', url: 'https://intel.example/v/{value}', types: [...IOC_TYPES] };
const FRAGMENT: PivotTemplate = {
  name: 'Frag',
  url: 'https://intel.example/#{value}',
  types: [...IOC_TYPES],
};
const IN_CONSOLE: PivotTemplate = { name: 'S1', url: '{console}/x?q={value}', types: [...IOC_TYPES] };

describe('pivotUrl with hostile values keeps the template’s scheme and origin', () => {
  const HOSTILE = [
    'javascript:alert(1)',
    'evil.com#@attacker.example',
    'a?b=c&d=e',
    'a b c',
    '//attacker.example/x',
    '/../../attacker',
    '@attacker.example',
    'https://attacker.example/',
    '\\\\attacker.example',
    'x\r\nSet-Cookie: a=b',
    '%2e%2e%2f',
    '{console}',
    '{value}',
    'data:text/html,<script>alert(1)</script>',
  ];
  it.each(
    HOSTILE.flatMap((value) => [SEARCH, PATH, FRAGMENT, IN_CONSOLE].map((t) => [t.url, value, t] as const)),
  )('%s with %j', (_url, value, template) => {
    const url = pivotUrl(template, { value, type: 'URL' }, CONSOLE);
    expect(url).not.toBeNull();
    const parsed = new URL(url as string);
    expect(parsed.protocol).toBe('https:');
    expect(parsed.origin).toBe(template === IN_CONSOLE ? CONSOLE : 'https://intel.example');
    // The whole value is in the link, encoded as one component.
    expect(url).toContain(encodeURIComponent(value.trim()));
  });
});

describe('pivotUrl', () => {
  it.each([
    ['a type the template is not for', { ...SEARCH, types: ['IPV4'] as IocType[] }, 'MD5', CONSOLE, null],
    ['the console template without a console', IN_CONSOLE, 'DNS', null, null],
    ['the console template with a bad console', IN_CONSOLE, 'DNS', 'http://plain.example', null],
    ['the console template', IN_CONSOLE, 'DNS', `${CONSOLE}/`, `${CONSOLE}/x?q=evil.com`],
    ['{type}', SEARCH, 'DNS', null, 'https://intel.example/search?q=evil.com&kind=DNS'],
    ['a template that does not parse', { ...SEARCH, url: 'https://exa mple/{value}' }, 'DNS', null, null],
    [
      'a value in the host, written behind the form',
      { ...SEARCH, url: 'https://{value}/' },
      'DNS',
      null,
      null,
    ],
    [
      'an http template written behind the form',
      { ...SEARCH, url: 'http://intel.example/{value}' },
      'DNS',
      null,
      null,
    ],
  ] as const)('%s', (_case, template, type, consoleUrl, expected) => {
    expect(pivotUrl(template, { value: 'evil[.]com', type }, consoleUrl)).toBe(expected);
  });
});

describe('pivotLinks', () => {
  it.each([
    ['IPV4', '1.2.3.4', ['VirusTotal', 'urlscan.io', 'AbuseIPDB', 'Shodan', 'SentinelOne console']],
    ['IPV6', '2001:db8::1', ['VirusTotal', 'urlscan.io', 'AbuseIPDB', 'Shodan', 'SentinelOne console']],
    ['DNS', 'evil.com', ['VirusTotal', 'urlscan.io', 'Shodan', 'SentinelOne console']],
    ['URL', 'https://evil.com/x', ['VirusTotal', 'urlscan.io', 'SentinelOne console']],
    ['SHA256', 'a'.repeat(64), ['VirusTotal', 'SentinelOne console']],
    ['MD5', 'a'.repeat(32), ['VirusTotal', 'SentinelOne console']],
    ['SHA1', 'a'.repeat(40), ['VirusTotal', 'SentinelOne console']],
  ] as const)('%s: the templates for the type, in order', (type, value, names) => {
    expect(pivotLinks(DEFAULT_PIVOTS, { value, type }, CONSOLE).map((l) => l.name)).toEqual(names);
  });

  it.each([
    ['an empty value', ''],
    ['a blank value', '   '],
  ])('%s has no links', (_case, value) => {
    expect(pivotLinks(DEFAULT_PIVOTS, { value, type: 'DNS' }, CONSOLE)).toEqual([]);
  });

  it('leaves out the console link without a console', () => {
    expect(pivotLinks(DEFAULT_PIVOTS, { value: 'a'.repeat(32), type: 'MD5' }, null)).toEqual([
      { name: 'VirusTotal', url: `https://www.virustotal.com/gui/search/${'a'.repeat(32)}` },
    ]);
  });
});

describe('pivotTemplatesOf', () => {
  it.each([
    ['no settings', undefined, DEFAULT_PIVOTS],
    ['settings from before pivots', {}, DEFAULT_PIVOTS],
    ['an emptied list', { pivots: [] }, []],
    ['the analyst’s list', { pivots: [SEARCH] }, [SEARCH]],
  ])('%s', (_case, settings, expected) => {
    expect(pivotTemplatesOf(settings)).toEqual(expected);
  });
});
