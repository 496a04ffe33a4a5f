import { describe, expect, it } from 'vitest';
import { UserSchema } from '../../../lib/s1/schemas';
import { rolesOf } from '../../../lib/settings/connection-check';
import {
  type ConnectionReport,
  describeConnectionReport,
  describeRole,
} from '../../../lib/settings/connection-report';

const now = Date.parse('2026-11-27T12:00:00Z');
const report = (tokenExpiresAt: string | null, roles: string[] = []): ConnectionReport => ({
  userEmail: 'soc@acme.example',
  userName: 'SOC',
  scope: 'account',
  roles,
  tokenExpiresAt,
  accountId: '2163822725049635476',
  iocCount: 42,
  firstPageSize: 10,
});

describe('describeConnectionReport', () => {
  it.each([
    [null, 'ok', /holds 42 IOCs\.$/],
    ['2026-12-27T12:00:00Z', 'ok', /The token expires on 2026-12-27\.$/],
    ['2026-12-04T12:00:01Z', 'ok', /expires on 2026-12-04/],
    [
      '2026-12-03T12:00:00Z',
      'warn',
      /Warning: the token expires in 6 days \(2026-12-03\); create a new one soon\.$/,
    ],
    ['2026-11-28T13:00:00Z', 'warn', /expires in 1 day /],
    ['2026-11-27T11:00:00Z', 'warn', /The token expired on 2026-11-27\.$/],
  ])('a token expiring %s is %s', (expiry, kind, text) => {
    const described = describeConnectionReport(report(expiry), now);
    expect(described.kind).toBe(kind);
    expect(described.text).toMatch(
      /^Connected as soc@acme\.example \(account scope\)\. Account 2163822725049635476 holds 42 IOCs\./,
    );
    expect(described.text).toMatch(text);
  });
});

const NARROWER =
  'A dedicated service user whose role allows only Threat Intelligence (and Blocklist / Firewall Control) management is safer.';

describe('describeRole', () => {
  it.each([
    [
      'Admin',
      'warn',
      `Warning: the token's role is Admin, which can run remote actions on every endpoint. ${NARROWER}`,
    ],
    [
      'Site Admin',
      'warn',
      /^Warning: the token's role is Site Admin, which can run remote actions on every endpoint\./,
    ],
    ['ADMINISTRATOR', 'warn', /remote actions on every endpoint/],
    [
      'IR Team',
      'warn',
      `Warning: the token's role is IR Team, which can act on endpoints (isolate, remediate, remote actions). ${NARROWER}`,
    ],
    ['SOC', 'warn', /^Warning: the token's role is SOC, which can act on endpoints/],
    ['IT', 'warn', /^Warning: the token's role is IT, which can act on endpoints/],
    ['Incident Response', 'warn', /can act on endpoints/],
    [
      'Viewer',
      'warn',
      "Warning: the token's role is Viewer, which cannot add IOCs or blocks: the extension can only read.",
    ],
    ['Read-only', 'warn', /cannot add IOCs/],
    ['IOC Manager', 'ok', 'Role: IOC Manager.'],
    ['Threat Intel Service', 'ok', 'Role: Threat Intel Service.'],
    ['Item Curator', 'ok', 'Role: Item Curator.'],
  ] as const)('%s is %s', (role, kind, text) => {
    const described = describeRole(role);
    expect(described.kind).toBe(kind);
    if (typeof text === 'string') expect(described.text).toBe(text);
    else expect(described.text).toMatch(text);
  });
});

describe('the role in the report', () => {
  it.each([
    [[], 'ok', /holds 42 IOCs\. The token expires on 2026-12-27\.$/],
    [['IOC Manager'], 'ok', /holds 42 IOCs\. Role: IOC Manager\. The token expires on 2026-12-27\.$/],
    [
      ['Admin'],
      'warn',
      /holds 42 IOCs\. Warning: the token's role is Admin, .* The token expires on 2026-12-27\.$/,
    ],
    [['IOC Manager', 'Viewer'], 'warn', /Role: IOC Manager\. Warning: the token's role is Viewer/],
  ] as const)('roles %j: %s', (roles, kind, text) => {
    const described = describeConnectionReport(report('2026-12-27T12:00:00Z', [...roles]), now);
    expect(described.kind).toBe(kind);
    expect(described.text).toMatch(text);
  });

  it.each([
    [undefined, []],
    [null, []],
    [[{ id: '1', roleName: 'Viewer' }], ['Viewer']],
    [
      [
        { id: '9', roleName: 'Admin' },
        { id: '2163822725049635476', roleName: 'IOC Manager' },
        { id: '8', roleName: 'Admin' },
      ],
      ['IOC Manager', 'Admin'],
    ],
    [[{ id: '1', roleName: null }, { id: '2' }, { id: '3', roleName: '  ' }], []],
  ])('scopeRoles %j read as %j', (scopeRoles, roles) => {
    expect(rolesOf({ scopeRoles }, '2163822725049635476')).toEqual(roles);
  });
});

describe('UserSchema roleName', () => {
  it('keeps the answer when a role name is not a string', () => {
    const user = UserSchema.parse({
      id: '1',
      scopeRoles: [
        { id: '1', roleName: 5 },
        { id: '2', roleName: 'SOC' },
      ],
    });
    expect(rolesOf(user, '1')).toEqual(['SOC']);
  });
});
