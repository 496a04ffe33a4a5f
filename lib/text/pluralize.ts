/**
 * "1 IOC", "2,000 IOCs", "3 hashes": a count with its noun, for every sentence the product writes.
 * English plurals of the few nouns we count are regular or given; counts are grouped the en-US way,
 * as everywhere else the product shows a number.
 */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : plural}`;
}
