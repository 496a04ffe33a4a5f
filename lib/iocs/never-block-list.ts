/**
 * The never-block list in force. Apart from lib/iocs/never-block.ts because it reads config/defaults.yml:
 * the review and the tests match values without loading the shipped defaults.
 */
import { DEFAULTS } from '../../config/defaults';
import { type NeverBlockEntry, parseNeverBlock } from './never-block';

/**
 * The list in force: config/defaults.yml's entries, which Settings cannot remove, and the analyst's.
 * An entry that does not read is left out here: Settings refuses to save one, and the tests refuse
 * one in config/defaults.yml. Stored settings from before the list existed have no field at all.
 */
export function neverBlockList(analyst: readonly string[] | undefined): NeverBlockEntry[] {
  return parseNeverBlock([...DEFAULTS.neverBlock, ...(analyst ?? [])]).entries;
}
