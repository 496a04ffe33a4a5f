import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setLogSink } from '../../../lib/log/log';
import type { Protocol } from '../../../lib/messages';
import type { IocDraft } from '../../../lib/s1/schemas';
import type { LogEntry } from '../../../lib/store/db';
import { type BackgroundServices, UNKNOWN_PROFILE_MESSAGE } from '../../../lib/worker/background-services';
import { serveMessages, UNTRUSTED_SENDER_MESSAGE } from '../../../lib/worker/serve-messages';

const BASE = fakeBrowser.runtime.getURL('/');
const ID = fakeBrowser.runtime.id;
const MANAGER = { id: ID, url: `${BASE}options.html`, origin: BASE.slice(0, -1) };
/** What Chromium reports for the selection script the worker injects into a report page. */
const CONTENT_SCRIPT = {
  id: ID,
  url: 'https://threat-report.sentinelone.net/ghost.html?q=1',
  origin: 'https://threat-report.sentinelone.net',
  tab: { id: 7 },
  frameId: 0,
};
const DRAFT: IocDraft = { type: 'DNS', value: 'payroll-acme-corp.com', source: 'page', method: 'EQUALS' };

const calls: Array<[string, unknown]> = [];
const logged: LogEntry[] = [];

// The worker's real listeners, with services that only record what reached them.
const profileServices = {
  profileId: 'p1',
  submitIocs: async (drafts: IocDraft[]) => {
    calls.push(['submitIocs', drafts]);
    return { stored: drafts.length };
  },
  applyActions: async (requests: unknown) => {
    calls.push(['applyActions', requests]);
    return { rows: [], notes: [] };
  },
  engine: {
    sync: async (reason: string, options: unknown) => {
      calls.push(['sync', { reason, options }]);
      return { ok: true };
    },
  },
};
const services = {
  profile: async (profileId: string) => {
    if (profileId !== 'p1') throw new Error(UNKNOWN_PROFILE_MESSAGE);
    calls.push(['profile', profileId]);
    return profileServices;
  },
} as unknown as BackgroundServices;

/** Sends a message framed as @webext-core/messaging frames it, from `sender`, through runtime.onMessage. */
function send(
  type: keyof Protocol,
  request: unknown,
  sender: object,
  profileId: unknown = 'p1',
): Promise<{ res?: unknown; err?: { message: string } }> {
  return new Promise((resolve) => {
    // The fake's event types name two arguments; Chromium's listener gets sendResponse as the third.
    const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown>;
    const data = { profileId, request };
    void trigger({ id: 1, type, data, timestamp: Date.now() }, sender, resolve);
  });
}

beforeAll(() => serveMessages(services));
beforeEach(() => {
  calls.length = 0;
  logged.length = 0;
  setLogSink((entry) => logged.push(entry));
});

describe('serveMessages', () => {
  it('answers an extension page with a well-formed payload', async () => {
    const answer = await send('submitIocs', [DRAFT], MANAGER);
    expect(answer).toEqual({ res: { stored: 1 } });
    expect(calls).toEqual([
      ['profile', 'p1'],
      ['submitIocs', [DRAFT]],
    ]);
  });

  it.each<[string, unknown, RegExp]>([
    ['a profile not in the list', 'p7', /^That profile no longer exists/],
    [
      'a malformed profile id',
      '../p1',
      /^Refused a malformed submitIocs request \(profileId: not a profile id\)/,
    ],
    ['no profile id', null, /^Refused a malformed submitIocs request \(profileId: /],
  ])('refuses a message about %s before the handler runs', async (_case, profileId, refusal) => {
    const answer = await send('submitIocs', [DRAFT], MANAGER, profileId);
    expect(answer.err?.message).toMatch(refusal);
    expect(calls.filter(([name]) => name === 'submitIocs')).toEqual([]);
  });

  it.each<[keyof Protocol, unknown]>([
    ['submitIocs', [DRAFT]],
    ['applyActions', [{ draft: DRAFT, detect: true, blockNetwork: true }]],
    ['syncNow', { full: true }],
  ])(
    'refuses %s from a content script, and logs where it came from without the payload',
    async (type, data) => {
      const answer = await send(type, data, CONTENT_SCRIPT);
      expect(answer.err?.message).toBe(UNTRUSTED_SENDER_MESSAGE);
      expect(calls).toEqual([]);
      expect(logged.map(({ level, message }) => [level, message])).toEqual([
        [
          'warn',
          `Refused the ${type} message from https://threat-report.sentinelone.net: not one of the extension's pages.`,
        ],
      ]);
    },
  );

  it('refuses a malformed payload from an extension page before the handler runs', async () => {
    const answer = await send(
      'applyActions',
      [{ draft: { ...DRAFT, method: 'REGEX' }, detect: true }],
      MANAGER,
    );
    expect(answer.err?.message).toMatch(
      /^Refused a malformed applyActions request \(request\.0\.draft\.method: /,
    );
    expect(calls).toEqual([]);
    expect(logged).toHaveLength(1);
    expect(logged[0]?.message).not.toContain('payroll-acme-corp.com');
  });

  it('answers a message without data, whose request key JSON dropped on the way', async () => {
    const answer = await new Promise<{ res?: unknown; err?: { message: string } }>((resolve) => {
      const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown>;
      const data = JSON.parse(JSON.stringify({ profileId: 'p1', request: undefined }));
      void trigger({ id: 1, type: 'wake', data, timestamp: Date.now() }, MANAGER, resolve);
    });
    expect(answer.err).toBeUndefined();
  });

  it('hands the handler the parsed payload, unknown fields dropped', async () => {
    await send('submitIocs', [{ ...DRAFT, scopeId: 'another-site' }], MANAGER);
    expect(calls.at(-1)).toEqual(['submitIocs', [DRAFT]]);
  });
});
