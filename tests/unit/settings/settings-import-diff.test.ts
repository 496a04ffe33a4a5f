import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../config/settings';
import { describeImport } from '../../../lib/settings/settings-import-diff';

const TOKEN = 'current-token-0123456789abcdef';
const connected: Settings = {
  ...DEFAULT_SETTINGS,
  connection: {
    consoleUrl: 'https://usea1-acme.sentinelone.net',
    apiToken: TOKEN,
    accountId: '2163822725049635476',
    accountName: 'Acme Corp',
    creatorEmail: 'soc@acme.example',
    tagPrefix: '',
  },
  neverBlock: ['acme.example'],
};
const connection = connected.connection as NonNullable<Settings['connection']>;
const withConnection = (changes: Partial<typeof connection>): Settings => ({
  ...connected,
  connection: { ...connection, ...changes },
});

describe('describeImport', () => {
  it.each<[string, Settings, Array<[string, string, string]>]>([
    ['nothing', connected, []],
    [
      'the console, its token and the account',
      withConnection({
        consoleUrl: 'https://evil.example',
        apiToken: 'file-token-fedcba9876543210',
        accountId: '42',
        accountName: '',
      }),
      [
        ['Console URL', 'https://usea1-acme.sentinelone.net', 'https://evil.example'],
        ['API token', 'the saved token', 'replaced by the file’s token'],
        ['Account', 'Acme Corp (2163822725049635476)', '42'],
      ],
    ],
    [
      'the token alone',
      withConnection({ apiToken: 'file-token-fedcba9876543210' }),
      [['API token', 'the saved token', 'replaced by the file’s token']],
    ],
    [
      'creator and tag prefix',
      withConnection({ creatorEmail: '', tagPrefix: '[SOC]' }),
      [
        ['Creator email', 'soc@acme.example', '(none)'],
        ['Tag prefix', '(none)', '[SOC]'],
      ],
    ],
    [
      'validity, score and source',
      {
        ...connected,
        iocDefaults: {
          ...connected.iocDefaults,
          validityDays: { ...connected.iocDefaults.validityDays, SHA1: 60, IPV4: 7 },
          score: 80,
          source: 'Partner feed',
        },
      },
      [
        ['Validity IPV4 (days)', '30', '7'],
        ['Validity SHA1 (days)', '30', '60'],
        ['Default score', '100', '80'],
        ['Source', 'S1 IOC Manager', 'Partner feed'],
      ],
    ],
    [
      'the action defaults',
      { ...connected, actionDefaults: { blockExecution: false, blockExecutionOs: [], blockNetwork: true } },
      [
        ['Block execution by default', 'on', 'off'],
        ['Block execution on', 'Windows, macOS, Linux', '(no OS)'],
        ['Block network by default', 'off', 'on'],
      ],
    ],
    [
      'the never-block list',
      { ...connected, neverBlock: ['10.0.0.0/8', 'payroll.acme.example'] },
      [['Never block', '1 entry', '2 entries: adds 10.0.0.0/8, payroll.acme.example; removes acme.example']],
    ],
    [
      'the open-in links',
      {
        ...connected,
        pivots: [
          ...DEFAULT_SETTINGS.pivots.filter((t) => t.name !== 'AbuseIPDB'),
          { name: 'Intel', url: 'https://intel.example/?q={value}', types: ['DNS'] },
        ],
      },
      [
        [
          'Open-in links',
          '8 links',
          '8 links: adds Intel https://intel.example/?q={value}; removes AbuseIPDB https://www.abuseipdb.com/check/{value}',
        ],
      ],
    ],
    [
      'a link edited in place',
      {
        ...connected,
        pivots: [
          {
            ...(DEFAULT_SETTINGS.pivots[0] as Settings['pivots'][number]),
            url: 'https://vt.example/{value}',
          },
        ],
      },
      [
        [
          'Open-in links',
          '8 links',
          '1 link: adds VirusTotal https://vt.example/{value}; removes VirusTotal https://www.virustotal.com/gui/search/{value}, urlscan.io https://urlscan.io/domain/{value}, urlscan.io https://urlscan.io/ip/{value}, urlscan.io https://urlscan.io/search/#{value}, AbuseIPDB https://www.abuseipdb.com/check/{value}, Shodan https://www.shodan.io/host/{value}, Shodan https://www.shodan.io/domain/{value}, SentinelOne console {console}/incidents/threats?filter=%7B%22query%22%3A%22{value}%22%7D',
        ],
      ],
    ],
    [
      'log level and sync',
      {
        ...connected,
        logLevel: 'debug',
        sync: { intervalMinutes: 5, pageSize: 500, maxParallelRequests: 2 },
      },
      [
        ['Log level', 'info', 'debug'],
        ['Sync every (minutes)', '15', '5'],
        ['IOCs per page', '1000', '500'],
        ['Parallel requests', '7', '2'],
      ],
    ],
  ])('lists what changes: %s', (_, next, rows) => {
    expect(describeImport(connected, next).map((c) => [c.label, c.before, c.after])).toEqual(rows);
  });

  it.each<[string, Settings, Settings, { quickPathHeldOff?: boolean }, string, string]>([
    ['turned off', { ...connected, quickBlockSingle: true }, connected, {}, 'on', 'off'],
    [
      'asked for and held off',
      connected,
      connected,
      { quickPathHeldOff: true },
      'off',
      'stays off: turn it on yourself in Settings',
    ],
  ])('says the quick path is %s', (_, current, next, options, before, after) => {
    expect(describeImport(current, next, options)).toEqual([
      { label: 'Quick detect (one new IOC without the review)', before, after },
    ]);
  });

  it('names a first connection from a file, and never the token itself', () => {
    const changes = describeImport(DEFAULT_SETTINGS, connected);
    expect(changes.slice(0, 3)).toEqual([
      { label: 'Console URL', before: '(none)', after: 'https://usea1-acme.sentinelone.net' },
      { label: 'API token', before: '(none)', after: 'replaced by the file’s token' },
      { label: 'Account', before: '(none)', after: 'Acme Corp (2163822725049635476)' },
    ]);
    expect(
      JSON.stringify(describeImport(connected, withConnection({ apiToken: 'file-token-xyz' }))),
    ).not.toMatch(/current-token|file-token|cdef|-xyz/);
  });

  it('spells out hidden characters and cuts long text from the file', () => {
    const [tag, never] = describeImport(connected, {
      ...withConnection({ tagPrefix: `[SOC\u202E]${'x'.repeat(500)}` }),
      neverBlock: ['acme.example', ...Array.from({ length: 12 }, (_, i) => `host${i}.example`)],
    });
    expect(tag?.after).toMatch(/^\[SOC⟨U\+202E⟩\]x+…$/);
    expect(tag?.after.length).toBe(200 + '⟨U+202E⟩'.length - 1);
    expect(never?.after).toBe(
      `13 entries: adds ${Array.from({ length: 10 }, (_, i) => `host${i}.example`).join(', ')} and 2 more`,
    );
  });
});
