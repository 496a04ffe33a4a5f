import type { Ioc } from '../../../lib/s1/schemas';

/** A complete IOC as the console returns it; `overrides` with `undefined` remove the field. */
export function makeIoc(overrides: Partial<Record<keyof Ioc, unknown>> = {}): Ioc {
  const ioc: Record<string, unknown> = {
    uuid: 'c0ffee00-0000-4000-8000-000000000001',
    value: 'evil.example.ru',
    type: 'DNS',
    source: 'Feed_A',
    method: 'EQUALS',
    name: 'Ransom C2',
    description: 'Seen in campaign X',
    externalId: 'ext-1',
    creator: 'Analyst One',
    metadata: null,
    validUntil: '2026-06-01T00:00:00.000000Z',
    creationTime: '2026-04-01T10:00:00.000000Z',
    uploadTime: '2026-04-01T10:00:01.123456Z',
    updatedAt: '2026-04-02T11:00:00.654321Z',
    batchId: 'batch-7',
    scope: 'account',
    scopeId: '1234567890',
  };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete ioc[key];
    else ioc[key] = value;
  }
  return ioc as Ioc;
}
