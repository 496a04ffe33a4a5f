/** A defaults file read with its line numbers, for the tests that guard config/defaults.yml. */
import { DefaultsSchema } from './defaults';
import { parseYamlWith } from './parse-yaml';

/** Parses a defaults file; the message names the line and key of the first problem. */
export const parseDefaults = (text: string) => parseYamlWith(DefaultsSchema, text);
