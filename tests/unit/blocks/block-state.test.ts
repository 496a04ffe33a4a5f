import { describe, expect, it } from 'vitest';
import {
  type BlockState,
  blockStateOf,
  describeBlockState,
  describeBlockStateAs,
} from '../../../lib/blocks/block-state';
import type { BlocklistItem, FirewallRule } from '../../../lib/s1/block-schemas';

const SHA1 = 'A'.repeat(40);
const SHA256 = 'B'.repeat(64);

const item = (osType: string, hashes: { value?: string; sha256Value?: string }): BlocklistItem => ({
  id: `${osType}-${hashes.value ?? hashes.sha256Value}`,
  type: 'black_hash',
  osType,
  ...hashes,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});

const rule = (values: string[], fields: Partial<FirewallRule> = {}): FirewallRule => ({
  id: values.join(','),
  name: `S1 IOC Manager: ${values[0]}`,
  action: 'Block',
  status: 'Enabled',
  remoteHosts: [{ type: 'fqdn', values }],
  ...fields,
});

describe('blockStateOf', () => {
  it.each<[string, string, { blocklist: BlocklistItem[]; firewall: FirewallRule[] }, BlockState]>([
    ['nothing cached', SHA1, { blocklist: [], firewall: [] }, { execution: [], network: false }],
    [
      'SHA1 on every OS, listed out of order, found in any case',
      SHA1.toLowerCase(),
      {
        blocklist: [
          item('linux', { value: SHA1 }),
          item('windows', { value: SHA1 }),
          item('macos', { value: SHA1 }),
        ],
        firewall: [],
      },
      { execution: ['windows', 'macos', 'linux'], network: false },
    ],
    [
      'SHA256 in sha256Value, one OS',
      SHA256,
      { blocklist: [item('macos', { sha256Value: SHA256.toLowerCase() })], firewall: [] },
      { execution: ['macos'], network: false },
    ],
    [
      'an item holding both hashes answers for either',
      SHA256,
      { blocklist: [item('windows', { value: SHA1, sha256Value: SHA256 })], firewall: [] },
      { execution: ['windows'], network: false },
    ],
    [
      'another hash and windows_legacy are left out',
      SHA1,
      {
        blocklist: [item('windows', { value: 'c'.repeat(40) }), item('windows_legacy', { value: SHA1 })],
        firewall: [],
      },
      { execution: [], network: false },
    ],
    [
      'a domain named by an enabled Block rule',
      'Evil.Example',
      { blocklist: [], firewall: [rule(['evil.example'])] },
      { execution: [], network: true },
    ],
    [
      'a disabled rule blocks nothing',
      'evil.example',
      { blocklist: [], firewall: [rule(['evil.example'], { status: 'Disabled' })] },
      { execution: [], network: false },
    ],
    [
      'an Allow rule blocks nothing',
      'evil.example',
      { blocklist: [], firewall: [rule(['evil.example'], { action: 'Allow' })] },
      { execution: [], network: false },
    ],
    [
      'a rule for another value, or one whose name alone matches, blocks nothing',
      '10.0.0.1',
      {
        blocklist: [],
        firewall: [rule(['10.0.0.10']), rule(['10.0.0.2'], { name: 'S1 IOC Manager: 10.0.0.1' })],
      },
      { execution: [], network: false },
    ],
    [
      'a rule without action or status fields still blocks',
      '10.0.0.1',
      { blocklist: [], firewall: [rule(['10.0.0.1'], { action: null, status: undefined })] },
      { execution: [], network: true },
    ],
  ])('%s', (_name, value, found, state) => {
    expect(blockStateOf(value, found)).toEqual(state);
  });
});

describe('describeBlockState', () => {
  it.each<[boolean, BlockState, string]>([
    [
      true,
      { execution: ['windows', 'macos'], network: true },
      'Detected · Blocked on Windows, macOS · Network-blocked',
    ],
    [
      false,
      { execution: ['windows', 'macos', 'linux'], network: false },
      'Not detected · Blocked on Windows, macOS, Linux',
    ],
    [true, { execution: [], network: false }, 'Detected · Not blocked'],
    [false, { execution: [], network: false }, 'Not detected · Not blocked'],
    [true, { execution: [], network: true }, 'Detected · Network-blocked'],
    [false, { execution: ['linux', 'windows'], network: false }, 'Not detected · Blocked on Windows, Linux'],
  ])('detected %j, %j -> %j', (detected, state, line) => {
    expect(describeBlockState(detected, state)).toBe(line);
  });
});

describe('describeBlockStateAs: never "Not blocked" while the Blocklist is not known', () => {
  it.each<[boolean, BlockState, boolean | null, string]>([
    [true, { execution: [], network: false }, true, 'Detected · Not blocked'],
    [true, { execution: [], network: false }, null, 'Detected · Blocklist not synced yet'],
    [false, { execution: [], network: false }, false, 'Not detected · Blocklist not readable'],
    [true, { execution: [], network: true }, false, 'Detected · Network-blocked · Blocklist not readable'],
    [false, { execution: ['macos'], network: false }, true, 'Not detected · Blocked on macOS'],
  ])('detected %j, %j, readable %j -> %j', (detected, state, readable, line) => {
    expect(describeBlockStateAs(detected, state, readable)).toBe(line);
  });
});
