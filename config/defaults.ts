/**
 * The shipped defaults (config/defaults.yml, parsed at build time by config/vite-yaml.ts), validated
 * when this module loads. tests/unit/config/defaults.test.ts reads the file through parseDefaults
 * (tests/support/parse-defaults.ts), so a wrong value fails the tests with its line and key first.
 */
import { z } from 'zod';
import shipped from './defaults.yml';
import { IOC_TYPES, type IocType, MAX_VALIDITY_DAYS } from './ioc-types';
import { OS_TYPES } from './os-types';
import { PivotListSchema } from './pivots';

const validityFor = (type: IocType) =>
  z
    .number()
    .int('must be a whole number of days')
    .min(1, 'must be at least 1 day')
    .max(
      MAX_VALIDITY_DAYS[type],
      `must be at most ${MAX_VALIDITY_DAYS[type]} days, the API's maximum for ${type}`,
    );

export const ValidityDaysSchema = z.object(
  Object.fromEntries(IOC_TYPES.map((type) => [type, validityFor(type)])) as Record<
    IocType,
    ReturnType<typeof validityFor>
  >,
);

export const DefaultsSchema = z.strictObject({
  validityDays: ValidityDaysSchema,
  score: z.number().int('must be a whole number').min(0, 'must be 0-100').max(100, 'must be 0-100'),
  source: z.string().trim().min(1, 'must not be empty'),
  method: z.literal('EQUALS', { error: 'must be EQUALS, the only method the API knows' }),
  /** What the review ticks for a new row, beside Detect (docs/blocking-api.md). */
  actions: z.strictObject({
    blockExecution: z.boolean(),
    blockExecutionOs: z.array(z.enum(OS_TYPES, { error: `must be one of ${OS_TYPES.join(', ')}` })),
    blockNetwork: z.boolean(),
  }),
  /** Values never written to the console (lib/iocs/never-block.ts reads each entry). */
  neverBlock: z.array(z.string().trim().min(1, 'must not be empty')),
  /** Links that open a value on another site; the analyst's list starts as this one (docs/pivots.md). */
  pivots: PivotListSchema,
  sync: z.strictObject({
    intervalMinutes: z
      .number()
      .int()
      .min(1, 'must be at least 1 minute')
      .max(24 * 60, 'must be at most a day'),
    pageSize: z.number().int().min(1).max(1000, "must be at most 1000, the API's maximum"),
    maxParallelRequests: z.number().int().min(1).max(16, 'must be at most 16'),
  }),
});
export type Defaults = z.infer<typeof DefaultsSchema>;

function load(): Defaults {
  const result = DefaultsSchema.safeParse(shipped);
  if (!result.success) {
    const [issue] = result.error.issues;
    throw new Error(`config/defaults.yml: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return result.data;
}

export const DEFAULTS: Defaults = load();
