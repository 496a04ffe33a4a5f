/**
 * GET threat-intelligence/user-config (docs/sentinelone-api.md#ti-user-config-will-it-fire): the
 * `userConfigs` knob per scope, set in-process and through /__sim/config, and the IOC GET's scope and
 * auth answers.
 */
import { describe, expect, it } from 'vitest';
import { OTHER_ACCOUNT_ID, PARIS_SITE_ID, SIM_TOKENS } from '.';
import { ACCOUNT, loadFixture, startSim } from './test-helpers';
import type { UserConfigKnob } from './user-config-model';

const USER_CONFIG = '/web/api/v2.1/threat-intelligence/user-config';
const START = '2026-11-27T12:00:00.000000Z';
const NO_CONFIG_VIEW = 'sim-token-no-ti-config-view-0a1b2c3d4e5f60718293a4b5c6d7e8f9';

const entry = (scopeId: string, scopeLevel: string, over: Record<string, unknown> = {}) => ({
  createdAt: START,
  description: null,
  disableRh: false,
  disableThreat: false,
  enableXdrMatching: false,
  excludeTii: [],
  scopeId,
  scopeLevel,
  threatExcludeFields: [],
  threatMinScore: 0,
  updatedAt: START,
  ...over,
});

describe('the userConfigs knob per scope', () => {
  it.each<[string, Record<string, UserConfigKnob>, string, string, unknown[]]>([
    ['no config: an empty list', {}, 'default', `accountIds=${ACCOUNT}`, []],
    [
      'disableThreat on the account',
      { [ACCOUNT]: { disableThreat: true } },
      'default',
      `accountIds=${ACCOUNT}`,
      [entry(ACCOUNT, 'account', { disableThreat: true })],
    ],
    [
      'excludeTii values on the account',
      { [ACCOUNT]: { excludeTii: ['1.2.3.4', 'evil.example.com'] } },
      'default',
      `accountIds=${ACCOUNT}`,
      [entry(ACCOUNT, 'account', { excludeTii: ['1.2.3.4', 'evil.example.com'] })],
    ],
    [
      'every field set',
      {
        [ACCOUNT]: {
          disableThreat: true,
          excludeTii: ['x'],
          threatMinScore: 70,
          enableXdrMatching: true,
          disableRh: true,
          threatExcludeFields: ['src.ip'],
          description: 'SOC policy',
        },
      },
      'default',
      `accountIds=${ACCOUNT}`,
      [
        entry(ACCOUNT, 'account', {
          disableThreat: true,
          excludeTii: ['x'],
          threatMinScore: 70,
          enableXdrMatching: true,
          disableRh: true,
          threatExcludeFields: ['src.ip'],
          description: 'SOC policy',
        }),
      ],
    ],
    [
      'no scope named: the token’s account',
      { [ACCOUNT]: { disableThreat: true } },
      'default',
      '',
      [entry(ACCOUNT, 'account', { disableThreat: true })],
    ],
    [
      'a site’s config is not its account’s',
      { [PARIS_SITE_ID]: { excludeTii: ['site.example.com'] } },
      'default',
      `accountIds=${ACCOUNT}`,
      [],
    ],
    [
      'a site user reads its site’s config',
      { [PARIS_SITE_ID]: { disableThreat: true }, [ACCOUNT]: { excludeTii: ['acct'] } },
      'site',
      `siteIds=${PARIS_SITE_ID}`,
      [entry(PARIS_SITE_ID, 'site', { disableThreat: true })],
    ],
  ])('%s', async (_, userConfigs, token, query, data) => {
    const h = await startSim({ userConfigs });
    const { status, body } = await h.json(`${USER_CONFIG}${query ? `?${query}` : ''}`, {
      token: SIM_TOKENS[token as keyof typeof SIM_TOKENS],
    });
    expect(status).toBe(200);
    expect(body).toEqual({ data });
  });

  it('is set at run time through /__sim/config and reset with the simulator', async () => {
    const h = await startSim();
    const set = await h.call('/__sim/config', {
      method: 'POST',
      json: { userConfigs: { [ACCOUNT]: { disableThreat: true, excludeTii: ['9.9.9.9'] } } },
      token: null,
    });
    expect(set.status).toBe(200);
    const { body } = await h.json(`${USER_CONFIG}?accountIds=${ACCOUNT}`);
    expect(body.data).toEqual([entry(ACCOUNT, 'account', { disableThreat: true, excludeTii: ['9.9.9.9'] })]);
    h.sim.reset();
    expect((await h.json(`${USER_CONFIG}?accountIds=${ACCOUNT}`)).body).toEqual({ data: [] });
  });
});

describe('scope and auth as the IOC GET', () => {
  it.each<[string, string | null, string, number, unknown]>([
    ['no token', null, `accountIds=${ACCOUNT}`, 401, loadFixture('error-401.authentication-failed.json')],
    [
      'a token spanning two accounts',
      SIM_TOKENS.multiAccount,
      `accountIds=${ACCOUNT}`,
      403,
      loadFixture('error-403.multi-scope-user.json'),
    ],
    [
      'no Threat Intelligence permission',
      SIM_TOKENS.noTi,
      `accountIds=${ACCOUNT}`,
      403,
      {
        errors: [
          {
            code: 4030000,
            title: 'Insufficient permissions',
            detail: 'Threat Intelligence permission required',
          },
        ],
      },
    ],
    [
      'no user-config permission',
      NO_CONFIG_VIEW,
      `accountIds=${ACCOUNT}`,
      403,
      {
        errors: [
          {
            code: 4030000,
            title: 'Insufficient permissions',
            detail: 'Threat Intelligence configuration view permission required',
          },
        ],
      },
    ],
    [
      'an account outside the token',
      SIM_TOKENS.default,
      `accountIds=${OTHER_ACCOUNT_ID}`,
      403,
      {
        errors: [
          {
            code: 4030000,
            title: 'Insufficient permissions',
            detail: `No access to account(s) ${OTHER_ACCOUNT_ID}`,
          },
        ],
      },
    ],
    [
      'accountIds with siteIds',
      SIM_TOKENS.default,
      `accountIds=${ACCOUNT}&siteIds=${PARIS_SITE_ID}`,
      400,
      {
        errors: [
          {
            code: 4000010,
            title: 'Validation Error',
            detail: 'Account ID and Site ID cannot be used together',
          },
        ],
      },
    ],
    [
      'a site user naming an account',
      SIM_TOKENS.site,
      `accountIds=${ACCOUNT}`,
      403,
      {
        errors: [
          { code: 4030000, title: 'Insufficient permissions', detail: 'A site user cannot name an account' },
        ],
      },
    ],
  ])('%s', async (_, token, query, status, body) => {
    const h = await startSim({ userConfigs: { [ACCOUNT]: { disableThreat: true } } });
    h.sim.tokens.add(NO_CONFIG_VIEW, { label: 'noConfigView', tiConfigView: false });
    const answer = await h.json(`${USER_CONFIG}?${query}`, { token });
    expect(answer).toEqual({ status, body });
  });
});
