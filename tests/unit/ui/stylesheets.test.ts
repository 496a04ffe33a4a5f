/**
 * Colours are written once, in styles/tokens.css, by meaning; every other sheet names a token. A
 * literal elsewhere would skip the contrast checks of both schemes (tokens-contrast.test.ts measures
 * the token sheet only), so one is a failure here, with its file and line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const TOKENS = 'styles/tokens.css';
const COLOUR_LITERAL = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(/i;

function sheetsUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.css'))
    .map((file) => path.join(dir, file));
}

const SHEETS = [...sheetsUnder('styles'), ...sheetsUnder('entrypoints')].filter((file) => file !== TOKENS);

/** `file:line: text` for each line of `text` with a colour literal (comments included: a hex in a comment drifts). */
function literalsIn(file: string, text: string): string[] {
  return text
    .split('\n')
    .flatMap((line, index) => (COLOUR_LITERAL.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : []));
}

describe('stylesheets', () => {
  it('finds the page sheets', () => {
    expect(SHEETS).toEqual(
      expect.arrayContaining([
        'styles/base.css',
        'styles/tones.css',
        'entrypoints/options/style.css',
        'entrypoints/popup/style.css',
        'entrypoints/sheet/style.css',
      ]),
    );
  });

  it.each(SHEETS)('%s names tokens, never a colour literal', (file) => {
    expect(literalsIn(file, readFileSync(path.join(ROOT, file), 'utf8'))).toEqual([]);
  });

  it.each([
    ['a hex colour', 'color: #fff;', 1],
    ['an rgb() colour', 'background: rgb(0 0 0 / 0.4);', 1],
    ['an oklch() colour', 'color: oklch(60% 0.1 250);', 1],
    ['a token', 'color: var(--ink);', 0],
    ['a colour mixed from tokens', 'background: color-mix(in srgb, var(--accent) 10%, var(--surface));', 0],
    ['an id selector that is not a colour', '#rtl-probe { direction: rtl; }', 0],
  ])('the check itself: %s', (_, line, found) => {
    expect(literalsIn('x.css', line)).toHaveLength(found);
  });
});
