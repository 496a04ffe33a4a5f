/**
 * The file of every profile: exported, read back and matched to the profiles of a browser. Round
 * trips reproduce names, colours and settings (tokens only when included); a broken file names
 * where it broke; nothing of a file is planned unless all of it reads.
 */
import { describe, expect, it } from 'vitest';
import type { Connection } from '../../../config/connection';
import { DEFAULT_SETTINGS, type Settings, type StoredSettings } from '../../../config/settings';
import {
  INITIAL_PROFILES,
  MAX_PROFILES,
  type ProfileEntry,
  type ProfileList,
} from '../../../lib/profiles/profile-list';
import { exportProfilesYaml, parseProfilesYaml } from '../../../lib/settings/profiles-file';
import {
  listAfterImport,
  type ProfilesNow,
  planProfilesImport,
} from '../../../lib/settings/profiles-file-plan';
import { exportSettingsYaml } from '../../../lib/settings/settings-yaml';

const ACME = 'https://usea1-acme.sentinelone.net';
const GLOBEX = 'https://euce1-globex.sentinelone.net';
const ACME_TOKEN = 'token-acme-0123456789abcdef';
const GLOBEX_TOKEN = 'token-globex-fedcba9876543210';

const connection = (consoleUrl: string, apiToken: string, accountName: string): Connection => ({
  consoleUrl,
  apiToken,
  accountId: consoleUrl === ACME ? '2163822725049635476' : '2163822725049635812',
  accountName,
  creatorEmail: 'soc@mssp.example',
  tagPrefix: '',
});

const acme: Settings = { ...DEFAULT_SETTINGS, connection: connection(ACME, ACME_TOKEN, 'Acme Corp') };
const globex: Settings = {
  ...DEFAULT_SETTINGS,
  connection: {
    ...connection(GLOBEX, GLOBEX_TOKEN, 'Globex'),
    scope: { kind: 'site', siteId: '1900000000000000001', siteName: 'Paris HQ' },
  },
  iocDefaults: { ...DEFAULT_SETTINGS.iocDefaults, score: 70, source: 'Globex SOC' },
  sync: { intervalMinutes: 30, pageSize: 500, maxParallelRequests: 2 },
  actionDefaults: { blockExecution: false, blockExecutionOs: ['linux'], blockNetwork: true },
  logLevel: 'debug',
  neverBlock: ['globex.example', '10.0.0.0/8'],
};

const P1: ProfileEntry = { id: 'p1', name: '', colour: 'blue' };
const P2: ProfileEntry = { id: 'p2', name: 'Globex', colour: 'purple' };

/** A browser's profiles as the Settings page reads them: settings with their tokens. */
function now(list: ProfileList, settings: Record<string, Settings>): ProfilesNow {
  return {
    list,
    labels: new Map(list.profiles.map((p) => [p.id, p.name || `Profile ${p.id}`])),
    settings: new Map(Object.entries(settings)),
  };
}

/** A fresh install: one unnamed profile, not connected. */
const fresh = () => now(INITIAL_PROFILES, { p1: { ...DEFAULT_SETTINGS, connection: null } });

const withoutToken = (settings: Settings): Settings =>
  settings.connection ? { ...settings, connection: { ...settings.connection, apiToken: '' } } : settings;

function plan(file: string, onto: ProfilesNow) {
  const parsed = parseProfilesYaml(file);
  if (!parsed?.ok) throw new Error(`not a profiles file: ${JSON.stringify(parsed)}`);
  return planProfilesImport(onto, parsed.profiles);
}

describe('the file of one profile', () => {
  it('is exactly the file it always was, with the pivot links after', () => {
    const pivots = {
      pivots: [{ name: 'Intel', url: 'https://intel.example/?q={value}', types: ['DNS' as const] }],
    };
    expect(exportSettingsYaml({ ...acme, neverBlock: ['a.example'], ...pivots })).toBe(
      `# S1 IOC Manager settings. The API token is left out; it stays as it is on import.
connection:
  consoleUrl: https://usea1-acme.sentinelone.net
  accountId: "2163822725049635476"
  accountName: Acme Corp
  creatorEmail: soc@mssp.example
  tagPrefix: ""
iocDefaults:
  validityDays:
    DNS: 30
    IPV4: 30
    IPV6: 30
    MD5: 30
    SHA1: 30
    SHA256: 30
    URL: 30
  score: 100
  source: S1 IOC Manager
sync:
  intervalMinutes: 15
  pageSize: 1000
  maxParallelRequests: 7
actionDefaults:
  blockExecution: true
  blockExecutionOs:
    - windows
    - macos
    - linux
  blockNetwork: false
quickBlockSingle: false
logLevel: info
neverBlock:
  - a.example
pivots:
  - name: Intel
    url: https://intel.example/?q={value}
    types:
      - DNS
`,
    );
  });

  it('is not read as a file of profiles', () => {
    expect(parseProfilesYaml(exportSettingsYaml(acme))).toBeNull();
    expect(parseProfilesYaml("s1_api: 'https://a.sentinelone.net'\n")).toBeNull();
    expect(parseProfilesYaml('')).toBeNull();
  });
});

describe('exportProfilesYaml → import into a fresh install', () => {
  const profiles = [
    { entry: P1, settings: acme },
    { entry: P2, settings: globex },
  ];

  it.each([
    ['with tokens', true, acme, globex, false],
    ['without tokens', false, withoutToken(acme), withoutToken(globex), true],
  ] as const)(
    '%s: names, colours and settings come back',
    (_, includeTokens, p1After, p2After, needsToken) => {
      const file = exportProfilesYaml(profiles, { includeTokens });
      expect(file.includes(ACME_TOKEN)).toBe(includeTokens);
      expect(file.includes(GLOBEX_TOKEN)).toBe(includeTokens);
      expect(file).toMatch(includeTokens ? /holds API tokens: keep it secret/ : /API tokens are left out/);

      const result = plan(file, fresh());
      if (!result.ok) throw new Error(result.message);
      const [first, second] = result.plan.profiles;
      // The unnamed first profile meets the unnamed first profile here; Globex is new.
      expect(first).toMatchObject({ id: 'p1', colour: 'blue', next: p1After, needsToken });
      expect(second).toMatchObject({ name: 'Globex', colour: 'purple', next: p2After, needsToken });
      expect(second?.id).toBeUndefined();
      expect(result.plan.untouched).toEqual([]);
      const listed = listAfterImport(INITIAL_PROFILES, result.plan.profiles);
      expect(listed).toEqual({
        ok: true,
        ids: ['p1', 'p2'],
        list: { profiles: [P1, P2], activeId: 'p1', lastNumber: 2 },
      });
    },
  );

  it('writes the stored item of each profile (token hint, no token) as the same file', () => {
    const stored = (settings: Settings): StoredSettings => {
      const { apiToken: _t, ...rest } = settings.connection as Connection;
      return { ...settings, connection: { ...rest, tokenHint: '…cdef', tokenSavedAt: 1 } };
    };
    const file = exportProfilesYaml([
      { entry: P1, settings: stored(acme) },
      { entry: P2, settings: stored(globex) },
    ]);
    expect(file).toBe(exportProfilesYaml(profiles));
    expect(file).not.toMatch(/tokenHint|tokenSavedAt|apiToken/);
    expect(file).toContain('profileName: Globex\n    profileColour: purple\n    connection:');
  });
});

describe('planProfilesImport onto profiles already here', () => {
  const file = exportProfilesYaml(
    [
      { entry: { ...P1, colour: 'green' }, settings: { ...acme, logLevel: 'warn' } },
      { entry: { id: 'p9', name: 'GLOBEX', colour: 'purple' }, settings: globex },
      { entry: { id: 'p7', name: 'Initech', colour: 'amber' }, settings: DEFAULT_SETTINGS },
    ],
    { includeTokens: false },
  );
  const here = now(
    { profiles: [P1, P2, { id: 'p3', name: 'Umbrella', colour: 'teal' }], activeId: 'p1' },
    {
      p1: acme,
      // Globex here is on another console: the file's console has no token here or in the file.
      p2: { ...DEFAULT_SETTINGS, connection: connection('https://old-globex.sentinelone.net', 'x-old', '') },
      p3: acme,
    },
  );

  it('matches by name (any case), adds the rest and leaves the unmentioned alone', () => {
    const result = plan(file, here);
    if (!result.ok) throw new Error(result.message);
    expect(result.plan.profiles.map((p) => [p.id, p.label, p.colourBefore, p.colour, p.needsToken])).toEqual([
      ['p1', 'Profile p1', 'blue', 'green', false],
      ['p2', 'Globex', 'purple', 'purple', true],
      [undefined, 'Initech', undefined, 'amber', false],
    ]);
    // The same console: the saved token stays.
    expect(result.plan.profiles[0]?.next).toEqual({ ...acme, logLevel: 'warn' });
    expect(result.plan.untouched).toEqual(['Umbrella']);
    expect(listAfterImport(here.list, result.plan.profiles)).toMatchObject({
      ok: true,
      ids: ['p1', 'p2', 'p4'],
    });
  });

  it('refuses once a matched profile was removed, or the new name taken, meanwhile', () => {
    const result = plan(file, here);
    if (!result.ok) throw new Error(result.message);
    expect(listAfterImport({ profiles: [P1], activeId: 'p1' }, result.plan.profiles)).toEqual({
      ok: false,
      reason: 'Globex was removed meanwhile.',
    });
    const taken = {
      ...here.list,
      profiles: [...here.list.profiles, { id: 'p5', name: 'initech', colour: 'red' as const }],
    };
    expect(listAfterImport(taken, result.plan.profiles)).toEqual({
      ok: false,
      reason: 'A profile named "initech" exists already.',
    });
  });

  it('names an unnamed profile that meets no unnamed one here after what it connects to', () => {
    const named = now({ profiles: [{ ...P1, name: 'Acme' }], activeId: 'p1' }, { p1: acme });
    const result = plan(exportProfilesYaml([{ entry: P1, settings: globex }]), named);
    expect(result.ok && result.plan.profiles.map((p) => [p.id, p.name])).toEqual([
      [undefined, 'Site Paris HQ in account Globex'],
    ]);
  });

  it('never turns the quick path on, and says so', () => {
    const result = plan(
      exportProfilesYaml([{ entry: P2, settings: { ...globex, quickBlockSingle: true } }]),
      fresh(),
    );
    expect(result.ok && result.plan.profiles[0]).toMatchObject({
      quickPathHeldOff: true,
      next: { quickBlockSingle: false },
    });
  });
});

const GOOD = `profiles:
  - profileName: Acme
    connection:
      consoleUrl: ${ACME}
      accountId: "2163822725049635476"
  - profileName: Globex
    profileColour: purple
    connection:
      consoleUrl: ${GLOBEX}
      accountId: "2163822725049635812"
`;

describe('a file of profiles that does not read', () => {
  it.each([
    [
      'a colour we do not have',
      GOOD.replace('purple', 'mauve'),
      /^Line 7, "profiles\.1\.profileColour": Invalid option/,
    ],
    [
      'two profiles of one name',
      GOOD.replace('Globex', 'ACME'),
      /^Line 6, "profiles\.1\.profileName": "ACME" names two profiles of the file$/,
    ],
    [
      'a key we do not know',
      GOOD.replace('profileColour', 'tint'),
      /^Line 6, "profiles\.1": Unrecognized key: "tint"$/,
    ],
    [
      'a score out of range',
      `${GOOD}    iocDefaults:\n      score: 150\n`,
      /^Line 12, "profiles\.1\.iocDefaults\.score": must be 0-100$/,
    ],
    [
      'a console that is not https',
      GOOD.replace(`consoleUrl: ${GLOBEX}`, 'consoleUrl: http://globex.example'),
      /^"profiles\.1" \(Globex\): The console URL: .*https/,
    ],
    [
      'an account id that is not a number',
      GOOD.replace('"2163822725049635812"', 'globex'),
      /^"profiles\.1" \(Globex\): An account id is a number/,
    ],
    [
      'a name too long',
      GOOD.replace('Globex', 'G'.repeat(41)),
      /^Line 6, "profiles\.1\.profileName": must have at most 40 characters$/,
    ],
    ['no profile at all', 'profiles: []\n', /^Line 1, "profiles": must list at least one profile$/],
    ['profiles beside other keys', `logLevel: info\n${GOOD}`, /Unrecognized key: "logLevel"/],
    ['a list of something else', 'profiles: [1, 2]\n', /^Line 1, "profiles\.0": .*expected object/],
    [
      'an alias',
      `${GOOD}  - profileName: &n Initech\n    connection:\n      creatorEmail: *n\n`,
      /^Line 13: settings files may not use YAML aliases \(\*n\)\.$/,
    ],
  ])('%s: the message names where', (_, file, message) => {
    const parsed = parseProfilesYaml(file);
    const result = parsed?.ok ? planProfilesImport(fresh(), parsed.profiles) : parsed;
    expect(result?.ok).toBe(false);
    if (result && !result.ok) expect(result.message).toMatch(message);
  });

  it('refuses one profile too many, naming the first that does not fit', () => {
    const many: ProfileList = {
      profiles: Array.from({ length: MAX_PROFILES - 1 }, (_, i) => ({
        id: `p${i + 1}`,
        name: `T${i}`,
        colour: 'blue' as const,
      })),
      activeId: 'p1',
    };
    const result = plan(GOOD, now(many, {}));
    expect(result).toEqual({
      ok: false,
      message: `"profiles.1" (Globex): At most ${MAX_PROFILES} profiles: remove one before adding another.`,
    });
  });

  it('reads a good file', () => {
    expect(plan(GOOD, fresh())).toMatchObject({ ok: true });
  });
});
