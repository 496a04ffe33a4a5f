/**
 * What an IOC of a type is, as a sentence names it ("this domain", "an IP address"): the one word
 * table for the seven types, so every sentence about one value calls it the same. The console's own
 * type names (DNS, SHA256…) are for chips and filters (lib/ui/ioc-cells.ts typeChip).
 */
import type { IocType } from '../s1/schemas';

const TYPE_NOUNS: Readonly<Record<IocType, string>> = {
  DNS: 'domain',
  IPV4: 'IP address',
  IPV6: 'IP address',
  MD5: 'hash',
  SHA1: 'hash',
  SHA256: 'hash',
  URL: 'URL',
};

/** The noun of `type`; "value" without a type, or for a type this version does not know. */
export function typeNoun(type: IocType | string | null | undefined): string {
  return (type && TYPE_NOUNS[type as IocType]) || 'value';
}
