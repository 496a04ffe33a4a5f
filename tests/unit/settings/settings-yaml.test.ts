import { describe, expect, it } from 'vitest';
import type { Connection } from '../../../config/connection';
import { DEFAULT_SETTINGS, type Settings, type StoredSettings } from '../../../config/settings';
import {
  exportSettingsYaml,
  importSettingsYaml,
  MAX_SETTINGS_FILE_BYTES,
  refuseFileSize,
} from '../../../lib/settings/settings-yaml';

const connected: Settings = {
  ...DEFAULT_SETTINGS,
  connection: {
    consoleUrl: 'https://usea1-acme.sentinelone.net',
    apiToken: 'current-token-0123456789abcdef',
    accountId: '2163822725049635476',
    accountName: 'Acme Corp',
    creatorEmail: 'soc@acme.example',
    tagPrefix: '',
  },
};

/** The shape of the original tool's config.example.yml: the same keys, and its unclosed quote on line 3. */
const ORIGINAL_EXAMPLE_SHAPE = `s1_token: '[string] the API token'
s1_api: '[string] Example: https://euce1-777.sentinelone.net/web/api/v2.1/'
s1_account_id: "[string] Example: 5679600783759357458
debug: '[boolean] Enable/Disable logging'
creator_mail: '[string] creator e-mail'
sha1_retention: '[int] Days of retention for this type of IOC'
url_retention: '[int] Days'
dns_retention: '[int] Days'
ip_retention: '[int] Days'
ioc_tag: "[string] Example [ORGANIZATION NAME]"
`;

const ORIGINAL_FILLED_IN = `s1_token: 'eyJraWQiOiJ0b2tlblNpZ25pbmciLCJhbGciOiJIUzI1NiJ9.abc'
s1_api: 'https://euce1-777.sentinelone.net/web/api/v2.1/'
s1_account_id: 5679600783759357458
debug: False
creator_mail: 'analyst@example.org'
sha1_retention: 60
url_retention: 45
dns_retention: 90
ip_retention: 7
ioc_tag: "[ACME SOC]"
`;

describe('importSettingsYaml: the original tool’s config.yml', () => {
  it('reports the unclosed quote of its example file by line, and does not throw', () => {
    expect(importSettingsYaml(ORIGINAL_EXAMPLE_SHAPE, DEFAULT_SETTINGS)).toEqual({
      ok: false,
      message: expect.stringMatching(/^Line 3: Missing closing "quote/),
    });
  });

  it('names the line that opened a quote left open to the end of the file', () => {
    const cut =
      "s1_token: 'x'\ns1_api: 'https://a.sentinelone.net'\ns1_account_id: \"5679600783759357458\ndebug: False\n";
    expect(importSettingsYaml(cut, DEFAULT_SETTINGS)).toEqual({
      ok: false,
      message: expect.stringMatching(/^Line 3: Missing closing "quote/),
    });
  });

  it('maps every key onto ours, keeping all 19 digits of an unquoted account id', () => {
    const result = importSettingsYaml(ORIGINAL_FILLED_IN, DEFAULT_SETTINGS);
    expect(result).toEqual({
      ok: true,
      quickPathHeldOff: false,
      settings: {
        ...DEFAULT_SETTINGS,
        connection: {
          consoleUrl: 'https://euce1-777.sentinelone.net',
          apiToken: 'eyJraWQiOiJ0b2tlblNpZ25pbmciLCJhbGciOiJIUzI1NiJ9.abc',
          accountId: '5679600783759357458',
          accountName: '',
          creatorEmail: 'analyst@example.org',
          tagPrefix: '[ACME SOC]',
        },
        iocDefaults: {
          ...DEFAULT_SETTINGS.iocDefaults,
          validityDays: { DNS: 90, IPV4: 7, IPV6: 7, MD5: 60, SHA1: 60, SHA256: 60, URL: 45 },
        },
        logLevel: 'info',
      },
    });
  });

  it.each([
    [
      'ip_retention: 7',
      'ip_retention: 90',
      /^Line 9, "ip_retention": must be at most 30 days, the API's maximum for IPs$/,
    ],
    ['sha1_retention: 60', 'sha1_retention: 365', /^Line 6, "sha1_retention": must be at most 180 days/],
    ['url_retention: 45', "url_retention: 'forty'", /^Line 7, "url_retention": Invalid input/],
    ['debug: False', 'debug: maybe', /^Line 4, "debug": Invalid input: expected boolean/],
    [
      "s1_api: 'https://euce1-777.sentinelone.net/web/api/v2.1/'",
      "s1_api: 'http://euce1-777.sentinelone.net/'",
      /The console URL: .*over https/,
    ],
    ['s1_account_id: 5679600783759357458', 's1_account_id: acme', /account id is a number/],
    ['ioc_tag: "[ACME SOC]"', 'ioc_tag: "[ACME SOC]"\nproxy: none', /Unrecognized key: "proxy"/],
  ])('refuses %j changed to %j with a message naming it', (from, to, message) => {
    const result = importSettingsYaml(ORIGINAL_FILLED_IN.replace(from, to), connected);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('debug: True keeps debug entries in the activity log', () => {
    const result = importSettingsYaml(
      ORIGINAL_FILLED_IN.replace('debug: False', 'debug: True'),
      DEFAULT_SETTINGS,
    );
    expect(result.ok && result.settings.logLevel).toBe('debug');
  });
});

describe('exportSettingsYaml and importing our own files', () => {
  it('leaves the token out unless asked', () => {
    expect(exportSettingsYaml(connected)).not.toContain('current-token');
    expect(exportSettingsYaml(connected, { includeToken: true })).toContain(
      'apiToken: current-token-0123456789abcdef',
    );
  });

  it('exports the stored item (token hint and date, no token) as the same file, without them', () => {
    const { apiToken: _token, ...rest } = connected.connection as Connection;
    const stored: StoredSettings = {
      ...connected,
      connection: { ...rest, tokenHint: '…cdef', tokenSavedAt: 1 },
    };
    const file = exportSettingsYaml(stored, { includeToken: true });
    expect(file).toBe(exportSettingsYaml(connected));
    expect(file).not.toMatch(/tokenHint|tokenSavedAt|apiToken/);
    // And it imports onto the settings read with their token, keeping it.
    expect(importSettingsYaml(file, connected)).toMatchObject({ ok: true, settings: connected });
  });

  it('round-trips every setting, the token included when exported', () => {
    const changed: Settings = {
      ...connected,
      quickBlockSingle: true,
      logLevel: 'warn',
      sync: { intervalMinutes: 5, pageSize: 500, maxParallelRequests: 2 },
      actionDefaults: { blockExecution: false, blockExecutionOs: ['linux'], blockNetwork: false },
      neverBlock: ['acme.example', '10.0.0.0/8'],
      pivots: [
        { name: 'Intel', url: 'https://intel.example/search?q={value}#{type}', types: ['DNS', 'URL'] },
        { name: 'S1', url: '{console}/x?q={value}', types: ['MD5'] },
      ],
    };
    // Onto settings whose quick path is on already: an import keeps it, never turns it on.
    const onto = { ...DEFAULT_SETTINGS, quickBlockSingle: true };
    expect(importSettingsYaml(exportSettingsYaml(changed, { includeToken: true }), onto)).toEqual({
      ok: true,
      settings: changed,
      quickPathHeldOff: false,
    });
  });

  it('keeps the current token when a file without one names the same console', () => {
    const file = exportSettingsYaml({ ...connected, logLevel: 'debug' });
    expect(importSettingsYaml(file, connected)).toEqual({
      ok: true,
      settings: { ...connected, logLevel: 'debug' },
      quickPathHeldOff: false,
    });
  });

  it.each([
    // [the quick path here, what the file says, after the import, held off]
    [false, undefined, false, false],
    [false, false, false, false],
    [false, true, false, true],
    [true, undefined, true, false],
    [true, true, true, false],
    [true, false, false, false],
  ] as const)(
    'quick path %s here, %s in the file: %s after the import (held off: %s)',
    (here, inFile, after, heldOff) => {
      const file = inFile === undefined ? 'logLevel: info\n' : `quickBlockSingle: ${inFile}\n`;
      expect(importSettingsYaml(file, { ...connected, quickBlockSingle: here })).toEqual({
        ok: true,
        settings: { ...connected, quickBlockSingle: after },
        quickPathHeldOff: heldOff,
      });
    },
  );

  it('refuses a file without a token for another console, rather than pairing it with this one’s', () => {
    const file = exportSettingsYaml(connected).replace('usea1-acme', 'euce1-other');
    const result = importSettingsYaml(file, connected);
    expect(result).toEqual({
      ok: false,
      message: expect.stringMatching(/no API token for https:\/\/euce1-other\.sentinelone\.net/),
    });
  });

  it.each([
    ['iocDefaults:\n  score: 150\n', /^Line 2, "iocDefaults.score": must be 0-100$/],
    [
      'iocDefaults:\n  validityDays:\n    IPV6: 31\n',
      /^Line 3, "iocDefaults.validityDays.IPV6": must be at most 30 days/,
    ],
    ['sync:\n  pageSize: 0\n', /"sync.pageSize"/],
    ['logLevel: verbose\n', /^Line 1, "logLevel": Invalid option/],
    ['colour: blue\n', /Unrecognized key: "colour"/],
    [
      'actionDefaults:\n  blockExecutionOs: [android]\n',
      /^Line 2, "actionDefaults.blockExecutionOs.0": must be one of/,
    ],
    ['- just\n- a list\n', /expected object/],
    [
      'neverBlock:\n  - acme.example\n  - https://acme.example/login\n',
      /^Line 3, "neverBlock.1": Never-block entry "https:\/\/acme.example\/login": write the domain or address/,
    ],
    [
      'pivots:\n  - name: Plain\n    url: http://intel.example/{value}\n    types: [DNS]\n',
      /^Line 3, "pivots.0.url": The link must start with https:\/\/: an http:\/\/ link/,
    ],
    [
      'pivots:\n  - name: Nowhere\n    url: https://intel.example/\n    types: [DNS]\n',
      /^Line 3, "pivots.0.url": The link must hold \{value\}/,
    ],
    ['pivots:\n  - name: X\n    url: https://x.example/{value}\n', /"pivots.0.types": is missing/],
    ['iocDefaults: [\n', /^Line \d+: /],
  ])('refuses %j', (file, message) => {
    const result = importSettingsYaml(file, connected);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('changes one action default and keeps the others', () => {
    const result = importSettingsYaml('actionDefaults:\n  blockNetwork: false\n', connected);
    expect(result).toEqual({
      ok: true,
      settings: { ...connected, actionDefaults: { ...connected.actionDefaults, blockNetwork: false } },
      quickPathHeldOff: false,
    });
  });

  it.each([
    ['keeps the links when the file has none', 'logLevel: info\n', DEFAULT_SETTINGS.pivots],
    ['empties them when the file says so', 'pivots: []\n', []],
    [
      'replaces them with the file’s',
      'pivots:\n  - name: Intel\n    url: https://intel.example/?q={value}\n    types: [DNS]\n',
      [{ name: 'Intel', url: 'https://intel.example/?q={value}', types: ['DNS'] }],
    ],
  ])('%s', (_case, file, pivots) => {
    const result = importSettingsYaml(file, connected);
    expect(result.ok && result.settings.pivots).toEqual(pivots);
  });

  it('reads settings from before the links as the default links', () => {
    const { pivots: _none, ...old } = connected;
    const result = importSettingsYaml('logLevel: debug\n', old as Settings);
    expect(result.ok && result.settings.pivots).toEqual(DEFAULT_SETTINGS.pivots);
  });

  it('takes an empty file as no change', () => {
    expect(importSettingsYaml('', connected)).toEqual({
      ok: true,
      settings: connected,
      quickPathHeldOff: false,
    });
  });
});

/** Nine references to nine references to …: 9^9 strings once expanded, from eleven lines. */
const ALIAS_BOMB = `connection:
  creatorEmail: soc@acme.example
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`;

describe('importSettingsYaml: files that are not settings files', () => {
  it.each([
    [
      'an alias bomb, at its first alias',
      ALIAS_BOMB,
      'Line 4: settings files may not use YAML aliases (*a).',
    ],
    [
      'an alias standing for a value elsewhere',
      'connection:\n  consoleUrl: &c https://usea1-acme.sentinelone.net\n  tagPrefix: x\n  creatorEmail: *c\n',
      'Line 4: settings files may not use YAML aliases (*c).',
    ],
    [
      'a merge key',
      'base: &b {score: 1}\niocDefaults:\n  <<: *b\n',
      'Line 3: settings files may not use YAML aliases (*b).',
    ],
    [
      'an anchor alone, on the line of its name',
      'logLevel: info\niocDefaults: &d\n  score: 50\n',
      'Line 2: settings files may not use YAML anchors (&d).',
    ],
    [
      'an alias to no anchor',
      'logLevel: *nothing\n',
      'Line 1: settings files may not use YAML aliases (*nothing).',
    ],
  ])('refuses %s with its line', (_, file, message) => {
    expect(importSettingsYaml(file, connected)).toEqual({ ok: false, message });
  });

  it.each([
    ['nested 100,000 deep', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
    ['a mapping nested 20,000 deep', `a: ${'{x: '.repeat(20_000)}1${'}'.repeat(20_000)}`],
    ['one byte too large', `logLevel: info\n#${'x'.repeat(MAX_SETTINGS_FILE_BYTES)}`],
    ['binary', '\u0000\u0001\uFFFD\u0007PK\u0003\u0004'],
  ])('gives a message, never a throw, for a file %s', (_, file) => {
    const result = importSettingsYaml(file, connected);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/\S/) });
  });

  it.each([
    [1_000, null],
    [MAX_SETTINGS_FILE_BYTES, null],
    [MAX_SETTINGS_FILE_BYTES + 1, 'The file is larger than 256 KB: a settings file is a few hundred bytes.'],
    [5_000_000_000, 'The file is larger than 256 KB: a settings file is a few hundred bytes.'],
  ])('a file of %d bytes is read: %j', (bytes, refusal) => {
    expect(refuseFileSize(bytes)).toBe(refusal);
  });
});

describe('a site connection in the settings file', () => {
  const SITE = { kind: 'site' as const, siteId: '1900000000000000001', siteName: 'Paris HQ' };
  const onSite: Settings = {
    ...connected,
    connection: { ...(connected.connection as Connection), scope: SITE },
  };

  it('round-trips its site', () => {
    const file = exportSettingsYaml(onSite, { includeToken: true });
    expect(file).toContain('siteId: "1900000000000000001"');
    expect(importSettingsYaml(file, DEFAULT_SETTINGS)).toMatchObject({
      ok: true,
      settings: { connection: { scope: SITE } },
    });
  });

  it('an account connection exports no site', () => {
    expect(exportSettingsYaml(connected)).not.toContain('siteId');
  });

  it.each([
    [
      'names another account without a site: the site is dropped',
      'connection:\n  accountId: "2163822725049635812"\n',
      undefined,
    ],
    ['changes only the tag prefix: the site stays', 'connection:\n  tagPrefix: "[X]"\n', SITE],
  ])('a file that %s', (_name, file, scope) => {
    const result = importSettingsYaml(file, onSite);
    expect(result.ok && result.settings.connection?.scope).toEqual(scope);
  });
});
