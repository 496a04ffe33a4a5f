/**
 * A value look-up across a profile's caches in one read transaction: the IOCs holding the values and
 * the Blocklist items and firewall rules naming them. The popup asks every profile's database at each
 * paste; with ten profiles, one transaction per database instead of two is ten fewer round trips
 * handled on the popup's main thread (tests/bench/results.md, 11b).
 */
import type { Ioc } from '../s1/schemas';
import { type BlocksFound, blocksByValuesIn } from './block-repo';
import type { IocDatabase } from './db';
import { iocsByValuesIn } from './ioc-repo';

export interface ValuesFound {
  iocs: Ioc[];
  /** null when the block caches could not be read: the answers stand without their block line. */
  blocks: BlocksFound | null;
}

export function createValueLookup(database: Promise<IocDatabase>) {
  return async (values: readonly string[]): Promise<ValuesFound> => {
    if (values.length === 0) return { iocs: [], blocks: { blocklist: [], firewall: [] } };
    const tx = (await database).transaction(['chunks', 'buckets', 'meta', 'blocklist', 'firewallRules']);
    const [iocs, blocks] = await Promise.all([
      iocsByValuesIn(tx, values),
      blocksByValuesIn(tx, values).catch(() => null),
    ]);
    // A read's results are final once its requests succeed (ioc-repo.ts byValues).
    tx.done.catch(() => undefined);
    return { iocs, blocks };
  };
}

export type ValueLookup = ReturnType<typeof createValueLookup>;
