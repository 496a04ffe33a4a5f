/** A defaults file read with its line numbers, for the tests that guard config/defaults.yml. */
import { z } from 'zod';
import { DefaultsSchema } from '../../config/defaults';
import { parseYamlWith } from '../../config/parse-yaml';
import { parseNeverBlockEntry } from '../../lib/iocs/never-block';

/**
 * The shipped schema, plus each never-block entry read as the worker reads it. Kept out of
 * DefaultsSchema so that every bundle loading the defaults does not also load the public-suffix list.
 */
const CheckedDefaultsSchema = DefaultsSchema.extend({
  neverBlock: z.array(
    z.string().superRefine((entry, context) => {
      const parsed = parseNeverBlockEntry(entry);
      if (!parsed.ok) context.addIssue({ code: 'custom', message: parsed.message });
    }),
  ),
});

/** Parses a defaults file; the message names the line and key of the first problem. */
export const parseDefaults = (text: string) => parseYamlWith(CheckedDefaultsSchema, text);
