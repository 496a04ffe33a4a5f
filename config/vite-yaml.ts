/**
 * `import data from './file.yml'`: the YAML parsed when the extension is built (and when unit tests
 * load the module), so no YAML parser ships in the background, popup or manager bundles. Only the
 * settings import/export loads one, on demand. Shared by wxt.config.ts and vitest.config.ts.
 */
import { parse } from 'yaml';

interface TransformPlugin {
  name: string;
  enforce: 'pre';
  transform(code: string, id: string): { code: string; map: null } | null;
}

export function yamlAsData(): TransformPlugin {
  return {
    name: 's1-yaml-as-data',
    enforce: 'pre',
    transform(code, id) {
      if (!id.split('?')[0]?.endsWith('.yml') || id.includes('?raw')) return null;
      return { code: `export default ${JSON.stringify(parse(code))};`, map: null };
    },
  };
}
