/**
 * IocDraft's context fields (docs/sentinelone-api.md#the-ioc-object): the schema bounds them, the
 * client sends only the fields a draft sets, and the console keeps what was sent.
 */
import { describe, expect, it } from 'vitest';
import { wireDraft } from '../../../lib/s1/client';
import { type IocDraft, IocDraftSchema } from '../../../lib/s1/schemas';
import { useSimulatedConsole } from '../simulated-console';

const { sim, client } = useSimulatedConsole();

const base: IocDraft = { type: 'DNS', value: 'c2.example.com', source: 'Unit', method: 'EQUALS' };

const RICH: Array<[keyof IocDraft, unknown]> = [
  ['severity', 5],
  ['labels', ['phishing']],
  ['category', ['C2']],
  ['threatActors', ['APT29']],
  ['malwareNames', ['Cobalt Strike']],
  ['campaignNames', ['Op Ghost']],
  ['mitreTactic', ['TA0011']],
  ['intrusionSets', ['UNC2452']],
  ['externalId', 'indicator--0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9'],
  ['reference', ['https://example.org/report']],
];

describe('createIocs with a rich field', () => {
  it.each(RICH)('%s is sent and kept', async (field, value) => {
    const [created] = await client().createIocs([{ ...base, [field]: value }]);
    expect(created?.[field]).toEqual(value);
    expect(sim.iocs()[0]?.[field]).toEqual(value);
    const post = sim.requests().find((r) => r.method === 'POST');
    const sent = (post?.body as { data: Record<string, unknown>[] } | undefined)?.data[0];
    expect(Object.keys(sent ?? {}).sort()).toEqual([...Object.keys(base), field].sort());
  });
});

describe('wireDraft sends only the fields that are set', () => {
  it.each<[string, IocDraft, string[]]>([
    ['the required four', base, ['method', 'source', 'type', 'value']],
    [
      'unset rich fields dropped',
      { ...base, labels: undefined, severity: undefined, name: 'n' },
      ['method', 'name', 'source', 'type', 'value'],
    ],
    [
      'an empty list kept (it clears the field)',
      { ...base, labels: [] },
      ['labels', 'method', 'source', 'type', 'value'],
    ],
    ['severity 0 kept', { ...base, severity: 0 }, ['method', 'severity', 'source', 'type', 'value']],
  ])('%s', (_, draft, keys) => {
    expect(Object.keys(wireDraft(draft)).sort()).toEqual(keys);
  });
});

describe('IocDraftSchema bounds the rich fields', () => {
  it.each<[string, Record<string, unknown>, boolean]>([
    ['severity 0', { severity: 0 }, true],
    ['severity 7', { severity: 7 }, true],
    ['severity 8', { severity: 8 }, false],
    ['severity -1', { severity: -1 }, false],
    ['severity 2.5', { severity: 2.5 }, false],
    ['labels of strings', { labels: ['a', 'b'] }, true],
    ['labels not a list', { labels: 'a' }, false],
    ['threatActors with a number', { threatActors: ['APT29', 1] }, false],
    ['every rich field', Object.fromEntries(RICH), true],
  ])('%s', (_, extra, ok) => {
    expect(IocDraftSchema.safeParse({ ...base, ...extra }).success).toBe(ok);
  });
});
