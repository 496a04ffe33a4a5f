/**
 * seed-page.ts as one script for an extension page: the product's cache and sync modules and the
 * simulator's generator bundled with esbuild (the YAML defaults parsed as the extension's build parses
 * them, config/vite-yaml.ts; Node's Buffer replaced by buffer-shim.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { parse } from 'yaml';

const HERE = path.dirname(new URL(import.meta.url).pathname);

const yamlAsData: Plugin = {
  name: 'yaml-as-data',
  setup(builder) {
    builder.onLoad({ filter: /\.yml$/ }, (args) => ({
      contents: `export default ${JSON.stringify(parse(readFileSync(args.path, 'utf8')))};`,
      loader: 'js',
    }));
  },
};

/** The script, which sets `globalThis.benchSeed` when evaluated in a page. */
export async function seedScript(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(HERE, 'seed-page.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    inject: [path.join(HERE, 'buffer-shim.ts')],
    plugins: [yamlAsData],
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}
