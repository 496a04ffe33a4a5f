import { describe, expect, it } from 'vitest';
import type { IocType } from '../../../config/ioc-types';
import { describeValidity, renewQuestion } from '../../../lib/iocs/renew-question';
import type { Tenant, WriteGroup } from '../../../lib/iocs/tenants';

const days = (overrides: Partial<Record<IocType, number>> = {}) => ({
  validityDays: { DNS: 30, IPV4: 30, IPV6: 30, MD5: 30, SHA1: 30, SHA256: 30, URL: 30, ...overrides },
});
const of = (...types: IocType[]) => types.map((type) => ({ type }));
const ACME: Tenant = { id: 'p1', label: 'Acme', colour: 'blue' };
const GLOBEX: Tenant = { id: 'p2', label: 'Globex', colour: 'green' };

describe('describeValidity', () => {
  it.each<[string, IocType[], ReturnType<typeof days>, string]>([
    ['one type', ['DNS'], days(), '30 days (DNS)'],
    [
      'types in the fixed order, each once',
      ['URL', 'DNS', 'URL', 'IPV4'],
      days(),
      '30 days (DNS), 30 days (IPV4), 30 days (URL)',
    ],
    [
      'each type its own days',
      ['DNS', 'SHA256'],
      days({ DNS: 7, SHA256: 90 }),
      '7 days (DNS), 90 days (SHA256)',
    ],
    [
      'clamped to the API maximum (IPv4: 30)',
      ['IPV4', 'DNS'],
      days({ IPV4: 365, DNS: 365 }),
      '180 days (DNS), 30 days (IPV4)',
    ],
    ['nothing', [], days(), ''],
  ])('%s', (_label, types, defaults, expected) => {
    expect(describeValidity(of(...types), defaults)).toBe(expected);
  });
});

describe('renewQuestion', () => {
  const byTenant = (tenant: Tenant | undefined) => (tenant?.id === 'p2' ? days({ DNS: 14 }) : days());
  it.each<[string, WriteGroup<{ type: IocType }>[], string]>([
    [
      'one profile',
      [{ items: of('DNS', 'DNS') }],
      'Send 2 IOCs again, valid from now for 30 days (DNS)? Their other fields stay as they are.',
    ],
    [
      'one tenant of the view across profiles names it',
      [{ tenant: GLOBEX, items: of('DNS') }],
      'Send again, each in its own tenant and valid from now: 1 IOC in Globex for 14 days (DNS)? Their other fields stay as they are.',
    ],
    [
      'two tenants, each with its own days',
      [
        { tenant: ACME, items: of('DNS', 'IPV4') },
        { tenant: GLOBEX, items: of('DNS') },
      ],
      'Send again, each in its own tenant and valid from now: 2 IOCs in Acme for 30 days (DNS), 30 days (IPV4); 1 IOC in Globex for 14 days (DNS)? Their other fields stay as they are.',
    ],
  ])('%s', (_label, groups, expected) => {
    expect(renewQuestion(groups, byTenant)).toBe(expected);
  });
});
