/**
 * Each page's stylesheet written into the page itself, as a <style> element, instead of a file it
 * links to. An extension page's linked stylesheet is one more file to fetch from the
 * browser process, and the page's module scripts wait for it before they run: inlining the 4.7 KB
 * answered the popup's look-up ~10 ms sooner (tests/bench/results.md). Every page carries its own
 * copy, and the stylesheet file, linked from nowhere then, is left out of the package.
 */
import type { Plugin } from 'vite';

/** A `<link rel="stylesheet" … href="…">` as Vite writes it into a built page. */
const STYLESHEET_LINK = /<link rel="stylesheet"[^>]*?\shref="\/?([^"]+\.css)"[^>]*>/g;

/**
 * `html` with every stylesheet link whose file `cssOf` knows replaced by that file's CSS in a
 * <style> element; `inlined` names the files replaced. A link to an unknown file stays a link.
 * Throws on CSS that would mean something else inside the page ("</style" ends the element early,
 * and url() would resolve against the page, not the stylesheet).
 */
export function inlineStylesheetLinks(
  html: string,
  cssOf: (fileName: string) => string | undefined,
): { html: string; inlined: string[] } {
  const inlined: string[] = [];
  const result = html.replace(STYLESHEET_LINK, (link, fileName: string) => {
    const css = cssOf(fileName);
    if (css === undefined) return link;
    if (/<\/style|url\(/i.test(css))
      throw new Error(`${fileName} holds "</style" or url(): it cannot be inlined`);
    inlined.push(fileName);
    return `<style>${css}</style>`;
  });
  return { html: result, inlined };
}

export function inlineStylesheets(): Plugin {
  const inlined = new Set<string>();
  return {
    name: 's1-inline-stylesheets',
    enforce: 'post',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        const page = inlineStylesheetLinks(html, (fileName) => {
          const asset = bundle[fileName];
          return asset?.type === 'asset' ? String(asset.source) : undefined;
        });
        for (const fileName of page.inlined) inlined.add(fileName);
        return page.html;
      },
    },
    generateBundle: {
      // After Vite has written every page, so that no page still needs the file.
      order: 'post',
      handler(_, bundle) {
        for (const fileName of inlined) delete bundle[fileName];
      },
    },
  };
}
