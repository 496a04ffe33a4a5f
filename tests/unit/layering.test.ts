/**
 * The layering as a test: entrypoints → components → lib → config, never back up; lib/ knows no DOM
 * and no Preact; the extension's pages never load worker-only code (it would run the worker's
 * side effects in a page, and ship the API client into the popup). Imports are read from the source
 * text, so the test needs no build.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const LAYERS = ['config', 'lib', 'components', 'entrypoints'] as const;
type Layer = (typeof LAYERS)[number];

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [rel] : [];
  });
}

const FILES = LAYERS.flatMap((layer) => sourceFiles(layer));
const layerOf = (file: string): Layer => file.split(path.sep)[0] as Layer;

interface Import {
  target: string;
  typeOnly: boolean;
}

// `import … from 'x'`, `export … from 'x'`, a bare `import 'x'` (side effects only) and `import('x')`.
const IMPORT =
  /(?:^|\n)\s*(import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;

/** The repository-relative file each relative import of `file` resolves to, and whether it is type-only. */
function importsOf(file: string): Import[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const found: Import[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const spec = match[3] ?? match[4] ?? match[5] ?? '';
    if (!spec.startsWith('.')) {
      found.push({ target: spec, typeOnly: Boolean(match[2]) });
      continue;
    }
    const base = path.normalize(path.join(path.dirname(file), spec));
    const target = ['', '.ts', '.tsx', '/index.ts']
      .map((ext) => base + ext)
      .find((candidate) => {
        const full = path.join(ROOT, candidate);
        return existsSync(full) && statSync(full).isFile();
      });
    found.push({ target: target ?? base, typeOnly: Boolean(match[2]) });
  }
  return found;
}

const IMPORTS = new Map(FILES.map((file) => [file, importsOf(file)]));

/** Files whose functions run inside a web page (scripting.executeScript): they must use the page's DOM. */
const RUNS_IN_WEB_PAGE = new Set([path.join('lib', 'menu', 'read-selection.ts')]);

/** Code that only the service worker may load: what it runs and what it talks to the console with. */
const WORKER_ONLY = [/^lib\/worker\//, /^lib\/writes\//, /^lib\/s1\/(client|http|paging|[a-z-]+-calls)\.ts$/];
const PAGES = ['entrypoints/options/main.tsx', 'entrypoints/popup/main.tsx', 'entrypoints/sheet/main.tsx'];

/** Every file a page loads at run time (type-only imports are erased), with one path that leads there. */
function loadedBy(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  for (let file = queue.shift(); file; file = queue.shift()) {
    for (const { target, typeOnly } of IMPORTS.get(file) ?? []) {
      if (typeOnly || !IMPORTS.has(target) || seen.has(target)) continue;
      seen.set(target, [...(seen.get(file) ?? []), target]);
      queue.push(target);
    }
  }
  return seen;
}

describe('layering', () => {
  it('finds the source files and their imports (a guard against a test that checks nothing)', () => {
    expect(FILES.length).toBeGreaterThan(150);
    expect(IMPORTS.get(path.join('entrypoints', 'background.ts'))?.length).toBeGreaterThan(2);
  });

  it('no file imports from a layer above its own (entrypoints → components → lib → config)', () => {
    const upward = FILES.flatMap((file) =>
      (IMPORTS.get(file) ?? [])
        .filter(({ target }) => LAYERS.includes(target.split(path.sep)[0] as Layer))
        .filter(({ target }) => LAYERS.indexOf(layerOf(target)) > LAYERS.indexOf(layerOf(file)))
        .map(({ target }) => `${file} → ${target}`),
    );
    expect(upward).toEqual([]);
  });

  it('lib/ and config/ import neither Preact nor anything of the DOM', () => {
    const offenders = FILES.filter((file) => ['lib', 'config'].includes(layerOf(file)))
      .filter((file) => !RUNS_IN_WEB_PAGE.has(file))
      .flatMap((file) => {
        const text = readFileSync(path.join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
        const preact = (IMPORTS.get(file) ?? []).some(({ target }) => /^preact(\/|$)/.test(target));
        const dom = text.match(
          /\b(document|window|localStorage|sessionStorage|HTMLElement|getComputedStyle)\b/,
        );
        return preact ? [`${file}: imports Preact`] : dom ? [`${file}: uses ${dom[1]}`] : [];
      });
    expect(offenders).toEqual([]);
  });

  it.each(PAGES)('%s loads no worker-only code', (page) => {
    const reached = [...loadedBy(page)]
      .filter(([file]) => WORKER_ONLY.some((pattern) => pattern.test(file.split(path.sep).join('/'))))
      .map(([, via]) => via.join(' → '));
    expect(reached).toEqual([]);
  });

  it('the worker-only rule has teeth: the worker itself reaches that code', () => {
    const reached = [...loadedBy(path.join('entrypoints', 'background.ts')).keys()];
    expect(reached.some((file) => WORKER_ONLY.some((pattern) => pattern.test(file)))).toBe(true);
  });
});
