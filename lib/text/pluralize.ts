/**
 * "1 IOC", "2,000 IOCs", "3 hashes": a count with its noun, for every sentence the product writes.
 * English plurals of the few nouns we count are regular or given; counts read as countText writes them.
 */
import { countText } from './count-text';

export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${countText(count)} ${count === 1 ? singular : plural}`;
}
