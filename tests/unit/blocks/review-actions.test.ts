import { describe, expect, it } from 'vitest';
import type { IocType } from '../../../config/ioc-types';
import type { RowActionReport } from '../../../lib/blocks/actions';
import {
  type ActionDefaults,
  actionRequest,
  choosesAnything,
  defaultActions,
  detectOnlyReason,
  type FirewallAvailability,
  type RowActions,
  remainingActions,
} from '../../../lib/blocks/review-actions';
import type { IocDraft } from '../../../lib/s1/schemas';

const ALL: ActionDefaults = {
  blockExecution: true,
  blockExecutionOs: ['windows', 'macos', 'linux'],
  blockNetwork: true,
};
const NONE: ActionDefaults = { blockExecution: false, blockExecutionOs: ['windows'], blockNetwork: false };
const EVERY_OS: RowActions['blockExecution'] = ['windows', 'macos', 'linux'];

describe('defaultActions: the action matrix per type', () => {
  it.each<[IocType, ActionDefaults, FirewallAvailability, Partial<RowActions>]>([
    ['SHA256', ALL, true, { detect: true, blockExecution: EVERY_OS, blockNetwork: null }],
    ['SHA1', ALL, false, { detect: true, blockExecution: EVERY_OS, blockNetwork: null }],
    ['SHA1', NONE, true, { detect: true, blockExecution: [], blockNetwork: null }],
    ['SHA256', { ...ALL, blockExecutionOs: ['linux'] }, true, { blockExecution: ['linux'] }],
    ['MD5', ALL, true, { detect: true, blockExecution: null, blockNetwork: null }],
    ['URL', ALL, true, { detect: true, blockExecution: null, blockNetwork: null }],
    ['DNS', ALL, true, { detect: true, blockExecution: null, blockNetwork: true }],
    ['IPV4', ALL, true, { blockNetwork: true }],
    ['IPV6', ALL, true, { blockNetwork: true }],
    ['IPV4', NONE, true, { blockNetwork: false }],
    // No Firewall Control: the action is not offered at all.
    ['DNS', ALL, false, { blockNetwork: null }],
    // Not known yet: offered, but not ticked until the console said it has Firewall Control.
    ['DNS', ALL, null, { blockNetwork: false }],
  ])('%s with %j, firewall %s', (type, defaults, firewall, expected) => {
    const actions = defaultActions(type, defaults, firewall);
    expect(actions).toMatchObject(expected);
    expect(actions.allowNotRecommended).toBe(false);
  });

  it('copies the OS list, so ticking a row does not change the settings', () => {
    const actions = defaultActions('SHA1', ALL, true);
    actions.blockExecution?.pop();
    expect(ALL.blockExecutionOs).toHaveLength(3);
  });
});

describe('detectOnlyReason', () => {
  it.each<[IocType, RegExp | null]>([
    ['MD5', /only detect MD5/],
    ['URL', /only detect URLs/],
    ['SHA1', null],
    ['SHA256', null],
    ['DNS', null],
    ['IPV4', null],
    ['IPV6', null],
  ])('%s', (type, reason) => {
    const said = detectOnlyReason(type);
    if (reason) expect(said).toMatch(reason);
    else expect(said).toBeNull();
  });
});

const actions = (over: Partial<RowActions>): RowActions => ({
  detect: true,
  blockExecution: null,
  blockNetwork: null,
  allowNotRecommended: false,
  ...over,
});

describe('remainingActions: a second Submit sends only what did not succeed', () => {
  it.each<[string, RowActions, RowActionReport | undefined, Partial<RowActions>]>([
    [
      'nothing done yet',
      actions({ blockExecution: EVERY_OS }),
      undefined,
      { detect: true, blockExecution: EVERY_OS },
    ],
    [
      'detect stored, two OS created or there, one refused',
      actions({ blockExecution: EVERY_OS }),
      {
        detect: { status: 'stored', uuid: 'u' },
        blockExecution: {
          windows: { status: 'created', id: '1' },
          macos: { status: 'already', message: 'Already on the Blocklist.' },
          linux: { status: 'refused', message: 'no' },
        },
      },
      { detect: false, blockExecution: ['linux'] },
    ],
    [
      'a not-recommended hash stays to do',
      actions({ detect: false, blockExecution: ['windows'] }),
      { blockExecution: { windows: { status: 'not-recommended', message: 'Not recommended' } } },
      { blockExecution: ['windows'] },
    ],
    [
      'a Not allowed OS is final: not offered again',
      actions({ detect: false, blockExecution: EVERY_OS }),
      {
        blockExecution: {
          windows: { status: 'refused', message: 'Not allowed', final: true },
          macos: { status: 'refused', message: 'no permission' },
          linux: { status: 'created', id: '3' },
        },
      },
      { blockExecution: ['macos'] },
    ],
    [
      'network block done, detect refused',
      actions({ blockNetwork: true }),
      { detect: { status: 'rejected', message: 'bad' }, blockNetwork: { status: 'created', id: '9' } },
      { detect: true, blockNetwork: false },
    ],
    [
      'an action not offered stays not offered',
      actions({ blockNetwork: null }),
      { detect: { status: 'stored', uuid: 'u' } },
      { blockNetwork: null, detect: false },
    ],
  ])('%s', (_name, chosen, done, expected) => {
    expect(remainingActions(chosen, done)).toMatchObject(expected);
  });
});

const draft: IocDraft = { type: 'SHA1', value: 'a'.repeat(40), source: 'S1 IOC Manager', method: 'EQUALS' };

describe('actionRequest', () => {
  it.each<[string, RowActions, unknown]>([
    ['nothing chosen', actions({ detect: false, blockExecution: [] }), null],
    ['detect only', actions({}), { draft, detect: true }],
    [
      'block execution only, anyway',
      actions({ detect: false, blockExecution: ['macos'], allowNotRecommended: true }),
      { draft, detect: false, blockExecution: { osTypes: ['macos'], allowNotRecommended: true } },
    ],
    ['network', actions({ blockNetwork: true }), { draft, detect: true, blockNetwork: true }],
    ['network unticked', actions({ blockNetwork: false }), { draft, detect: true }],
  ])('%s', (_name, chosen, expected) => {
    expect(actionRequest(draft, chosen)).toEqual(expected);
    expect(choosesAnything(chosen)).toBe(expected !== null);
  });
});
