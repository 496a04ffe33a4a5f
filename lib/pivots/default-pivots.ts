/**
 * The shipped pivot templates (config/defaults.yml), apart from pivot-links.ts: reading them loads the
 * defaults' schemas, which the popup loads only once it is idle.
 */
import { DEFAULTS } from '../../config/defaults';
import type { PivotTemplate } from '../../config/pivots';

/** What a fresh install starts with and what "Restore the defaults" brings back. */
export const DEFAULT_PIVOTS: readonly PivotTemplate[] = DEFAULTS.pivots;

/**
 * The settings' templates. A settings item saved before pivots existed has no `pivots` key: pages that
 * watch the raw item get the defaults, as readStoredSettings does.
 */
export const pivotTemplatesOf = (settings: { pivots?: readonly PivotTemplate[] } | undefined) =>
  settings?.pivots ?? DEFAULT_PIVOTS;
