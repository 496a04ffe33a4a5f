/**
 * The preview of a file of several profiles: each profile new or here, what changes in it, which asks
 * for its token, and which profiles here the file leaves alone.
 */
import { describe, expect, it } from 'vitest';
import type { Connection } from '../../../config/connection';
import { DEFAULT_SETTINGS, type Settings } from '../../../config/settings';
import type { ProfileList } from '../../../lib/profiles/profile-list';
import { parseProfilesYaml } from '../../../lib/settings/profiles-file';
import { planProfilesImport } from '../../../lib/settings/profiles-file-plan';
import { describeProfilesImport } from '../../../lib/settings/settings-import-diff';

const ACME = 'https://usea1-acme.sentinelone.net';
const GLOBEX = 'https://euce1-globex.sentinelone.net';
const acmeConnection: Connection = {
  consoleUrl: ACME,
  apiToken: 'token-acme-0123456789abcdef',
  accountId: '2163822725049635476',
  accountName: 'Acme Corp',
  creatorEmail: '',
  tagPrefix: '',
};
const acme: Settings = { ...DEFAULT_SETTINGS, connection: acmeConnection };
const list: ProfileList = {
  profiles: [
    { id: 'p1', name: '', colour: 'blue' },
    { id: 'p2', name: 'Umbrella', colour: 'teal' },
  ],
  activeId: 'p1',
};
const here = {
  list,
  labels: new Map([
    ['p1', 'Acme Corp'],
    ['p2', 'Umbrella'],
  ]),
  settings: new Map([
    ['p1', acme],
    ['p2', acme],
  ]),
};

const globexProfile = (extra = '') => `  - profileName: Globex
    profileColour: purple
    connection:
      consoleUrl: ${GLOBEX}
      accountId: "2163822725049635812"${extra}
`;
const acmeProfile = (extra: string) => `  - connection:
      consoleUrl: ${ACME}
      accountId: "2163822725049635476"
${extra}`;

function preview(file: string) {
  const parsed = parseProfilesYaml(file);
  if (!parsed?.ok) throw new Error(JSON.stringify(parsed));
  const planned = planProfilesImport(here, parsed.profiles);
  if (!planned.ok) throw new Error(planned.message);
  return describeProfilesImport(planned.plan);
}

describe('describeProfilesImport', () => {
  it.each<[string, string, Array<[string, boolean, boolean, Array<[string, string, string]>]>, string[]]>([
    [
      'a new profile without its token',
      `profiles:\n${globexProfile()}`,
      [
        [
          'Globex',
          true,
          true,
          [
            ['Colour', '(none)', 'purple'],
            ['Console URL', '(none)', GLOBEX],
            ['API token', '(none)', '(none): enter it in Settings after the import'],
            ['Account', '(none)', '2163822725049635812'],
          ],
        ],
      ],
      ['Acme Corp', 'Umbrella'],
    ],
    [
      'a new profile with its token',
      `profiles:\n${globexProfile('\n      apiToken: token-globex-fedcba9876543210')}`,
      [
        [
          'Globex',
          true,
          false,
          [
            ['Colour', '(none)', 'purple'],
            ['Console URL', '(none)', GLOBEX],
            ['API token', '(none)', 'replaced by the file’s token'],
            ['Account', '(none)', '2163822725049635812'],
          ],
        ],
      ],
      ['Acme Corp', 'Umbrella'],
    ],
    [
      'the unnamed profile here, its token kept, and one setting changed',
      `profiles:\n${acmeProfile('    logLevel: debug\n')}`,
      [['Acme Corp', false, false, [['Log level', 'info', 'debug']]]],
      ['Umbrella'],
    ],
    [
      'a profile here that the file leaves as it is, and its quick path held off',
      `profiles:\n${acmeProfile('')}  - profileName: umbrella\n    quickBlockSingle: true\n`,
      [
        ['Acme Corp', false, false, []],
        [
          'Umbrella',
          false,
          false,
          [
            [
              'Quick detect (one new IOC without the review)',
              'off',
              'stays off: turn it on yourself in Settings',
            ],
          ],
        ],
      ],
      [],
    ],
  ])('%s', (_, file, profiles, untouched) => {
    const shown = preview(file);
    expect(
      shown.profiles.map((p) => [
        p.label,
        p.isNew,
        p.needsToken,
        p.changes.map((c) => [c.label, c.before, c.after]),
      ]),
    ).toEqual(profiles);
    expect(shown.untouched).toEqual(untouched);
  });

  it('spells out hidden characters of a name from the file', () => {
    const shown = preview(`profiles:\n${globexProfile().replace('Globex', '"Glo\\u202Ebex"')}`);
    expect(shown.profiles[0]?.label).not.toContain('\u202E');
  });
});
