import { describe, expect, it } from 'vitest';
import { objectPathText, parseStixPattern } from '../../../lib/formats/stix-pattern';
import { readStixPattern } from '../../../lib/formats/stix-pattern-iocs';

const MD5 = '44d88612fea8a8f36de82e1278abb02f';
const SHA1 = '3395856ce81f2b7382dee72602f798b642f14140';
const SHA256 = '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f';

describe('readStixPattern: patterns that become IOCs', () => {
  it.each([
    // One comparison per supported path (STIX 2.1 section 9; hash names from the hash-algorithm-ov vocabulary).
    [`[file:hashes.MD5 = '${MD5}']`, [[MD5, 'MD5']]],
    [`[file:hashes.'MD5' = '${MD5}']`, [[MD5, 'MD5']]],
    [`[file:hashes.'SHA-1' = '${SHA1}']`, [[SHA1, 'SHA1']]],
    [`[file:hashes.SHA1 = '${SHA1}']`, [[SHA1, 'SHA1']]],
    [`[file:hashes.'SHA-256' = '${SHA256}']`, [[SHA256, 'SHA256']]],
    [`[file:hashes.SHA256 = '${SHA256}']`, [[SHA256, 'SHA256']]],
    // OpenCTI's spellings: an unquoted hyphen, lower case.
    [`[file:hashes.SHA-256 = '${SHA256}']`, [[SHA256, 'SHA256']]],
    [`[file:hashes.'sha-256' = '${SHA256}']`, [[SHA256, 'SHA256']]],
    [`[file:hashes.md5 = '${MD5}']`, [[MD5, 'MD5']]],
    ["[domain-name:value = 'evil.example.com']", [['evil.example.com', 'DNS']]],
    ["[ipv4-addr:value = '198.51.100.7']", [['198.51.100.7', 'IPV4']]],
    ["[ipv6-addr:value = '2001:db8::1']", [['2001:db8::1', 'IPV6']]],
    ["[url:value = 'https://evil.example.com/a?b=c']", [['https://evil.example.com/a?b=c', 'URL']]],
    // Escapes: \' and \\ only.
    ["[url:value = 'http://x.example/it\\'s']", [["http://x.example/it's", 'URL']]],
    ["[url:value = 'http://x.example/a\\\\b']", [['http://x.example/a\\b', 'URL']]],
    // White space, comments, `==`, and keywords in any case.
    ["  [ domain-name:value\t==\n'a.example' ]  ", [['a.example', 'DNS']]],
    ["/* feed 7 */ [domain-name:value = 'a.example'] // end", [['a.example', 'DNS']]],
    [
      "[domain-name:value = 'a.example' or domain-name:value = 'b.example']",
      [
        ['a.example', 'DNS'],
        ['b.example', 'DNS'],
      ],
    ],
    // OR inside an observation and between observations: one IOC per alternative, duplicates once.
    [
      `[file:hashes.MD5 = '${MD5}' OR file:hashes.'SHA-256' = '${SHA256}']`,
      [
        [MD5, 'MD5'],
        [SHA256, 'SHA256'],
      ],
    ],
    [
      "[ipv4-addr:value = '198.51.100.7'] OR [ipv6-addr:value = '2001:db8::1']",
      [
        ['198.51.100.7', 'IPV4'],
        ['2001:db8::1', 'IPV6'],
      ],
    ],
    [
      "([url:value = 'http://a.example/'] OR ([domain-name:value = 'b.example' OR (domain-name:value = 'a.example')]))",
      [
        ['http://a.example/', 'URL'],
        ['b.example', 'DNS'],
        ['a.example', 'DNS'],
      ],
    ],
    ["[domain-name:value = 'a.example' OR domain-name:value = 'a.example']", [['a.example', 'DNS']]],
  ])('%s → %j', (pattern, iocs) => {
    expect(readStixPattern(pattern)).toEqual({
      kind: 'iocs',
      iocs: iocs.map(([value, type]) => ({ value, type })),
    });
  });
});

describe('readStixPattern: patterns that cannot be an IOC', () => {
  it.each([
    // Compound.
    [`[file:hashes.MD5 = '${MD5}' AND file:size = 68]`, 'AND inside an observation'],
    ["[ipv4-addr:value = '198.51.100.7'] AND [domain-name:value = 'a.example']", 'AND between observations'],
    ["[ipv4-addr:value = '198.51.100.7'] FOLLOWEDBY [domain-name:value = 'a.example']", 'FOLLOWEDBY'],
    ["[ipv4-addr:value = '198.51.100.7'] followedby [url:value = 'http://a.example/']", 'FOLLOWEDBY'],
    // Qualifiers.
    ["[ipv4-addr:value = '198.51.100.7'] WITHIN 300 SECONDS", 'the WITHIN qualifier'],
    ["[domain-name:value = 'a.example'] REPEATS 5 TIMES", 'the REPEATS qualifier'],
    [
      "[url:value = 'http://a.example/'] START t'2026-01-01T00:00:00Z' STOP t'2026-02-01T00:00:00.5Z'",
      'the START qualifier',
    ],
    ["([domain-name:value = 'a.example'] OR [domain-name:value = 'b.example']) within 60 seconds", 'WITHIN'],
    // Operators other than =.
    ["[domain-name:value != 'a.example']", 'domain-name:value !=: only ='],
    ["[domain-name:value <> 'a.example']", 'domain-name:value !=: only ='],
    ["[domain-name:value NOT = 'a.example']", 'domain-name:value NOT =: only ='],
    ["[domain-name:value LIKE '%.example']", 'domain-name:value LIKE'],
    ["[url:value MATCHES '^https?://a\\\\.example']", 'url:value MATCHES'],
    ["[ipv4-addr:value ISSUBSET '198.51.100.0/24']", 'ipv4-addr:value ISSUBSET'],
    ["[ipv4-addr:value ISSUPERSET '198.51.100.7/32']", 'ipv4-addr:value ISSUPERSET'],
    ["[domain-name:value IN ('a.example', 'b.example')]", 'domain-name:value IN'],
    ["[ipv4-addr:value > '198.51.100.7']", 'ipv4-addr:value >'],
    ['[EXISTS domain-name:value]', 'domain-name:value EXISTS'],
    // Paths SentinelOne has no type for.
    ["[email-addr:value = 'a@b.example']", 'SentinelOne has no IOC type for email-addr:value'],
    ["[file:name = 'evil.exe']", 'SentinelOne has no IOC type for file:name'],
    ["[process:command_line = 'evil.exe -x']", 'no IOC type for process:command_line'],
    ["[file:hashes.'SHA-512' = 'ab']", 'no IOC type for SHA-512 hashes'],
    ["[file:hashes.SSDEEP = '3:a:b']", 'no IOC type for SSDEEP hashes'],
    ["[x-opencti-hostname:value = 'host1']", 'x-opencti-hostname:value is a custom object'],
    ["[hostname:value = 'host1']", 'no IOC type for hostname:value'],
    ["[network-traffic:dst_ref.value = '198.51.100.7']", 'no IOC type for network-traffic:dst_ref.value'],
    ["[email-message:from_ref.value = 'a@b.example']", 'no IOC type for email-message:from_ref.value'],
    [
      "[file:extensions.'windows-pebinary-ext'.sections[*].name = '.text']",
      'no IOC type for file:extensions',
    ],
    // An OR with one alternative that cannot be an IOC is not half imported.
    [`[file:hashes.MD5 = '${MD5}' OR file:name = 'evil.exe']`, 'no IOC type for file:name'],
    // Values that are not text.
    ['[ipv4-addr:value = 3325256711]', 'compared with something other than a quoted text'],
    ["[file:hashes.MD5 = h'44d88612']", 'compared with something other than a quoted text'],
    ["[domain-name:value = '  ']", 'compared with an empty text'],
  ])('%s is unsupported (%s)', (pattern, reason) => {
    const reading = readStixPattern(pattern);
    expect(reading.kind).toBe('unsupported');
    expect(reading.kind === 'unsupported' && reading.reason).toContain(reason);
  });
});

describe('readStixPattern: malformed patterns, with the column', () => {
  it.each([
    ['', 1, 'the pattern is empty'],
    ['   ', 1, 'the pattern is empty'],
    ["domain-name:value = 'a.example'", 1, 'expected "[" to open an observation'],
    ["[domain-name:value = 'a.example'", 33, 'expected "]" but found the end of the pattern'],
    ["[domain-name:value = 'a.example]", 22, 'quoted text that starts here is not closed'],
    ["[domain-name:value 'a.example']", 20, 'expected a comparison operator'],
    ["[domain-name = 'a.example']", 14, 'expected ":"'],
    ["[:value = 'a.example']", 2, 'expected an object path'],
    ['[domain-name:value = ]', 22, "expected a value such as 'text'"],
    ["[url:value = 'http://a\\nb']", 23, "a backslash in a quoted text must be followed by ' or \\"],
    [
      "[domain-name:value = 'a.example'] [url:value = 'x']",
      35,
      'expected AND, OR, FOLLOWEDBY or a qualifier',
    ],
    ["[domain-name:value = 'a.example'] AND", 38, 'expected "[" to open an observation'],
    ["[domain-name:value = 'a.example' AND ]", 38, 'expected an object path'],
    ["[domain-name:value = 'a.example'] WITHIN SECONDS", 42, 'expected a number of seconds'],
    ["[domain-name:value = 'a.example'] WITHIN 0 SECONDS", 42, 'WITHIN needs a positive number'],
    ["[domain-name:value = 'a.example'] REPEATS 2.5 TIMES", 43, 'REPEATS needs a positive whole number'],
    [
      "[domain-name:value = 'a.example'] START t'2026-13-01T00:00:00Z' STOP t'2026-02-01T00:00:00Z'",
      41,
      'not a UTC timestamp',
    ],
    ["[domain-name:value = 'a.example'] START t'2026-01-01T00:00:00Z'", 64, 'expected STOP'],
    ["[domain-name:value = 'a.example'] ; drop", 35, 'unexpected character ";"'],
    ["[domain-name:value = 'a.example'] /* unclosed", 35, 'the comment that starts here is not closed'],
    ['[domain-name:value LIKE 5]', 25, 'LIKE needs a quoted text'],
    ["[domain-name:value IN ('a', )]", 29, "expected a value such as 'text'"],
    ["[file:hashes.MD5 = h'4g']", 20, "h'4g' is not hex pairs"],
    ["(([domain-name:value = 'a.example'])", 37, 'expected ")"'],
  ])('%j breaks at column %i: %s', (pattern, column, message) => {
    const reading = readStixPattern(pattern);
    expect(reading).toMatchObject({ kind: 'malformed', column });
    expect(reading.kind === 'malformed' && reading.message).toContain(message);
  });
});

describe('parseStixPattern', () => {
  it('reads precedence: FOLLOWEDBY is weakest, then OR, then AND, each left to right', () => {
    const parsed = parseStixPattern("[a:x = '1'] AND [a:x = '2'] OR [a:x = '3'] FOLLOWEDBY [a:x = '4']");
    expect(parsed.ok && parsed.pattern.kind).toBe('followedby');
    const left = parsed.ok && parsed.pattern.kind === 'followedby' ? parsed.pattern.left : null;
    expect(left?.kind).toBe('or');
    expect(left?.kind === 'or' && left.left.kind).toBe('and');
  });

  it('reads every literal kind and keeps qualifiers in order', () => {
    const parsed = parseStixPattern(
      "[a:b = -1.5 AND a:c = true AND a:d = b'AAE=' AND a:e IN (1, 'x')] REPEATS 2 TIMES WITHIN 10 SECONDS",
    );
    expect(parsed).toEqual({
      ok: true,
      pattern: {
        kind: 'observation',
        qualifiers: [
          { kind: 'REPEATS', times: 2 },
          { kind: 'WITHIN', seconds: 10 },
        ],
        comparison: {
          kind: 'and',
          left: {
            kind: 'and',
            left: {
              kind: 'and',
              left: test('b', '=', { kind: 'number', value: -1.5 }),
              right: test('c', '=', { kind: 'bool', value: true }),
            },
            right: test('d', '=', { kind: 'binary', value: 'AAE=' }),
          },
          right: test('e', 'IN', [
            { kind: 'number', value: 1 },
            { kind: 'string', value: 'x' },
          ]),
        },
      },
    });
  });

  it.each([
    ["[file:hashes.'SHA-256' = 'x']", "file:hashes.'SHA-256'"],
    [
      "[file:extensions.'windows-pebinary-ext'.sections[*].name = 'x']",
      "file:extensions.'windows-pebinary-ext'.sections[*].name",
    ],
    ["[a:'it\\'s'[0] = 'x']", "a:'it\\'s'[0]"],
  ])('writes the path of %s back as %s', (pattern, text) => {
    const parsed = parseStixPattern(pattern);
    const comparison = parsed.ok && parsed.pattern.kind === 'observation' ? parsed.pattern.comparison : null;
    expect(comparison?.kind === 'test' && objectPathText(comparison.path)).toBe(text);
  });
});

function test(property: string, operator: string, value: unknown) {
  return {
    kind: 'test',
    path: { objectType: 'a', steps: [{ key: property }] },
    negated: false,
    operator,
    value,
  };
}
