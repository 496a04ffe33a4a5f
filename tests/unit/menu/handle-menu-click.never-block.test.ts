/**
 * The context menu's quick Detect and the never-block list: a listed value is warned in the review,
 * so it is never sent at once; the sheet opens instead, where the analyst reads why.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../config/settings';
import { logFor } from '../../../lib/log/log';
import { handleMenuClick, type MenuDeps } from '../../../lib/menu/handle-menu-click';
import { ADD_MENU } from '../../../lib/menu/menus';

const QUICK: Settings = {
  ...DEFAULT_SETTINGS,
  connection: {
    consoleUrl: 'https://x.sentinelone.net',
    apiToken: 't',
    accountId: '123',
    accountName: 'Acme',
    creatorEmail: '',
    tagPrefix: '',
  },
  quickBlockSingle: true,
};

beforeAll(() => logFor('menu').setLevel('silent', false));

/** What the handler did with one value selected whole on a page, under `settings`. */
async function quickAdd(settings: Settings, value: string): Promise<string[]> {
  const did: string[] = [];
  const deps: MenuDeps = {
    readSettings: async () => settings,
    readFullSelection: async () => ({
      text: value,
      visibleText: value,
      truncated: false,
      totalChars: value.length,
    }),
    cachedWithValues: async () => [],
    submit: async (drafts) => {
      did.push(`submit ${drafts.map((d) => d.value).join(' ')}`);
      return { outcomes: [{ status: 'stored', uuid: 'u1' }], stored: 1, stoppedBecause: null };
    },
    notify: async (title) => {
      did.push(`notify ${title}`);
    },
    openSheet: async (request) => {
      did.push(`sheet ${request.mode}`);
    },
    openSettings: async () => undefined,
    now: () => new Date('2026-04-28T08:00:00.000Z'),
  };
  await handleMenuClick(deps, { menuItemId: ADD_MENU, selectionText: value, tabId: 7, frameId: 0 });
  return did;
}

describe('quick Detect with the never-block list', () => {
  it.each<[string, string[], string[]]>([
    [
      'a value not on the list is sent at once',
      ['acme-corp.com'],
      ['submit evil-cdn.badcorp.top', 'notify Detected in SentinelOne'],
    ],
    ['a listed value opens the sheet instead', ['badcorp[.]top'], ['sheet add']],
    [
      'with no list, the same value is sent',
      [],
      ['submit evil-cdn.badcorp.top', 'notify Detected in SentinelOne'],
    ],
  ])('%s', async (_, neverBlock, did) => {
    expect(await quickAdd({ ...QUICK, neverBlock }, 'evil-cdn.badcorp.top')).toEqual(did);
  });
});
