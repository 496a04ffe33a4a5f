/**
 * Everything the analyst can set, in one schema: the connection to the console and their own defaults
 * for new IOCs and for the sync. The shipped starting values come from config/defaults.yml.
 */
import { z } from 'zod';
import { type Connection, type ConnectionInput, ConnectionSchema, type StoredConnection } from './connection';
import { DEFAULTS, DefaultsSchema } from './defaults';
import { PivotListSchema } from './pivots';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

export const SettingsSchema = z.object({
  connection: ConnectionSchema.nullable(),
  iocDefaults: DefaultsSchema.pick({ validityDays: true, score: true, source: true }),
  sync: DefaultsSchema.shape.sync,
  /** Which actions the review ticks for a new row beside Detect. */
  actionDefaults: DefaultsSchema.shape.actions,
  /** From the context menu, detect one valid new IOC without the review sheet (never a block). */
  quickBlockSingle: z.boolean(),
  /** The lowest level the activity log keeps (the original tool's `debug: true` maps to debug). */
  logLevel: z.enum(LOG_LEVELS),
  /**
   * The analyst's own never-block entries, beside config/defaults.yml's (which always apply and are
   * not repeated here); lib/iocs/never-block.ts reads both.
   */
  neverBlock: z.array(z.string()),
  /**
   * Links that open a value on another site (config/pivots.ts). An item saved before pivots has none:
   * readStoredSettings fills the defaults in, and pages read it through lib/pivots' pivotTemplatesOf.
   */
  pivots: PivotListSchema,
});
/** The settings with the API token: what the worker reads (lib/settings/settings.ts joins the token in). */
export type Settings = z.infer<typeof SettingsSchema>;

/** What code that never sends anything needs: either form fits (drafts, defaults, the review). */
export type SettingsWithoutToken = Omit<Settings, 'connection'> & {
  connection: Omit<Connection, 'apiToken'> | null;
};

/** The settings as storage.local holds them: the token is not there, only its hint. */
export type StoredSettings = Omit<Settings, 'connection'> & { connection: StoredConnection | null };

/** Settings to save: a connection without `apiToken` keeps the token saved for its console. */
export type SettingsInput = Omit<Settings, 'connection'> & { connection: ConnectionInput | null };

export const DEFAULT_SETTINGS: Settings = {
  connection: null,
  iocDefaults: { validityDays: DEFAULTS.validityDays, score: DEFAULTS.score, source: DEFAULTS.source },
  sync: DEFAULTS.sync,
  actionDefaults: DEFAULTS.actions,
  quickBlockSingle: false,
  logLevel: 'info',
  neverBlock: [],
  pivots: DEFAULTS.pivots,
};
