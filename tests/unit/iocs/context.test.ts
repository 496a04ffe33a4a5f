import { describe, expect, it } from 'vitest';
import { extractCandidates } from '../../../lib/iocs/extract';
import { buildReview, type ReviewRow } from '../../../lib/iocs/review';

/** The review row for `value` after pasting `text`, as the New IOCs view builds it. */
function rowOf(text: string, value: string): ReviewRow | undefined {
  return buildReview(extractCandidates(text), () => undefined).find((row) => row.value === value);
}

function expectWarned(text: string, value: string, warning: string): void {
  const row = rowOf(text, value);
  expect(row?.warnings).toContain(warning);
  expect(row?.selected).toBe(false);
}

function expectTicked(text: string, value: string): void {
  const row = rowOf(text, value);
  expect(row?.warnings).toEqual([]);
  expect(row?.selected).toBe(true);
}

describe('context: detection names read as domains', () => {
  it.each([
    ['Our products detect it as Win32/Gizmo.TO and more.', 'gizmo.to'],
    ['The script is PowerShell/Bolt.GA in telemetry.', 'bolt.ga'],
    ['Family MSIL/Spy.Widget.CL was seen twice.', 'spy.widget.cl'],
    ['|`aa` |loader.dll |Win32/Widget.TV |Second stage', 'widget.tv'],
    ['Defender names it Trojan:Win32/Widget.FM today.', 'widget.fm'],
  ])('%s -> %s warned, unticked', (text, value) => expectWarned(text, value, 'detection-name'));

  it.each([
    [
      'The implant called hxxp://91.215.40.7/drop/widget-update.ch for its next stage.',
      'http://91.215.40.7/drop/widget-update.ch',
    ],
    [
      'Stage two: widget-update[.]com/get/bolt-cdn.ga was fetched.',
      'http://widget-update.com/get/bolt-cdn.ga',
    ],
    ['C2 servers:\nwidget-update.ch\nbolt-cdn.ga', 'widget-update.ch'],
    ['C2 servers:\nwidget-update.ch\nbolt-cdn.ga', 'bolt-cdn.ga'],
    ['The beacon reaches bolt-cdn[.]ga every hour.', 'bolt-cdn.ga'],
  ])('%s keeps %s ticked', (text, value) => expectTicked(text, value));
});

describe('context: reference links', () => {
  it.each([
    [
      'It abuses a known flaw (https://nvd.nist.gov/vuln/detail/CVE-2020-0001).',
      'https://nvd.nist.gov/vuln/detail/CVE-2020-0001',
    ],
    [
      'Technique: https://attack.mitre.org/techniques/T1055/ applies.',
      'https://attack.mitre.org/techniques/T1055/',
    ],
    [
      'Read our earlier post https://www.welivesecurity.com/2020/01/01/some-post/ first.',
      'https://www.welivesecurity.com/2020/01/01/some-post/',
    ],
    [
      'Sample page: https://www.virustotal.com/gui/file/abc and more.',
      'https://www.virustotal.com/gui/file/abc',
    ],
    ['Tracked at https://urlhaus.abuse.ch/url/12345/ since May.', 'https://urlhaus.abuse.ch/url/12345/'],
    ['OCSP: URL=http://ocsp.widgetca.net/check in the certificate.', 'http://ocsp.widgetca.net/check'],
    ['CRL distribution point http://crl3.digicert.com/ca.crl here.', 'http://crl3.digicert.com/ca.crl'],
    [
      '|[Widget exploit](https://widget-research.net/exploits/7)|Widget routers|',
      'https://widget-research.net/exploits/7',
    ],
    [
      '== References\n\nhttps://widget-research.net/analysis/ is where we began.',
      'https://widget-research.net/analysis/',
    ],
    ['Widget traffic goes to a domain (ocsp.widgetca.net) we ignore here.', 'ocsp.widgetca.net'],
  ])('%s -> %s warned', (text, value) => expectWarned(text, value, 'reference-link'));

  const defangedPaste = [
    'C2: hxxp://gadget-drop[.]com/a.php and gadget-relay[.]net',
    'Background: https://news-widget.com/story/1 and news-widget.org were visited too.',
  ].join('\n');
  it.each([
    [defangedPaste, 'https://news-widget.com/story/1'],
    [defangedPaste, 'news-widget.org'],
  ])('a value written plain in a defanged paste: %s -> %s warned', (text, value) =>
    expectWarned(text, value, 'written-plain'),
  );
  it.each([
    [defangedPaste, 'http://gadget-drop.com/a.php'],
    [defangedPaste, 'gadget-relay.net'],
    [
      'C2 list, written plain: http://gadget-drop.com/a.php and gadget-relay.net',
      'http://gadget-drop.com/a.php',
    ],
    ['C2 list, written plain: http://gadget-drop.com/a.php and gadget-relay.net', 'gadget-relay.net'],
    ['gadget-drop[.]com\nnews-widget.org', 'news-widget.org'],
  ])('%s keeps %s ticked', (text, value) => expectTicked(text, value));
});

/** The URL rows of a paste, as values. */
function urlsOf(text: string): string[] {
  return buildReview(extractCandidates(text), () => undefined)
    .filter((row) => row.type === 'URL')
    .map((row) => row.value);
}

describe('context: Kubernetes API groups read as URLs and hosts', () => {
  it.each([
    ['{"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role"}', 'http://rbac.authorization.k8s.io/v1'],
    ['apiVersion: widgets.gadget-corp.io/v1beta1', 'http://widgets.gadget-corp.io/v1beta1'],
    ['  apiGroups: ["networking.k8s.io"]', 'networking.k8s.io'],
  ])('%s -> %s warned, unticked', (text, value) => expectWarned(text, value, 'api-group'));

  it.each([
    ['C2: hxxp://gadget-drop[.]com/v1 and more', 'http://gadget-drop.com/v1'],
    ['Payload at gadget-drop[.]com/v1/stage.bin', 'http://gadget-drop.com/v1/stage.bin'],
  ])('stays ticked: %s', (text, value) => expectTicked(text, value));
});

describe('markup and placeholders glued to URLs', () => {
  it.each([
    [
      'Beacon: hxxp://gadget-drop[.]com/c.php?ip=[base64 of the address] every hour',
      ['http://gadget-drop.com/c.php?ip='],
    ],
    ["Stolen files go to hxxp://gadget-drop[.]com/up/[victim's name]/", ['http://gadget-drop.com/up/']],
    ['$u = "hxxp://gadget-drop[.]com/$($z).png"', ['http://gadget-drop.com/']],
    ['{"url":"https://gadget-drop.com/a":"CN=widget"}', ['https://gadget-drop.com/a']],
    [
      'x "hxxp://gadget-drop[.]com/x":"hxxp://gadget-relay[.]net/y" y',
      ['http://gadget-drop.com/x', 'http://gadget-relay.net/y'],
    ],
    ['C2: ++hxxps://gadget-drop[.]com/k2++ was live.', ['https://gadget-drop.com/k2']],
    ['Panel at hxxp://gadget-drop[.]com/a.php?id[]=1 answers.', ['http://gadget-drop.com/a.php?id[]=1']],
    [
      '["hxxp://gadget-drop[.]com/a", "hxxp://gadget-relay[.]net/b"]',
      ['http://gadget-drop.com/a', 'http://gadget-relay.net/b'],
    ],
    // A quote that closes no JSON string is part of the URL: an XSS URL carries its payload.
    [
      'XSS via hxxps://gadget-drop[.]com/?q="><svg/onload=x>&r=1 seen',
      ['https://gadget-drop.com/?q="><svg/onload=x>&r=1'],
    ],
  ])('%s -> %j', (text, urls) => expect(urlsOf(text)).toEqual(urls));

  it('an AsciiDoc link macro is cut and warned as a reference', () => {
    expectWarned(
      'See the paper https://widget-research.net/paper.pdf[our white paper] for details.',
      'https://widget-research.net/paper.pdf',
      'reference-link',
    );
  });

  it('the URL before a placeholder stays ticked', () => {
    expectTicked(
      'Beacon: hxxp://gadget-drop[.]com/c.php?ip=[base64] hourly',
      'http://gadget-drop.com/c.php?ip=',
    );
  });
});

const SHA1_A = '1a2b3c4d5e'.repeat(4);
const SHA1_B = '9f8e7d6c5b'.repeat(4);
const SHA256_C = '0123456789abcdef'.repeat(4);

describe('hashes read with their context', () => {
  const twoColumns = [
    '|===',
    '|Malicious SHA-1 |Possible legitimate SHA-1',
    `|${SHA1_A} |${SHA1_B}`,
    '|===',
  ].join('\n');
  const verdictTable = [
    '| SHA-256 | File | Verdict |',
    '|---|---|---|',
    `| ${SHA256_C} | helper.exe | clean |`,
  ].join('\n');
  it.each([
    [twoColumns, SHA1_B],
    [verdictTable, SHA256_C],
    [`== Clean files abused for side-loading\n\n${SHA1_A} host.exe`, SHA1_A],
  ])('%s -> %s listed as legitimate', (text, value) => expectWarned(text, value, 'listed-legitimate'));

  it.each([
    [`Certificate thumbprint: ${SHA1_A}, valid until 2030.`, SHA1_A],
    [`Serial number: ${SHA1_B.slice(0, 32)} issued by the widget CA.`, SHA1_B.slice(0, 32)],
    [`The signer's SHA-1 is ${SHA1_B} in this build.`, SHA1_B],
  ])('%s -> %s is a certificate', (text, value) => expectWarned(text, value, 'certificate-hash'));

  const plainTable = [
    '|===',
    '|SHA-1 |File name |Detection |Description',
    `|${SHA1_A} |widget.dll |Win32/Widget.A |Loader`,
    `|${SHA1_B} |gadget.exe |Win32/Widget.B |Backdoor`,
    '|===',
  ].join('\n');
  it.each([
    [twoColumns, SHA1_A],
    [plainTable, SHA1_A],
    [plainTable, SHA1_B],
    [`The dropper (SHA-256 ${SHA256_C}) writes a file.`, SHA256_C],
  ])('%s keeps %s ticked', (text, value) => expectTicked(text, value));
});

describe('an IPv6 address defanged inside its last group gets a row', () => {
  it.each([
    ['The relay 2a01:4f8:10a:2e9::73[3]4 answered.', '2a01:4f8:10a:2e9::7334', 'valid'],
    ['The relay 2a01:4f8:10a:2e9::[1] answered.', '2a01:4f8:10a:2e9::1', 'valid'],
    ['The relay 2a01:4f8:10a:2e9::1[.]2 answered.', '2a01:4f8:10a:2e9::1.2', 'invalid'],
    ['The relay 2a01:4f8:10a:2e9:0:0:0:1[:]2 answered.', '2a01:4f8:10a:2e9:0:0:0:1:2', 'invalid'],
  ])('%s -> %s (%s)', (text, value, status) => {
    const rows = buildReview(extractCandidates(text), () => undefined);
    expect(rows.map((row) => [row.type, row.value, row.status])).toEqual([['IPV6', value, status]]);
  });

  it.each(['The card 00:1a:2b:3c:4d:5e was on the list.', 'It ran at 12:30:45 on Monday.'])(
    '%s is no IPv6',
    (text) => expect(extractCandidates(text)).toEqual([]),
  );
});

describe("a URL's host beside it, ticked when the network block needs it", () => {
  it.each([
    ['C2: 91.215.40.7:8080 and more.', '91.215.40.7'],
    ['C2: gadget-relay[.]net:443 and more.', 'gadget-relay.net'],
    ['C2: hxxp://gadget-drop[.]com and more.', 'gadget-drop.com'],
    ['C2: hxxp://gadget-drop[.]com and more.', 'http://gadget-drop.com'],
    ['C2: hxxps://91.215.40.7:8443/ and more.', '91.215.40.7'],
  ])('%s ticks %s', (text, value) => expectTicked(text, value));

  it('an address:port is not ticked as a URL', () => {
    expectWarned('C2: 91.215.40.7:8080 and more.', 'http://91.215.40.7:8080', 'host-port');
  });

  it.each([
    ['Payload: hxxp://gadget-drop[.]com/a.php and more.', 'gadget-drop.com'],
    ['Read [the post](https://gadget-site.com) first.', 'gadget-site.com'],
    ['Panel: hxxp://user:pw@gadget-drop[.]com/ and more.', 'gadget-drop.com'],
  ])('%s leaves %s an unticked suggestion', (text, value) => {
    const row = rowOf(text, value);
    expect(row?.suggestionOf).toBe('url-host');
    expect(row?.selected).toBe(false);
  });
});

describe('values of a request sample', () => {
  it.each([
    ['Header: X-Real-IP: 8.8.4.4 then the body.', '8.8.4.4', 'public-resolver'],
    ['Body: dns1=1.1.1.1&dns2=9.9.9.9%60id%60', '1.1.1.1', 'public-resolver'],
    [`Cookie: PHPSESSID=${'ab12'.repeat(8)}`, 'ab12'.repeat(8), 'session-value'],
    [`Set-Cookie: auth_token=${SHA1_A}; path=/`, SHA1_A, 'session-value'],
  ])('%s -> %s warned %s', (text, value, warning) => expectWarned(text, value, warning));

  it.each([
    ['8.8.4.4\n91.215.40.7', '8.8.4.4'],
    [`Dropper sha256=${SHA256_C} seen.`, SHA256_C],
  ])('%s keeps %s ticked', (text, value) => expectTicked(text, value));
});
