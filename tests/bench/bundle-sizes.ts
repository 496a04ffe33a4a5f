/** Gzip sizes of what each entry point loads from the production build (metric 10). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const gzipKb = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

/** The JS and CSS files an HTML entry point pulls in: its scripts, module preloads and stylesheets. */
export function htmlAssets(html: string): string[] {
  const refs = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1] as string);
  return [...new Set(refs)].map((ref) => ref.replace(/^\//, ''));
}

export function bundleSizesKb(
  outputDir: string,
): Record<'background' | 'manager' | 'popup' | 'sheet', number> {
  const entry = (html: string) => {
    const file = path.join(outputDir, html);
    if (!existsSync(file)) return Number.NaN;
    // The page itself counts: its stylesheet is written into it (config/vite-inline-css.ts).
    return htmlAssets(readFileSync(file, 'utf8')).reduce(
      (sum, asset) => sum + gzipKb(path.join(outputDir, asset)),
      gzipKb(file),
    );
  };
  return {
    background: gzipKb(path.join(outputDir, 'background.js')),
    manager: entry('options.html'),
    popup: entry('popup.html'),
    sheet: entry('sheet.html'),
  };
}
