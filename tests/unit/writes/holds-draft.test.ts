import { describe, expect, it } from 'vitest';
import type { IocDraft } from '../../../lib/s1/schemas';
import { holdsDraft } from '../../../lib/writes/submit-iocs';
import { makeIoc } from '../iocs/fixtures';

const DRAFT: IocDraft = {
  type: 'DNS',
  value: 'evil.example.ru',
  source: 'Feed_A',
  method: 'EQUALS',
  name: 'Ransom C2',
  validUntil: '2026-06-01T00:00:00.000Z',
};
const HELD = {
  severity: 4,
  threatActors: ['APT28', 'Sofacy'],
  malwareNames: ['X-Agent'],
  labels: ['c2'],
};

describe('holdsDraft', () => {
  it.each<[string, Partial<IocDraft>, Record<string, unknown>, boolean]>([
    ['the same IOC, no context sent', {}, {}, true],
    ['the value in another case', { value: 'EVIL.example.ru' }, {}, true],
    ['another source', { source: 'Feed_B' }, {}, false],
    ['another name', { name: 'Other' }, {}, false],
    ['another description', { description: 'Other' }, {}, false],
    ['another validity', { validUntil: '2026-06-02T00:00:00.000Z' }, {}, false],
    ['the context sent is held', HELD, HELD, true],
    ['the lists held in another order', { threatActors: ['Sofacy', 'APT28'] }, HELD, true],
    ['another severity', { severity: 5 }, HELD, false],
    ['a severity the console does not hold', { severity: 0 }, {}, false],
    ['another threat actor', { threatActors: ['APT29'] }, HELD, false],
    ['one threat actor fewer', { threatActors: ['APT28'] }, HELD, false],
    ['a list the console does not hold', { malwareNames: ['X-Agent'] }, {}, false],
    ['an empty list sent, none held', { labels: [] }, {}, true],
    ['an empty list sent, some held', { labels: [] }, HELD, false],
    ['other labels', { labels: ['phishing'] }, HELD, false],
    ['another category', { category: ['a'] }, { category: ['b'] }, false],
    ['another campaign', { campaignNames: ['a'] }, { campaignNames: ['b'] }, false],
    ['another intrusion set', { intrusionSets: ['a'] }, { intrusionSets: ['b'] }, false],
    ['another MITRE tactic', { mitreTactic: ['a'] }, { mitreTactic: ['b'] }, false],
    ['another reference', { reference: ['a'] }, { reference: ['b'] }, false],
    ['another external ID', { externalId: 'ext-2' }, {}, false],
    ['the external ID held', { externalId: 'ext-1' }, {}, true],
    ['context held but not sent', {}, HELD, true],
  ])('%s', (_case, change, held, expected) => {
    expect(holdsDraft({ ...DRAFT, ...change }, makeIoc(held))).toBe(expected);
  });
});
