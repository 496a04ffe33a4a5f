import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../../config/defaults';
import { parseDefaults } from '../../support/parse-defaults';

const shipped = readFileSync('config/defaults.yml', 'utf8');

describe('config/defaults.yml', () => {
  it('holds the promised defaults', () => {
    expect(DEFAULTS).toEqual({
      validityDays: { DNS: 30, IPV4: 30, IPV6: 30, MD5: 30, SHA1: 30, SHA256: 30, URL: 30 },
      score: 100,
      source: 'S1 IOC Manager',
      method: 'EQUALS',
      actions: { blockExecution: true, blockExecutionOs: ['windows', 'macos', 'linux'], blockNetwork: false },
      neverBlock: [],
      pivots: expect.arrayContaining([
        { name: 'AbuseIPDB', url: 'https://www.abuseipdb.com/check/{value}', types: ['IPV4', 'IPV6'] },
      ]),
      sync: { intervalMinutes: 15, pageSize: 1000, maxParallelRequests: 7 },
    });
  });

  it('accepts never-block entries the worker can read', () => {
    const result = parseDefaults(
      shipped.replace('neverBlock: []', 'neverBlock:\n  - acme[.]com\n  - 10.0.0.0/8'),
    );
    expect(result.ok && result.value.neverBlock).toEqual(['acme[.]com', '10.0.0.0/8']);
  });

  it.each([
    [
      '  IPV4: 30',
      '  IPV4: 31',
      /^Line 9, "validityDays.IPV4": must be at most 30 days, the API's maximum for IPV4$/,
    ],
    ['  SHA256: 30', '  SHA256: 181', /^Line 13, "validityDays.SHA256": must be at most 180 days/],
    ['  DNS: 30', '  DNS: 0', /"validityDays.DNS": must be at least 1 day/],
    ['  URL: 30', '  URL: 2.5', /"validityDays.URL": must be a whole number of days/],
    ['score: 100', 'score: 101', /^Line 17, "score": must be 0-100$/],
    ['method: EQUALS', 'method: CONTAINS', /"method": must be EQUALS/],
    ['source: S1 IOC Manager', 'source: ""', /"source": must not be empty/],
    ['  pageSize: 1000', '  pageSize: 5000', /"sync.pageSize": must be at most 1000/],
    ['  intervalMinutes: 15', '  intervalMinutes: 0', /"sync.intervalMinutes": must be at least 1 minute/],
    [
      '  maxParallelRequests: 7',
      '  maxParallelRequests: 64',
      /"sync.maxParallelRequests": must be at most 16/,
    ],
    [
      '  blockExecutionOs: [windows, macos, linux]',
      '  blockExecutionOs: [windows, android]',
      /"actions.blockExecutionOs.1": must be one of windows, macos, linux/,
    ],
    ['  blockNetwork: false', '  blockNetwork: yes please', /"actions.blockNetwork"/],
    ['score: 100', 'score: 100\nscore: 90', /^Line \d+: Map keys must be unique/],
    ['score: 100', 'scor: 100', /^"score": is missing$/],
    ['source: S1 IOC Manager', 'source: S1 IOC Manager\nextra: 1', /Unrecognized key: "extra"/],
    ['  IPV4: 30\n', '', /^Line 8, "validityDays.IPV4": is missing$/],
    [
      'neverBlock: []',
      'neverBlock:\n  - acme.com\n  - acme com',
      /^Line \d+, "neverBlock.1": Never-block entry "acme com": one entry per line, without spaces\.$/,
    ],
    ['neverBlock: []', 'neverBlock: [co.uk]', /"neverBlock.0": Never-block entry "co.uk": a public suffix/],
    [
      'url: https://www.abuseipdb.com/check/{value}',
      'url: http://www.abuseipdb.com/check/{value}',
      /^Line \d+, "pivots.4.url": The link must start with https:\/\/: an http:\/\/ link sends/,
    ],
    [
      '    types: [URL]\n  - name: AbuseIPDB',
      '    types: []\n  - name: AbuseIPDB',
      /"pivots.3.types": Tick at least one/,
    ],
    [
      '  - name: Shodan\n    url: https://www.shodan.io/domain/{value}',
      '  - name: Shodan\n    url: https://www.shodan.io/host/{value}\n    types: [DNS, IPV4]\n  - name: x\n    url: https://x.example/{value}',
      /"pivots": Two links named “Shodan” are for IPV4/,
    ],
  ])('refuses %j changed to %j, naming the key', (from, to, message) => {
    expect(shipped).toContain(from);
    const result = parseDefaults(shipped.replace(from, to));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});
