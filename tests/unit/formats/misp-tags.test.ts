import { describe, expect, it } from 'vitest';
import { contextFromTags, galaxyField, parseGalaxyTag } from '../../../lib/formats/misp-tags';

describe('parseGalaxyTag', () => {
  it.each([
    ['misp-galaxy:threat-actor="APT 28"', { type: 'threat-actor', value: 'APT 28' }],
    ['misp-galaxy:tool=Mimikatz', { type: 'tool', value: 'Mimikatz' }],
    ['  misp-galaxy:malpedia="Win.x = y"  ', { type: 'malpedia', value: 'Win.x = y' }],
    ['tlp:amber', null],
    ['misp-galaxy:no-value', null],
  ])('%j → %j', (tag, expected) => {
    expect(parseGalaxyTag(tag)).toEqual(expected);
  });
});

describe('galaxyField', () => {
  it.each([
    ['threat-actor', 'threatActors'],
    ['malpedia', 'malwareNames'],
    ['mitre-enterprise-attack-malware', 'malwareNames'],
    ['mitre-intrusion-set', 'intrusionSets'],
    ['mitre-mobile-attack-intrusion-set', 'intrusionSets'],
    ['mitre-attack-pattern', 'mitreTactic'],
    ['mitre-pre-attack-attack-pattern', 'mitreTactic'],
    ['mitre-course-of-action', null],
    ['sector', null],
    ['attack-pattern', null],
  ])('%s → %s', (type, field) => {
    expect(galaxyField(type)).toBe(field);
  });
});

describe('contextFromTags', () => {
  it('keeps each name once, in the order first met, tags before galaxies', () => {
    expect(
      contextFromTags(
        ['tlp:red', 'misp-galaxy:tool="Cobalt Strike"', 'tlp:red', ' misp-galaxy:tool="Cobalt Strike" ', ''],
        [
          { type: 'tool', GalaxyCluster: [{ value: 'Cobalt Strike' }, { value: 'Mimikatz' }] },
          { type: 'tool', GalaxyCluster: [{ type: 'threat-actor', value: 'APT 28' }] },
          { GalaxyCluster: [{ value: 'loose cluster' }] },
          { type: 'threat-actor' },
        ],
      ),
    ).toEqual({
      labels: ['tlp:red', 'loose cluster'],
      threatActors: ['APT 28'],
      malwareNames: ['Cobalt Strike', 'Mimikatz'],
      intrusionSets: [],
      mitreTactic: [],
    });
  });
});
