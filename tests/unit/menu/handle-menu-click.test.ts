import { beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../../config/connection';
import { DEFAULT_SETTINGS, type Settings } from '../../../config/settings';
import { logFor } from '../../../lib/log/log';
import {
  handleMenuClick,
  type MenuDeps,
  NOT_SHOWN_NOTE,
  type SheetRequest,
} from '../../../lib/menu/handle-menu-click';
import type { MenuClick } from '../../../lib/menu/menu-text';
import { ADD_MENU, LOOKUP_MENU } from '../../../lib/menu/menus';
import type { PageSelection } from '../../../lib/menu/read-selection';
import { HIDDEN_NOTE, UNCHECKED_NOTE } from '../../../lib/menu/selection-check';
import type { Ioc, IocDraft } from '../../../lib/s1/schemas';
import type { SubmitReport } from '../../../lib/writes/submit-iocs';
import { makeIoc } from '../iocs/fixtures';

/** 2026-04-28T08:17:48.062Z */
const NOW = new Date(Date.UTC(2026, 3, 28, 8, 17, 48, 62));
const DAY = 86_400_000;
const in30Days = new Date(NOW.getTime() + 30 * DAY).toISOString();

const CONNECTION: Connection = {
  consoleUrl: 'https://x.sentinelone.net',
  apiToken: 't',
  accountId: '123',
  accountName: 'Acme',
  creatorEmail: 'a@b.c',
  tagPrefix: '[SOC]',
};
const CONNECTED: Settings = { ...DEFAULT_SETTINGS, connection: CONNECTION };
const QUICK: Settings = { ...CONNECTED, quickBlockSingle: true };

const STORED: SubmitReport = {
  outcomes: [{ status: 'stored', uuid: 'new-1' }],
  stored: 1,
  stoppedBecause: null,
};
const NOT_CONNECTED = [
  'S1 IOC Manager is not connected',
  'Enter the console URL and API token on the connection screen, then try again.',
];
const TOKEN_EXPIRED = 'The API token is invalid or has expired';

type Call =
  | ['readSettings']
  | ['readFullSelection', number, number]
  | ['cachedWithValues', string[]]
  | ['submit', IocDraft[]]
  | ['notify', string, string]
  | ['openSheet', SheetRequest]
  | ['openSettings'];

interface Options {
  settings?: Settings;
  cached?: Ioc[];
  /** What readFullSelection resolves with, or an Error it rejects with. */
  fullSelection?: PageSelection | null | Error;
  /** What submit resolves with, or an Error (or any other value) it throws. */
  submitted?: SubmitReport | { throws: unknown };
}

/** MenuDeps that record every call, in order. */
function fakeDeps({
  settings = CONNECTED,
  cached = [],
  fullSelection = null,
  submitted = STORED,
}: Options = {}) {
  const calls: Call[] = [];
  const deps: MenuDeps = {
    readSettings: async () => {
      calls.push(['readSettings']);
      return settings;
    },
    readFullSelection: async (tabId, frameId) => {
      calls.push(['readFullSelection', tabId, frameId]);
      if (fullSelection instanceof Error) throw fullSelection;
      return fullSelection;
    },
    cachedWithValues: async (values) => {
      calls.push(['cachedWithValues', [...values]]);
      return cached;
    },
    submit: async (drafts) => {
      calls.push(['submit', drafts]);
      if ('throws' in submitted) throw submitted.throws;
      return submitted;
    },
    notify: async (title, message) => {
      calls.push(['notify', title, message]);
    },
    openSheet: async (request) => {
      calls.push(['openSheet', request]);
    },
    openSettings: async () => {
      calls.push(['openSettings']);
    },
    now: () => NOW,
  };
  const only = <N extends Call[0]>(name: N) =>
    calls
      .filter((call): call is Extract<Call, [N, ...unknown[]]> => call[0] === name)
      .map((call) => call.slice(1));
  return { deps, calls, only };
}

/** The calls after the settings, the page and the cache were read, which every click past "connected" makes. */
const outcome = (calls: Call[]) =>
  calls.filter(
    (call) => call[0] !== 'readSettings' && call[0] !== 'readFullSelection' && call[0] !== 'cachedWithValues',
  );

/** A selection the page shows whole, as read-selection.ts reads it. */
const shown = (text: string): PageSelection => ({
  text,
  visibleText: text,
  truncated: false,
  totalChars: text.length,
});

// The handler logs every decision; the tests read its calls instead.
beforeAll(() => logFor('menu').setLevel('silent', false));

const lookup = (selectionText: string): MenuClick => ({ menuItemId: LOOKUP_MENU, selectionText });
const block = (selectionText: string): MenuClick => ({ menuItemId: ADD_MENU, selectionText });
/** Add on a selection in tab 7, as Chrome reports it: white space squashed (the page is read for the rest). */
const blockOnPage = (text: string): MenuClick => ({
  menuItemId: ADD_MENU,
  selectionText: text.replace(/\s+/g, ' ').trim(),
  tabId: 7,
  frameId: 0,
});

describe('handleMenuClick: before any look-up', () => {
  it.each<[string, MenuClick]>([
    ['an unknown string id', { menuItemId: 'something-else', selectionText: 'evil.com' }],
    ['a numeric id', { menuItemId: 7, selectionText: 'evil.com' }],
    ['an id differing in case', { menuItemId: 'BLOCK-IN-S1', selectionText: 'evil.com' }],
  ])('does nothing for %s', async (_name, click) => {
    const { deps, calls } = fakeDeps({ settings: QUICK });
    await handleMenuClick(deps, click);
    expect(calls).toEqual([]);
  });

  it.each<[string, MenuClick]>([
    ['look-up', lookup('evil.com')],
    ['block', block('evil.com')],
    ['a link', { menuItemId: ADD_MENU, linkUrl: 'https://evil.com/', tabId: 3 }],
    ['a selection in a tab', { menuItemId: LOOKUP_MENU, selectionText: 'evil.com', tabId: 3, frameId: 0 }],
  ])('opens the connection screen when not connected (%s)', async (_name, click) => {
    const { deps, calls } = fakeDeps({ settings: { ...DEFAULT_SETTINGS, quickBlockSingle: true } });
    await handleMenuClick(deps, click);
    expect(calls).toEqual([['readSettings'], ['openSettings'], ['notify', ...NOT_CONNECTED]]);
  });

  it.each<[string, MenuClick, string]>([
    ['look-up of words', lookup('hello world'), '“hello world”'],
    ['block of words', block('hello world'), '“hello world”'],
    ['a selection squashed in the quote', lookup('  just\n\nsome   words '), '“just some words”'],
    [
      'a long selection cut in the quote',
      lookup(`word ${'lorem ipsum '.repeat(10)}`),
      `“${`word ${'lorem ipsum '.repeat(10)}`.slice(0, 59)}…”`,
    ],
    ['a click with no text', { menuItemId: LOOKUP_MENU }, '“”'],
  ])('says no IOC was found for %s', async (_name, click, quoted) => {
    const { deps, calls } = fakeDeps({ settings: QUICK });
    await handleMenuClick(deps, click);
    expect(calls).toEqual([
      ['readSettings'],
      ['notify', 'No IOC found', `Nothing in ${quoted} looks like a hash, domain, IP address or URL.`],
    ]);
  });
});

describe('handleMenuClick: look up', () => {
  const cachedEvil = makeIoc({
    uuid: 'u1',
    value: 'evil.com',
    type: 'DNS',
    name: '[SOC] Phishing kit',
    creator: 'alice@acme.example',
    validUntil: new Date(NOW.getTime() + 12 * DAY).toISOString(),
  });

  it.each<[string, string, Ioc[], string[], [string, string]]>([
    ['an absent value', 'evil.com', [], ['evil.com'], ['Not in SentinelOne', 'evil.com: not in SentinelOne']],
    [
      'a present value',
      'evil.com',
      [cachedEvil],
      ['evil.com'],
      [
        'In SentinelOne',
        'evil.com: in SentinelOne (DNS · [SOC] Phishing kit · expires in 12 days · by alice@acme.example)',
      ],
    ],
    [
      'a present value typed in upper case',
      'EVIL.COM',
      [cachedEvil],
      ['evil.com'],
      [
        'In SentinelOne',
        'evil.com: in SentinelOne (DNS · [SOC] Phishing kit · expires in 12 days · by alice@acme.example)',
      ],
    ],
    [
      'a value present twice',
      'evil.com',
      [cachedEvil, makeIoc({ uuid: 'u2', value: 'evil.com', name: null, creator: null, validUntil: null })],
      ['evil.com'],
      [
        'In SentinelOne',
        'evil.com: in SentinelOne (DNS · [SOC] Phishing kit · expires in 12 days · by alice@acme.example; DNS · never expires)',
      ],
    ],
    [
      'an invalid value',
      '300.1.1.1',
      [],
      ['300.1.1.1'],
      ['Not an IOC', '300.1.1.1: not an IOC (not a valid IPv4 address (each part must be 0-255): 300.1.1.1)'],
    ],
    ['a private IP', '10.0.0.5', [], ['10.0.0.5'], ['Not in SentinelOne', '10.0.0.5: not in SentinelOne']],
    [
      'a URL (its host is only a suggestion)',
      'http://evil.com/x',
      [cachedEvil],
      ['http://evil.com/x', 'evil.com'],
      ['Not in SentinelOne', 'http://evil.com/x: not in SentinelOne'],
    ],
    [
      'one value selected twice',
      'evil.com evil.com',
      [],
      ['evil.com', 'evil.com'],
      ['Not in SentinelOne', 'evil.com: not in SentinelOne'],
    ],
    [
      'a defanged value',
      'evil[.]com',
      [cachedEvil],
      ['evil.com'],
      [
        'In SentinelOne',
        'evil.com: in SentinelOne (DNS · [SOC] Phishing kit · expires in 12 days · by alice@acme.example)',
      ],
    ],
  ])('notifies for %s', async (_name, text, cached, asked, [title, message]) => {
    const { deps, calls, only } = fakeDeps({ cached, settings: QUICK });
    await handleMenuClick(deps, lookup(text));
    expect(only('cachedWithValues')).toEqual([[asked]]);
    expect(outcome(calls)).toEqual([['notify', title, message]]);
  });

  it.each<[string, string, Ioc[]]>([
    ['two values', 'evil.com\n1.2.3.4', []],
    ['two values, one cached', 'evil.com\nbad.ru', [makeIoc({ uuid: 'u1', value: 'evil.com' })]],
    ['a valid and an invalid value', 'evil.com, 300.1.1.1', []],
    ['values in a sentence', 'The C2 was evil.com and 8.8.4.4 served the payload.', []],
  ])('opens the sheet for %s', async (_name, text, cached) => {
    const { deps, calls } = fakeDeps({ cached });
    await handleMenuClick(deps, lookup(text));
    expect(outcome(calls)).toEqual([['openSheet', { mode: 'lookup', text }]]);
  });

  it('looks up a link and its host together', async () => {
    const { deps, calls } = fakeDeps({ cached: [makeIoc({ uuid: 'u1', value: 'evil.com' })] });
    await handleMenuClick(deps, { menuItemId: LOOKUP_MENU, linkUrl: 'https://evil.com/a', tabId: 4 });
    expect(calls).toEqual([
      ['readSettings'],
      ['cachedWithValues', ['https://evil.com/a', 'evil.com']],
      ['openSheet', { mode: 'lookup', text: 'https://evil.com/a\nevil.com' }],
    ]);
  });
});

describe('handleMenuClick: the page selection', () => {
  it.each<[string, Omit<MenuClick, 'menuItemId'>, Options['fullSelection'], Array<[number, number]>, string]>(
    [
      [
        'the full selection is read from the clicked frame',
        { selectionText: 'evil.com bad.ru', tabId: 7, frameId: 3 },
        shown('evil.com\nbad.ru'),
        [[7, 3]],
        'evil.com\nbad.ru',
      ],
      [
        'the top frame when Chrome gives no frame',
        { selectionText: 'evil.com bad.ru', tabId: 7 },
        shown('evil.com\nbad.ru'),
        [[7, 0]],
        'evil.com\nbad.ru',
      ],
      [
        'tab 0 is a tab',
        { selectionText: 'evil.com bad.ru', tabId: 0, frameId: 0 },
        shown('evil.com\nbad.ru'),
        [[0, 0]],
        'evil.com\nbad.ru',
      ],
      [
        'a page that cannot be read falls back to selectionText',
        { selectionText: 'evil.com bad.ru', tabId: 7, frameId: 0 },
        new Error('Cannot access contents of the page'),
        [[7, 0]],
        'evil.com bad.ru',
      ],
      [
        'no page selection falls back to selectionText',
        { selectionText: 'evil.com bad.ru', tabId: 7, frameId: 0 },
        null,
        [[7, 0]],
        'evil.com bad.ru',
      ],
      [
        'a changed page selection is not used',
        { selectionText: 'evil.com bad.ru', tabId: 7, frameId: 0 },
        shown('something else.example'),
        [[7, 0]],
        'evil.com bad.ru',
      ],
      [
        'no tab: nothing to read',
        { selectionText: 'evil.com bad.ru' },
        shown('never.example\nread.example'),
        [],
        'evil.com bad.ru',
      ],
      [
        'a negative tab id (not a tab): nothing to read',
        { selectionText: 'evil.com bad.ru', tabId: -1 },
        shown('never.example\nread.example'),
        [],
        'evil.com bad.ru',
      ],
      [
        'a link without a selection: nothing to read',
        { linkUrl: 'https://evil.com/a', tabId: 7, frameId: 0 },
        shown('never.example\nread.example'),
        [],
        'https://evil.com/a\nevil.com',
      ],
    ],
  )('%s', async (_name, click, fullSelection, reads, text) => {
    const { deps, only } = fakeDeps({ fullSelection });
    await handleMenuClick(deps, { menuItemId: LOOKUP_MENU, ...click });
    expect(only('readFullSelection')).toEqual(reads);
    expect(only('openSheet')).toEqual([[{ mode: 'lookup', text }]]);
  });
});

describe('handleMenuClick: block', () => {
  const cachedEvil = makeIoc({ uuid: 'u1', value: 'evil.com', type: 'DNS' });

  it.each<[string, string]>([
    ['one valid new value', 'evil.com'],
    ['several values', 'evil.com\n1.2.3.4'],
    ['an invalid value', '300.1.1.1'],
  ])('opens the sheet without the quick Detect: %s', async (_name, text) => {
    const { deps, calls, only } = fakeDeps({ settings: CONNECTED });
    await handleMenuClick(deps, block(text));
    expect(only('submit')).toEqual([]);
    expect(outcome(calls)).toEqual([['openSheet', { mode: 'add', text }]]);
  });

  it.each<[string, string, Pick<IocDraft, 'type' | 'value'>]>([
    ['a domain', 'evil.com', { type: 'DNS', value: 'evil.com' }],
    ['a domain in upper case, defanged', 'EVIL[.]COM', { type: 'DNS', value: 'evil.com' }],
    ['an IPv4 address', '8.8.4.4', { type: 'IPV4', value: '8.8.4.4' }],
    [
      'an MD5 hash in upper case',
      '0123456789ABCDEF0123456789ABCDEF',
      { type: 'MD5', value: '0123456789abcdef0123456789abcdef' },
    ],
    [
      'a URL (its host is only a suggestion)',
      'hxxp://evil.com/x',
      { type: 'URL', value: 'http://evil.com/x' },
    ],
    ['one value in a sentence', 'Blocked the C2 at evil.com today.', { type: 'DNS', value: 'evil.com' }],
  ])('quick-detects %s', async (_name, text, { type, value }) => {
    const { deps, calls } = fakeDeps({ settings: QUICK, fullSelection: shown(text) });
    await handleMenuClick(deps, blockOnPage(text));
    const draft: IocDraft = {
      type,
      value,
      source: DEFAULT_SETTINGS.iocDefaults.source,
      method: 'EQUALS',
      name: '[SOC]',
      description: '[SOC]',
      creator: 'a@b.c',
      validUntil: in30Days,
      originalRiskScore: DEFAULT_SETTINGS.iocDefaults.score,
    };
    expect(outcome(calls)).toEqual([
      ['submit', [draft]],
      [
        'notify',
        'Detected in SentinelOne',
        `${value} (${type}) is now a Threat Intelligence IOC: SentinelOne raises a threat when an endpoint sees it. Nothing is blocked.`,
      ],
    ]);
  });

  it('takes source, score, validity and tag from the settings', async () => {
    const settings: Settings = {
      ...QUICK,
      connection: { ...CONNECTION, tagPrefix: '', creatorEmail: '' },
      iocDefaults: {
        ...QUICK.iocDefaults,
        source: 'SOC feed',
        score: 70,
        validityDays: { ...QUICK.iocDefaults.validityDays, DNS: 7 },
      },
    };
    const { deps, only } = fakeDeps({ settings, fullSelection: shown('evil.com') });
    await handleMenuClick(deps, blockOnPage('evil.com'));
    expect(only('submit')).toEqual([
      [
        [
          {
            type: 'DNS',
            value: 'evil.com',
            source: 'SOC feed',
            method: 'EQUALS',
            validUntil: new Date(NOW.getTime() + 7 * DAY).toISOString(),
            originalRiskScore: 70,
          },
        ],
      ],
    ]);
  });

  it.each<[string, string, Ioc[]]>([
    ['a private IP (warned)', '10.0.0.5', []],
    ['a common domain (warned)', 'google.com', []],
    ['a /32 address (warned)', '8.8.4.4/32', []],
    ['a value already in SentinelOne', 'evil.com', [cachedEvil]],
    ['a value already in SentinelOne, in another case', 'EVIL.com', [cachedEvil]],
    ['two values', 'evil.com\nbad.ru', []],
    ['one value twice', 'evil.com evil.com', []],
    ['a URL and its host on its own line', 'http://evil.com/x\nevil.com', []],
    ['one invalid value', '300.1.1.1', []],
    ['a valid value and an invalid one', 'evil.com, 300.1.1.1', []],
    ['an e-mail address (its domain is only a suggestion)', 'alice@evil.com', []],
  ])('does not quick-detect %s', async (_name, text, cached) => {
    const { deps, calls } = fakeDeps({ settings: QUICK, cached, fullSelection: shown(text) });
    await handleMenuClick(deps, blockOnPage(text));
    expect(outcome(calls)).toEqual([['openSheet', { mode: 'add', text }]]);
  });

  it.each<[string, Options['submitted'], string]>([
    ['the token is refused', { throws: new Error(TOKEN_EXPIRED) }, TOKEN_EXPIRED],
    ['something that is not an Error is thrown', { throws: 'offline' }, 'offline'],
    [
      'the console rejects the value',
      { outcomes: [{ status: 'rejected', message: 'value: not allowed' }], stored: 0, stoppedBecause: null },
      'value: not allowed',
    ],
    [
      'the submission stopped',
      {
        outcomes: [{ status: 'not-sent', message: 'Not sent: The console is unreachable' }],
        stored: 0,
        stoppedBecause: 'The console is unreachable',
      },
      'The console is unreachable',
    ],
    [
      'the outcome is unknown',
      {
        outcomes: [{ status: 'unknown', message: 'No answer from the console' }],
        stored: 0,
        stoppedBecause: null,
      },
      'No answer from the console',
    ],
    ['the report has no outcome', { outcomes: [], stored: 0, stoppedBecause: null }, 'Not stored.'],
  ])('opens the sheet with a note when %s', async (_name, submitted, problem) => {
    const { deps, calls, only } = fakeDeps({ settings: QUICK, submitted, fullSelection: shown('evil.com') });
    await handleMenuClick(deps, blockOnPage('evil.com'));
    expect(only('submit')).toHaveLength(1);
    expect(outcome(calls).slice(1)).toEqual([
      ['openSheet', { mode: 'add', text: 'evil.com', note: `Not added: ${problem}` }],
      ['notify', 'Not added to SentinelOne', `evil.com: ${problem}`],
    ]);
  });

  it('asks the cache about every value found, before deciding', async () => {
    const { deps, calls } = fakeDeps({ settings: QUICK });
    await handleMenuClick(deps, block('http://evil.com/x'));
    expect(calls.slice(0, 2)).toEqual([
      ['readSettings'],
      ['cachedWithValues', ['http://evil.com/x', 'evil.com']],
    ]);
  });
});

describe('handleMenuClick: only a selection the page shows whole is detected without the review', () => {
  const HIDDEN: PageSelection = {
    text: 'payroll-acme-corp.com',
    visibleText: '',
    truncated: false,
    totalChars: 21,
  };
  const CUT =
    'The selection was cut at 8 characters: the last 149,992 were left out. Select and add them separately.';

  it.each<[string, MenuClick, Options['fullSelection'], SheetRequest]>([
    [
      'text the page hides (drawn by CSS, the real value in a zero-size box)',
      blockOnPage('payroll-acme-corp.com'),
      HIDDEN,
      { mode: 'add', text: 'payroll-acme-corp.com', note: HIDDEN_NOTE },
    ],
    [
      'a hidden character between visible ones',
      blockOnPage('evil.com'),
      { ...shown('evil.com'), visibleText: 'evilcom' },
      { mode: 'add', text: 'evil.com', note: HIDDEN_NOTE },
    ],
    [
      'a selection cut at the cap',
      blockOnPage('evil.com'),
      { ...shown('evil.com'), truncated: true, totalChars: 150_000 },
      { mode: 'add', text: 'evil.com', note: CUT },
    ],
    [
      'a cut selection that also hides text',
      blockOnPage('evil.com'),
      { text: 'evil.com', visibleText: 'bad.ru', truncated: true, totalChars: 150_000 },
      { mode: 'add', text: 'evil.com', note: `${CUT} ${HIDDEN_NOTE}` },
    ],
    [
      'a page too large to check in time',
      blockOnPage('evil.com'),
      { ...shown('evil.com'), visibleText: null },
      { mode: 'add', text: 'evil.com', note: UNCHECKED_NOTE },
    ],
    [
      'a page that cannot be read (Chrome’s selectionText is not checked)',
      blockOnPage('evil.com'),
      null,
      { mode: 'add', text: 'evil.com', note: NOT_SHOWN_NOTE },
    ],
    [
      'a selection in no tab',
      block('evil.com'),
      shown('evil.com'),
      { mode: 'add', text: 'evil.com', note: NOT_SHOWN_NOTE },
    ],
    [
      'a page selection that changed since the click',
      blockOnPage('evil.com'),
      shown('other.example'),
      { mode: 'add', text: 'evil.com', note: NOT_SHOWN_NOTE },
    ],
  ])('opens the review for %s', async (_name, click, fullSelection, request) => {
    const { deps, calls } = fakeDeps({ settings: QUICK, fullSelection });
    await handleMenuClick(deps, click);
    expect(outcome(calls)).toEqual([['openSheet', request]]);
  });

  it.each<[string, PageSelection]>([
    ['line breaks between blocks read differently', { ...shown('  evil.com\n'), visibleText: 'evil.com' }],
    [
      'runs of white space',
      { ...shown('Staging host:\n\n evil.com'), visibleText: 'Staging host: evil.com' },
    ],
  ])('detects at once when only white space differs: %s', async (_name, fullSelection) => {
    const { deps, only } = fakeDeps({ settings: QUICK, fullSelection });
    await handleMenuClick(deps, blockOnPage(fullSelection.text));
    expect(only('submit').map(([drafts]) => (drafts as IocDraft[]).map((d) => d.value))).toEqual([
      ['evil.com'],
    ]);
    expect(only('openSheet')).toEqual([]);
  });

  it.each<[string, MenuClick, Settings, SheetRequest]>([
    [
      'Add without the quick path',
      blockOnPage('evil.com bad.ru'),
      CONNECTED,
      { mode: 'add', text: 'evil.com bad.ru', note: HIDDEN_NOTE },
    ],
    [
      'Look up',
      { ...blockOnPage('evil.com bad.ru'), menuItemId: LOOKUP_MENU },
      QUICK,
      { mode: 'lookup', text: 'evil.com bad.ru', note: HIDDEN_NOTE },
    ],
  ])('says the page hides text on the sheet of %s', async (_name, click, settings, request) => {
    const fullSelection = { ...shown('evil.com bad.ru'), visibleText: 'evil.com' };
    const { deps, calls } = fakeDeps({ settings, fullSelection });
    await handleMenuClick(deps, click);
    expect(outcome(calls)).toEqual([['openSheet', request]]);
  });
});

describe('handleMenuClick: a selection with thousands of values', () => {
  const ips = (n: number) => Array.from({ length: n }, (_, i) => `45.${i >> 8}.${i & 255}.9`);

  it('asks the cache about the first 2,000 only, and opens the review', async () => {
    const text = ips(2_500).join('\n');
    const { deps, calls, only } = fakeDeps({ settings: QUICK, fullSelection: shown(text) });
    await handleMenuClick(deps, blockOnPage(text));
    expect(only('cachedWithValues')).toEqual([[ips(2_000)]]);
    expect(outcome(calls)).toEqual([['openSheet', { mode: 'add', text }]]);
  });
});
