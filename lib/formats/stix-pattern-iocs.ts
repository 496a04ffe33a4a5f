/**
 * Which STIX patterns a SentinelOne IOC can stand for. An IOC is one value of one type matched by
 * equality, so a pattern becomes IOCs only when it says "this value, or that value":
 * - one observation with one `=` comparison over a supported path gives one IOC;
 * - comparisons joined by OR, inside one observation or across observations, give one IOC each:
 *   OR only widens what matches, so each alternative stands on its own. If any alternative cannot be
 *   an IOC, the whole pattern is unsupported rather than partly imported, so the analyst sees it all;
 * - AND (all must hold together), FOLLOWEDBY (a sequence), qualifiers (a time window or a count),
 *   NOT and every operator but `=` narrow or widen the match in ways one IOC cannot hold.
 * The supported paths are in PATHS below; every other path, custom `x-…` objects included, is
 * unsupported. Values are taken as written: the review refangs and validates them.
 */
import type { IocType } from '../s1/schemas';
import {
  objectPathText,
  parseStixPattern,
  type StixComparison,
  type StixObjectPath,
  type StixObservation,
} from './stix-pattern';

export interface PatternIoc {
  value: string;
  type: IocType;
}

export type PatternReading =
  | { kind: 'iocs'; iocs: PatternIoc[] }
  | { kind: 'unsupported'; reason: string }
  | { kind: 'malformed'; column: number; message: string };

/** `type:property` paths with one property, and the IOC type each holds. */
const PATHS: Readonly<Record<string, IocType>> = {
  'domain-name:value': 'DNS',
  'ipv4-addr:value': 'IPV4',
  'ipv6-addr:value': 'IPV6',
  'url:value': 'URL',
};

/**
 * `file:hashes.<algorithm>`: the specification's names are `MD5`, `SHA-1` and `SHA-256`; producers
 * also write `SHA1`, `SHA256` and lower case, so the key is compared without case or hyphen.
 */
const HASHES: Readonly<Record<string, IocType>> = { MD5: 'MD5', SHA1: 'SHA1', SHA256: 'SHA256' };

class Unsupported extends Error {}

function iocType(path: StixObjectPath): IocType {
  const text = objectPathText(path);
  const [first, second] = path.steps;
  const keys = path.steps.map((step) => ('key' in step ? step.key : null));
  if (path.objectType === 'file' && keys.length === 2 && keys[0] === 'hashes' && second && 'key' in second) {
    const type = HASHES[second.key.toUpperCase().replace(/-/g, '')];
    if (type) return type;
    throw new Unsupported(`SentinelOne has no IOC type for ${second.key} hashes (${text})`);
  }
  if (path.steps.length === 1 && first && 'key' in first) {
    const type = PATHS[`${path.objectType}:${first.key}`];
    if (type) return type;
  }
  if (path.objectType.startsWith('x-')) {
    throw new Unsupported(`${text} is a custom object, which SentinelOne has no IOC type for`);
  }
  throw new Unsupported(`SentinelOne has no IOC type for ${text}`);
}

function fromComparison(comparison: StixComparison, into: PatternIoc[]): void {
  if (comparison.kind !== 'test') {
    if (comparison.kind === 'and') {
      throw new Unsupported(
        'AND inside an observation: every comparison must hold at once, which one IOC cannot say',
      );
    }
    fromComparison(comparison.left, into);
    fromComparison(comparison.right, into);
    return;
  }
  const type = iocType(comparison.path);
  const path = objectPathText(comparison.path);
  if (comparison.negated || comparison.operator !== '=') {
    const operator = `${comparison.negated ? 'NOT ' : ''}${comparison.operator}`;
    throw new Unsupported(`${path} ${operator}: only = compares one value as an IOC does`);
  }
  const value = comparison.value;
  if (value === null || Array.isArray(value) || value.kind !== 'string') {
    throw new Unsupported(`${path} is compared with something other than a quoted text`);
  }
  if (value.value.trim() === '') throw new Unsupported(`${path} is compared with an empty text`);
  if (!into.some((ioc) => ioc.type === type && ioc.value === value.value))
    into.push({ value: value.value, type });
}

function fromObservation(observation: StixObservation, into: PatternIoc[]): void {
  const [qualifier] = observation.qualifiers;
  if (qualifier) {
    throw new Unsupported(
      `the ${qualifier.kind} qualifier limits when a match counts, which an IOC cannot say`,
    );
  }
  if (observation.kind === 'observation') fromComparison(observation.comparison, into);
  else if (observation.kind === 'or') {
    fromObservation(observation.left, into);
    fromObservation(observation.right, into);
  } else if (observation.kind === 'and') {
    throw new Unsupported('AND between observations: several things must be seen, which one IOC cannot say');
  } else {
    throw new Unsupported('FOLLOWEDBY: a sequence of observations, which one IOC cannot say');
  }
}

/** The IOCs a STIX pattern stands for, why it stands for none, or where it breaks the grammar. Never throws. */
export function readStixPattern(text: string): PatternReading {
  const parsed = parseStixPattern(text);
  if (!parsed.ok) return { kind: 'malformed', column: parsed.column, message: parsed.message };
  const iocs: PatternIoc[] = [];
  try {
    fromObservation(parsed.pattern, iocs);
  } catch (error) {
    if (error instanceof Unsupported) return { kind: 'unsupported', reason: error.message };
    return { kind: 'unsupported', reason: String(error) };
  }
  return { kind: 'iocs', iocs };
}
