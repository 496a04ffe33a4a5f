/**
 * The context MISP tags and galaxies carry, sorted into the IOC's list fields. A galaxy is attached
 * to an event or attribute both as a tag (`misp-galaxy:threat-actor="APT 28"`) and, in full exports,
 * as a Galaxy block with its clusters (MISP core format §Galaxy); both are read, and a name given
 * twice is kept once.
 *
 * Decisions:
 * - `threat-actor` clusters → threatActors; the MITRE `intrusion-set` galaxies → intrusionSets (the
 *   field STIX intrusion sets fill too).
 * - Malware and tool galaxies (`malpedia`, `ransomware`, `tool`, `rat`, `botnet`, `mitre-malware`, …)
 *   → malwareNames.
 * - MITRE ATT&CK `attack-pattern` galaxies → mitreTactic, as MISP names the cluster
 *   (`Command and Scripting Interpreter - T1059`). They are techniques, not tactics, but they are the
 *   ATT&CK context MISP gives and mitreTactic is the one ATT&CK field an IOC has; the technique id
 *   stays in the text, so a filter on `T1059` finds it.
 * - Every other tag (`tlp:amber`, `PAP:RED`, taxonomies, other galaxies such as `sector`) → labels,
 *   whole, so nothing the source said is lost.
 */
import type { MispGalaxy } from './misp-schema';

export interface TagContext {
  labels: string[];
  threatActors: string[];
  malwareNames: string[];
  intrusionSets: string[];
  mitreTactic: string[];
}

type ListField = Exclude<keyof TagContext, 'labels'>;

const MALWARE_GALAXIES = new Set([
  'malpedia',
  'malware',
  'ransomware',
  'tool',
  'rat',
  'botnet',
  'backdoor',
  'banker',
  'stealer',
  'android',
  'exploit-kit',
  'mitre-malware',
  'mitre-tool',
  'mitre-enterprise-attack-malware',
  'mitre-enterprise-attack-tool',
  'mitre-mobile-attack-malware',
  'mitre-mobile-attack-tool',
]);

/** The IOC field a galaxy's clusters go to; null for galaxies that are labels. */
export function galaxyField(galaxyType: string): ListField | null {
  if (galaxyType === 'threat-actor') return 'threatActors';
  if (MALWARE_GALAXIES.has(galaxyType)) return 'malwareNames';
  if (/^mitre-(?:[a-z]+-attack-)?intrusion-set$/.test(galaxyType)) return 'intrusionSets';
  if (/^mitre-(?:[a-z]+-attack-)?attack-pattern$/.test(galaxyType)) return 'mitreTactic';
  return null;
}

/** `misp-galaxy:<type>="<value>"` read apart; null for any other tag. */
export function parseGalaxyTag(tag: string): { type: string; value: string } | null {
  const match = /^misp-galaxy:([^=]+)=(?:"(.*)"|(.*))$/.exec(tag.trim());
  if (!match) return null;
  return { type: match[1] ?? '', value: match[2] ?? match[3] ?? '' };
}

function add(list: string[], value: string): void {
  const text = value.trim();
  if (text !== '' && !list.includes(text)) list.push(text);
}

/** The context of `tags` (names) and `galaxies`, each list in the order first met. */
export function contextFromTags(tags: readonly string[], galaxies: readonly MispGalaxy[] = []): TagContext {
  const context: TagContext = {
    labels: [],
    threatActors: [],
    malwareNames: [],
    intrusionSets: [],
    mitreTactic: [],
  };
  const addTag = (tag: string) => {
    const galaxy = parseGalaxyTag(tag);
    const field = galaxy && galaxyField(galaxy.type);
    if (galaxy && field) add(context[field], galaxy.value);
    else add(context.labels, tag);
  };
  for (const tag of tags) addTag(tag);
  for (const galaxy of galaxies) {
    for (const cluster of galaxy.GalaxyCluster ?? []) {
      // The cluster's value under its galaxy's type: the same name its `tag_name` spells.
      const type = cluster.type ?? galaxy.type;
      if (type) addTag(`misp-galaxy:${type}="${cluster.value}"`);
      else add(context.labels, cluster.value);
    }
  }
  return context;
}
