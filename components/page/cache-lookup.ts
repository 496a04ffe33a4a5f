import { type ExistingLookup, lookupThrough } from '../../lib/iocs/existing-lookup';
import { pageRepo } from './page-cache';

/** Which values SentinelOne already holds, for the review, from this page's cache. One stable function. */
export const lookupInCache: ExistingLookup = lookupThrough((values) => pageRepo.byValues(values));
