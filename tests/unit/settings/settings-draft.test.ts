import { describe, expect, it } from 'vitest';
import type { StoredConnection } from '../../../config/connection';
import { DEFAULT_SETTINGS, type StoredSettings } from '../../../config/settings';
import {
  accountsProbe,
  draftConnection,
  draftSettings,
  draftToken,
  neverBlockDraft,
  probeOf,
  type SettingsDraft,
  savedTokenHint,
  settingsDraft,
  testProbe,
} from '../../../lib/settings/settings-draft';

const CONSOLE = 'https://usea1-acme.sentinelone.net';
const OTHER = 'https://usea1-acme.sentinelone.net.evil.example';
const SAVED: StoredConnection = {
  consoleUrl: CONSOLE,
  accountId: '2163822725049635476',
  accountName: 'Acme Corp',
  creatorEmail: 'soc@acme.example',
  tagPrefix: '[ACME SOC]',
  tokenHint: '…abcd',
  tokenSavedAt: 1,
};
const STORED: StoredSettings = { ...DEFAULT_SETTINGS, connection: SAVED };
const DRAFT: SettingsDraft = settingsDraft(STORED);
const draft = (change: Partial<SettingsDraft>): SettingsDraft => ({ ...DRAFT, ...change });

describe('settingsDraft', () => {
  it('shows the saved settings as text, never the token', () => {
    expect(DRAFT).toMatchObject({
      consoleUrl: CONSOLE,
      apiToken: '',
      accountId: SAVED.accountId,
      score: String(DEFAULT_SETTINGS.iocDefaults.score),
      validityDays: { IPV4: String(DEFAULT_SETTINGS.iocDefaults.validityDays.IPV4) },
      neverBlock: { text: '', entries: [], problems: [] },
    });
  });

  it.each([
    ['no connection yet', { ...DEFAULT_SETTINGS, connection: null }, ''],
    ['a connection', STORED, CONSOLE],
  ])('%s', (_case, settings, consoleUrl) => {
    expect(settingsDraft(settings).consoleUrl).toBe(consoleUrl);
  });

  const INTEL = { name: 'Intel', url: 'https://intel.example/?q={value}', types: ['DNS' as const] };
  it.each([
    ['the saved links', { ...STORED, pivots: [INTEL] }, [INTEL]],
    ['no links', { ...STORED, pivots: [] }, []],
    [
      'the default links for settings saved before them',
      { ...STORED, pivots: undefined },
      DEFAULT_SETTINGS.pivots,
    ],
  ])('shows %s', (_case, settings, pivots) => {
    expect(settingsDraft(settings as StoredSettings).pivots).toEqual(pivots);
  });
});

describe('neverBlockDraft', () => {
  it.each([
    ['settings from before the list', undefined, { text: '', entries: [], problems: [] }],
    [
      'two entries',
      ['acme.com', '10.0.0.0/8'],
      { text: 'acme.com\n10.0.0.0/8', entries: ['acme.com', '10.0.0.0/8'], problems: [] },
    ],
  ])('%s', (_case, entries, expected) => {
    expect(neverBlockDraft(entries)).toEqual(expected);
  });
});

describe('savedTokenHint', () => {
  it.each([
    ['nothing saved', null, undefined],
    ['a connection without a token', { ...SAVED, tokenHint: '' }, undefined],
    ['a saved token', SAVED, 'Saved token …abcd: leave empty to keep it'],
  ])('%s', (_case, saved, expected) => {
    expect(savedTokenHint(saved)).toBe(expected);
  });
});

describe('draftToken', () => {
  it.each([
    ['typed, the saved console', ' typed-token ', CONSOLE, SAVED, { ok: true, typed: 'typed-token' }],
    ['typed, another console', 'typed-token', OTHER, SAVED, { ok: true, typed: 'typed-token' }],
    ['empty, the saved console: the saved token', '', CONSOLE, SAVED, { ok: true }],
    ['empty, nothing saved', '', CONSOLE, null, { ok: false, reason: 'Enter the API token.' }],
    [
      'empty, another console',
      '',
      OTHER,
      SAVED,
      {
        ok: false,
        reason: `Enter the API token for ${OTHER}: the saved token belongs to ${CONSOLE} and is never sent elsewhere.`,
      },
    ],
  ])('%s', (_case, apiToken, origin, saved, expected) => {
    expect(draftToken(draft({ apiToken }), origin, saved)).toEqual(expected);
  });
});

describe('probeOf', () => {
  it.each([
    ['a typed token goes, trimmed', ' typed-token ', { consoleUrl: CONSOLE, apiToken: 'typed-token' }],
    ['no token: the worker uses the saved one', '  ', { consoleUrl: CONSOLE }],
  ])('%s', (_case, apiToken, expected) => {
    expect(probeOf(draft({ apiToken }), CONSOLE)).toEqual(expected);
  });
});

describe('accountsProbe', () => {
  it.each([
    [
      'a pasted API address, saved token',
      `${CONSOLE}/web/api/v2.1/`,
      '',
      { ok: true, value: { consoleUrl: CONSOLE } },
    ],
    [
      'no URL',
      '',
      'typed-token',
      { ok: false, reason: 'Enter the console URL, such as https://usea1-acme.sentinelone.net.' },
    ],
    [
      'plain http',
      'http://usea1-acme.sentinelone.net',
      'typed-token',
      {
        ok: false,
        reason: 'The console must be reached over https, so that the token is never sent in clear.',
      },
    ],
    ['another console without a token', OTHER, '', { ok: false }],
  ])('%s', (_case, consoleUrl, apiToken, expected) => {
    expect(accountsProbe(draft({ consoleUrl, apiToken }), SAVED)).toMatchObject(expected);
  });
});

describe('draftConnection and testProbe', () => {
  it.each([
    [
      'the saved console, saved token',
      {},
      { consoleUrl: CONSOLE, accountId: SAVED.accountId, tagPrefix: '[ACME SOC]' },
      { consoleUrl: CONSOLE, accountId: SAVED.accountId },
    ],
    [
      'a typed token and a padded account id',
      { apiToken: 'typed-token', accountId: ' 42 ' },
      { accountId: '42', apiToken: 'typed-token' },
      { consoleUrl: CONSOLE, apiToken: 'typed-token', accountId: '42' },
    ],
  ])('%s', (_case, change, connection, probe) => {
    const read = draftConnection(draft(change), SAVED);
    expect(read).toMatchObject({ ok: true, value: connection });
    expect(testProbe(draft(change), SAVED)).toEqual({ ok: true, value: probe });
  });

  it('keeps the saved token out of the connection it reads', () => {
    const read = draftConnection(DRAFT, SAVED);
    expect(read.ok && 'apiToken' in read.value).toBe(false);
  });

  it.each([
    ['no account id', { accountId: '' }, 'An account id is a number, such as 2163822725049635476.'],
    [
      'a name for an account id',
      { accountId: 'Acme' },
      'An account id is a number, such as 2163822725049635476.',
    ],
    ['no URL', { consoleUrl: ' ' }, 'Enter the console URL, such as https://usea1-acme.sentinelone.net.'],
  ])('%s', (_case, change, reason) => {
    expect(draftConnection(draft(change), SAVED)).toEqual({ ok: false, reason });
    expect(testProbe(draft(change), SAVED)).toEqual({ ok: false, reason });
  });
});

describe('draftSettings', () => {
  const validity = (type: string, days: string) =>
    draft({ validityDays: { ...DRAFT.validityDays, [type]: days } });

  it.each([
    [
      'IPV4 past its 30 days',
      validity('IPV4', '31'),
      "Validity for IPV4 must be a whole number of days from 1 to 30 (the API's maximum).",
    ],
    [
      'DNS at 0 days',
      validity('DNS', '0'),
      "Validity for DNS must be a whole number of days from 1 to 180 (the API's maximum).",
    ],
    [
      'half a day',
      validity('SHA256', '1.5'),
      "Validity for SHA256 must be a whole number of days from 1 to 180 (the API's maximum).",
    ],
    [
      'no days',
      validity('URL', 'x'),
      "Validity for URL must be a whole number of days from 1 to 180 (the API's maximum).",
    ],
    ['a score over 100', draft({ score: '101' }), 'The default score must be a whole number from 0 to 100.'],
    ['a negative score', draft({ score: '-1' }), 'The default score must be a whole number from 0 to 100.'],
    [
      'a fractional score',
      draft({ score: '50.5' }),
      'The default score must be a whole number from 0 to 100.',
    ],
    [
      'a never-block entry that does not read',
      draft({ neverBlock: { text: 'x', entries: ['x'], problems: ['"x" is not a domain.'] } }),
      '"x" is not a domain.',
    ],
    [
      'the connection first',
      draft({ accountId: '', score: '101' }),
      'An account id is a number, such as 2163822725049635476.',
    ],
  ])('refuses %s', (_case, input, reason) => {
    expect(draftSettings(input, STORED)).toEqual({ ok: false, reason });
  });

  it('reads the edges of every range and carries the rest of the settings over', () => {
    const input = draft({
      validityDays: { ...DRAFT.validityDays, IPV4: '30', DNS: '1' },
      score: '0',
      quickBlockSingle: true,
      neverBlock: { text: 'acme.com', entries: ['acme.com'], problems: [] },
      pivots: [{ name: 'Intel', url: 'https://intel.example/?q={value}', types: ['DNS'] }],
    });
    const read = draftSettings(input, STORED);
    expect(read).toMatchObject({
      ok: true,
      value: {
        sync: STORED.sync,
        iocDefaults: { score: 0, source: STORED.iocDefaults.source, validityDays: { IPV4: 30, DNS: 1 } },
        quickBlockSingle: true,
        neverBlock: ['acme.com'],
        pivots: [{ name: 'Intel', url: 'https://intel.example/?q={value}', types: ['DNS'] }],
        connection: { consoleUrl: CONSOLE, accountId: SAVED.accountId },
      },
    });
  });
});
