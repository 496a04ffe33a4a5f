import { describe, expect, it } from 'vitest';
import { type Candidate, extractCandidates, extractCandidatesChunked } from '../../../lib/iocs/extract';

const MD5 = '0123456789abcdef0123456789abcdef';
const SHA256 = 'beab9fadb100a44b3bc8ea4df3249aa6d93e710193be437adb5e47c2e201c1ef';

/** `value:TYPE`, with a `?` mark on suggestions, for compact expectations. */
const brief = (candidates: Candidate[]) =>
  candidates.map((c) => `${c.value}:${c.type}${c.fromUrlHost || c.fromEmail ? '?' : ''}`);

describe('extractCandidates', () => {
  it.each<[string, string, string[]]>([
    ['a plain domain', 'evil.com', ['evil.com:DNS']],
    ['a defanged domain', 'evil[.]com', ['evil.com:DNS']],
    [
      'hXXp with its host as a suggestion',
      'hXXp://evil[.]com/a.php',
      ['http://evil.com/a.php:URL', 'evil.com:DNS?'],
    ],
    ['HXXPS', 'HXXPS://bad(.)org/x', ['https://bad.org/x:URL', 'bad.org:DNS?']],
    ['a fully defanged URL', 'http[:]//x[.]com[/]path', ['http://x.com/path:URL', 'x.com:DNS?']],
    ['a scheme-less URL', 'evil.com/payload.exe', ['http://evil.com/payload.exe:URL', 'evil.com:DNS?']],
    ['a URL host standing on its own too', 'http://x.com/a x.com', ['http://x.com/a:URL', 'x.com:DNS']],
    ['a URL host standing on its own earlier', 'x.com http://x.com/a', ['x.com:DNS', 'http://x.com/a:URL']],
    [
      'one suggestion for two URLs on a host',
      'http://x.com/a http://x.com/b',
      ['http://x.com/a:URL', 'x.com:DNS?', 'http://x.com/b:URL'],
    ],
    ['an IP host suggestion', 'http://1.2.3.4/x', ['http://1.2.3.4/x:URL', '1.2.3.4:IPV4?']],
    ['a defanged IPv4', '1.2.3[.]4', ['1.2.3.4:IPV4']],
    ['a defanged IPv6', 'fe80[:]:1', ['fe80::1:IPV6']],
    ['an email domain as a suggestion', 'user[@]evil[.]com', ['evil.com:DNS?']],
    ['an [at] email', 'user[at]evil[.]com', ['evil.com:DNS?']],
    ['an email domain that also stands alone', 'user@evil.com evil.com', ['evil.com:DNS']],
    ['a CIDR range as written', '10.0.0.0/8', ['10.0.0.0/8:IPV4']],
    ['a /32 as written', '203.0.113.5/32', ['203.0.113.5/32:IPV4']],
    ['an IPv6 range', '2001:db8::/32', ['2001:db8::/32:IPV6']],
    ['upper-case hashes in lower case', MD5.toUpperCase(), [`${MD5}:MD5`]],
    [
      'an empty-file hash in lower case',
      'D41D8CD98F00B204E9800998ECF8427E',
      ['d41d8cd98f00b204e9800998ecf8427e:MD5'],
    ],
    ['a trailing dot', 'evil.com.', ['evil.com:DNS']],
    ['a trailing comma', 'evil.com,', ['evil.com:DNS']],
    ['a closing parenthesis', 'evil.com)', ['evil.com:DNS']],
    ['a URL ending a sentence in parentheses', '(see http://x.com/a).', ['http://x.com/a:URL', 'x.com:DNS?']],
    ['a URL with balanced parentheses', 'http://x.com/a_(b)', ['http://x.com/a_(b):URL', 'x.com:DNS?']],
    ['double quotes', '"evil.com"', ['evil.com:DNS']],
    ['single quotes', "'1.2.3.4'", ['1.2.3.4:IPV4']],
    ['angle brackets', '<http://x.com>', ['http://x.com:URL', 'x.com:DNS?']],
    ['parentheses', '(evil.com)', ['evil.com:DNS']],
    ['square brackets', '[1.2.3.4]', ['1.2.3.4:IPV4']],
    ['a bracketed IPv6', '[2001:db8::1]', ['2001:db8::1:IPV6']],
    ['a bracketed defanged IP', '[1.2.3[.]4]', ['1.2.3.4:IPV4']],
    ['an IPv6 ending in ::', 'prefix 2001:db8:: here', ['2001:db8:::IPV6']],
    ['a unicode domain as punycode', 'bücher.de', ['xn--bcher-kva.de:DNS']],
    ['a Cyrillic domain', 'пример.рф', ['xn--e1afmkfd.xn--p1ai:DNS']],
    ['an embedded value', 'C2=evil.com', ['evil.com:DNS']],
    ['an embedded hash', `sha256:${SHA256.toUpperCase()}`, [`${SHA256}:SHA256`]],
    [
      'no 0.1.1.1 from 300.1.1.1 in prose, but the near miss itself',
      'we saw 300.1.1.1 today',
      ['300.1.1.1:IPV4'],
    ],
    ['a hash one character short in prose', `dropper ${MD5.slice(1)} seen`, [`${MD5.slice(1)}:MD5`]],
    ['a version number in prose is not a near miss', 'version 1.2.3 released', []],
    ['no duplicates removed', 'evil.com evil.com', ['evil.com:DNS', 'evil.com:DNS']],
    [
      'a comma list without spaces',
      'evil.com,1.2.3.4;bad.org',
      ['evil.com:DNS', '1.2.3.4:IPV4', 'bad.org:DNS'],
    ],
  ])('reads %s', (_name, text, expected) => {
    expect(brief(extractCandidates(text))).toEqual(expected);
  });

  it.each<[string, string, string[]]>([
    [
      'a newline list keeps an invalid token',
      'evil.com\nzzzz\n300.1.1.1',
      ['evil.com:DNS', 'zzzz:DNS', '300.1.1.1:IPV4'],
    ],
    [
      'a comma list keeps an invalid token',
      'evil.com, zzzz, 1.2.3.4',
      ['evil.com:DNS', 'zzzz:DNS', '1.2.3.4:IPV4'],
    ],
    [
      'a list keeps a short hash as a best guess',
      `${MD5.slice(1)}\nevil.com`,
      [`${MD5.slice(1)}:MD5`, 'evil.com:DNS'],
    ],
    ['a space list drops a word', 'evil.com zzzz 1.2.3.4', ['evil.com:DNS', '1.2.3.4:IPV4']],
    [
      'prose drops words and file names that are not domains',
      'Run payload.exe from evil.com now.',
      ['evil.com:DNS'],
    ],
  ])('tells a list from free text: %s', (_name, text, expected) => {
    expect(brief(extractCandidates(text))).toEqual(expected);
  });

  it.each<[string, string, string[]]>([
    ['a zero-width space inside a domain', 'ev\u200Bil.com', ['ev\u200Bil.com:DNS']],
    ['an RTL override before an IP', '\u202E9.21.77.54', ['\u202E9.21.77.54:IPV4']],
    ['an escape sequence before a domain', '\u001B[31mevil.com', ['\u001B[31mevil.com:DNS']],
    ['a control character at the start of a hash', `\u0001${SHA256}`, [`\u0001${SHA256}:SHA256`]],
    [
      'a BOM inside a SHA256, not two MD5s',
      `${SHA256.slice(0, 32)}\uFEFF${SHA256.slice(32)}`,
      [`${SHA256.slice(0, 32)}\uFEFF${SHA256.slice(32)}:SHA256`],
    ],
    ['a zero-width space in prose next to an IOC', 'C2 at evil.com\u200B today', ['evil.com\u200B:DNS']],
    ['no word with a hidden character in prose', 'we saw th\u200Bis today at evil.com', ['evil.com:DNS']],
  ])('keeps a token with an invisible character whole: %s', (_name, text, expected) => {
    expect(brief(extractCandidates(text))).toEqual(expected);
  });

  it.each<[string, string, string[]]>([
    ['nine IPv6 groups, not the first eight', '1:2:3:4:5:6:7:8:9', ['1:2:3:4:5:6:7:8:9:IPV6']],
    ['a triple colon, not ::', ':::', ['::::IPV6']],
    ['two ::, not the first half', '2001:db8::1::2', ['2001:db8::1::2:IPV6']],
    [
      'an IPv6 address with a group too many',
      '2606:4700:0:0:0:0:0:1111:1',
      ['2606:4700:0:0:0:0:0:1111:1:IPV6'],
    ],
    [
      'a URL with an empty port, not the URL without it',
      'http://evil.com:/x',
      ['http://evil.com:/x:URL', 'evil.com:DNS?'],
    ],
    ['a URL with a named port', 'http://evil.com:http/x', ['http://evil.com:http/x:URL']],
    ['a labelled IPv6 address', 'ip:2606:4700::1111', ['2606:4700::1111:IPV6']],
  ])('does not cut a value at a colon: %s', (_name, text, expected) => {
    expect(brief(extractCandidates(text))).toEqual(expected);
  });

  it.each<[string, string, string[]]>([
    ['an LDAP URL, its host a suggestion', 'ldap://evil.com/a', ['ldap://evil.com/a:URL', 'evil.com:DNS?']],
    [
      'an SMB URL with credentials',
      'smb://u:p@evil.com:445/s',
      ['smb://u:p@evil.com:445/s:URL', 'evil.com:DNS?'],
    ],
    [
      'a javascript: URL in a list',
      'javascript:alert(1)\nevil.com',
      ['javascript:alert(1):URL', 'evil.com:DNS'],
    ],
    ['a wildcard domain as written', '*.evil.com', ['*.evil.com:DNS']],
    ['Markdown bold around a domain', '**evil.com**', ['evil.com:DNS']],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Log4Shell payload, literally
    ['a Log4Shell string, its domain', '${jndi:ldap://evil.com/a}', ['evil.com:DNS']],
  ])('shows what it cannot send: %s', (_name, text, expected) => {
    expect(brief(extractCandidates(text))).toEqual(expected);
  });

  it('reads a pasted report paragraph in order', () => {
    const report = [
      'On 3 May the actor (tracked as FIN-X) sent mail from spoof[at]evil-mail[.]ru with invoice.zip attached.',
      'The dropper contacted hxxps://cdn.bad-domain[.]com/gate.php?id=7 and 45.77.12[.]9, then beaconed to',
      `"c2.bad-domain.com" every 60s. SHA256: ${SHA256.toUpperCase()}; MD5 ${MD5}.`,
      'Internal host 10.0.0.12 was affected; see https://github.com/vendor/advisory for details.',
    ].join('\n');
    expect(brief(extractCandidates(report))).toEqual([
      'evil-mail.ru:DNS?',
      'invoice.zip:DNS',
      'https://cdn.bad-domain.com/gate.php?id=7:URL',
      'cdn.bad-domain.com:DNS?',
      '45.77.12.9:IPV4',
      'c2.bad-domain.com:DNS',
      `${SHA256}:SHA256`,
      `${MD5}:MD5`,
      '10.0.0.12:IPV4',
      'https://github.com/vendor/advisory:URL',
      'github.com:DNS?',
    ]);
  });

  it('marks the CIDR text on a range candidate', () => {
    expect(extractCandidates('10.0.0.0/8')).toEqual([
      { value: '10.0.0.0/8', type: 'IPV4', cidr: '10.0.0.0/8' },
    ]);
  });

  it('finds nothing in empty or plain text', () => {
    expect(extractCandidates('')).toEqual([]);
    expect(extractCandidates('Nothing to see here, move along.')).toEqual([]);
  });
});

describe('extractCandidatesChunked', () => {
  /** About 1 MB of report text with 5 candidates per paragraph (4 values and one URL host suggestion). */
  function bigReport(): { text: string; paragraphs: number } {
    const parts: string[] = [];
    let size = 0;
    let i = 0;
    while (size < 1_000_000) {
      const hex = i.toString(16).padStart(8, '0');
      const paragraph =
        `Paragraph ${i}: the implant resolved evil${i}[.]com, connected to 45.${i % 250}.${(i >> 8) % 250}.9 and ` +
        `fetched hxxp://c2-${i}.net/x${i}.php; its loader hashes to ${hex.repeat(8)}. Analysts note the usual ` +
        'persistence through scheduled tasks and nothing else of interest in this paragraph of filler text.\n';
      parts.push(paragraph);
      size += paragraph.length;
      i++;
    }
    return { text: parts.join(''), paragraphs: i };
  }

  it('returns the same as extractCandidates for a 1 MB report, yielding between chunks', async () => {
    const { text, paragraphs } = bigReport();
    let yields = 0;
    const result = await extractCandidatesChunked(text, {
      yieldToEventLoop: async () => {
        yields++;
      },
    });
    expect(result).toHaveLength(paragraphs * 5);
    expect(result.slice(0, 5).map((c) => c.type)).toEqual(['DNS', 'IPV4', 'URL', 'DNS', 'SHA256']);
    expect(result).toEqual(extractCandidates(text));
    // Two phases over ~16 kB steps: at least 120 turns for the event loop on 1 MB.
    expect(yields).toBeGreaterThan(120);
  });

  it.each([[7], [50], [1000]])('gives the same result at %i characters per chunk', async (chunkChars) => {
    const text = 'evil.com\nhttp://x.com/a\nx.com, 300.1.1.1\nzzzz\nuser@mail.ru\nfe80[:]:1 10.0.0.0/8';
    const chunked = await extractCandidatesChunked(text, { chunkChars, yieldToEventLoop: async () => {} });
    expect(chunked).toEqual(extractCandidates(text));
  });

  it('yields with setTimeout by default', async () => {
    const result = await extractCandidatesChunked('evil.com\n1.2.3.4', { chunkChars: 4 });
    expect(brief(result)).toEqual(['evil.com:DNS', '1.2.3.4:IPV4']);
  });

  it('stops when aborted', async () => {
    const abort = new AbortController();
    const pending = extractCandidatesChunked('evil.com\n'.repeat(100), {
      chunkChars: 10,
      signal: abort.signal,
      yieldToEventLoop: async () => abort.abort(new Error('typed again')),
    });
    await expect(pending).rejects.toThrow('typed again');
  });
});
