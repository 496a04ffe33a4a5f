/**
 * The shipped defaults (config/defaults.yml), validated when this module loads: a wrong value fails
 * the build's tests with a message that names the line and the key, instead of reaching a console.
 */
import { z } from 'zod';
import rawDefaults from './defaults.yml?raw';
import { IOC_TYPES, type IocType, MAX_VALIDITY_DAYS } from './ioc-types';
import { parseYamlWith } from './parse-yaml';

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

/** Parses a defaults file; the message names the line and key of the first problem. */
export const parseDefaults = (text: string) => parseYamlWith(DefaultsSchema, text);

function load(): Defaults {
  const result = parseDefaults(rawDefaults);
  if (!result.ok) throw new Error(`config/defaults.yml: ${result.message}`);
  return result.value;
}

export const DEFAULTS: Defaults = load();
