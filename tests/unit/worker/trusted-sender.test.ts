import { describe, expect, it } from 'vitest';
import { isTrustedSender, type SenderLike, senderOrigin } from '../../../lib/worker/trusted-sender';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${ID}/`;
const FIREFOX_BASE = 'moz-extension://0d6f4c1e-8f3a-4f7e-9a0b-2c1d3e4f5a6b/';

describe('isTrustedSender', () => {
  it.each<[string, SenderLike | undefined, string, boolean]>([
    [
      'the manager tab',
      { id: ID, url: `${BASE}options.html#iocs`, origin: `chrome-extension://${ID}` },
      BASE,
      true,
    ],
    ['the popup (no origin given)', { id: ID, url: `${BASE}popup.html` }, BASE, true],
    [
      'the review sheet',
      { id: ID, url: `${BASE}sheet.html?id=7`, origin: `chrome-extension://${ID}` },
      BASE,
      true,
    ],
    [
      'a Firefox extension page',
      { id: 'ioc@example', url: `${FIREFOX_BASE}options.html` },
      FIREFOX_BASE,
      true,
    ],
    // What Chromium reports for the selection script the worker injects into a report page.
    [
      'a content script in a web page',
      {
        id: ID,
        url: 'https://threat-report.sentinelone.net/ghost.html',
        origin: 'https://threat-report.sentinelone.net',
      },
      BASE,
      false,
    ],
    ['a content script in a data: page', { id: ID, url: 'data:text/html,<p>x', origin: 'null' }, BASE, false],
    [
      'another extension',
      { id: 'z'.repeat(32), url: `chrome-extension://${'z'.repeat(32)}/page.html` },
      BASE,
      false,
    ],
    [
      'our id, another extension’s page',
      { id: ID, url: `chrome-extension://${'z'.repeat(32)}/page.html` },
      BASE,
      false,
    ],
    ['a host that starts like our id', { id: ID, url: `chrome-extension://${ID}evil/x.html` }, BASE, false],
    [
      'an extension URL with a web origin',
      { id: ID, url: `${BASE}options.html`, origin: 'https://evil.example' },
      BASE,
      false,
    ],
    ['no id', { url: `${BASE}options.html` }, BASE, false],
    ['no URL', { id: ID }, BASE, false],
    ['no sender', undefined, BASE, false],
    [
      'a web base URL (misconfigured caller)',
      { id: ID, url: 'https://evil.example/x' },
      'https://evil.example/',
      false,
    ],
    ['a base URL without its slash', { id: ID, url: `${BASE}popup.html` }, BASE.slice(0, -1), true],
  ])('%s → %s', (_, sender, base, trusted) => {
    const id = base.startsWith('moz-') ? 'ioc@example' : ID;
    expect(isTrustedSender(sender, base, id)).toBe(trusted);
  });

  it('refuses everything when the extension id is empty', () => {
    expect(isTrustedSender({ id: '', url: `${BASE}options.html` }, BASE, '')).toBe(false);
  });
});

describe('senderOrigin', () => {
  it.each<[SenderLike | undefined, string]>([
    [
      { url: 'https://threat-report.sentinelone.net/ghost.html?token=secret#x' },
      'https://threat-report.sentinelone.net',
    ],
    [{ url: 'https://a.example/', origin: 'https://a.example' }, 'https://a.example'],
    [{ url: 'not a url' }, 'an unknown context'],
    [undefined, 'an unknown context'],
  ])('%j → %s', (sender, origin) => {
    expect(senderOrigin(sender)).toBe(origin);
  });
});
