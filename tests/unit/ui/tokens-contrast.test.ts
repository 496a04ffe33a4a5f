/**
 * The token sheet measured as written: every pair the pages put together (text on a surface, a tone
 * on its tint, the focus ring beside the surface) reaches WCAG's ratio in both schemes, so a colour
 * changed in styles/tokens.css cannot quietly fall below it. The e2e contrast test measures the pages.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROFILE_COLOURS } from '../../../lib/profiles/profile-list';
import { contrastRatio, parseColor, type Rgba } from '../../../lib/ui/contrast';

const SHEET = readFileSync(path.resolve(__dirname, '../../../styles/tokens.css'), 'utf8');

/** Each `--name: light-dark(#light, #dark)` of the sheet, as [light, dark]. */
const TOKENS = new Map(
  [...SHEET.matchAll(/--([\w-]+):\s*light-dark\(\s*(#[0-9a-f]+)\s*,\s*(#[0-9a-f]+)\s*\)/gi)].map(
    ([, name, light, dark]) => [name as string, [parseColor(light as string), parseColor(dark as string)]],
  ),
);

function token(name: string, scheme: 0 | 1): Rgba {
  const value = TOKENS.get(name)?.[scheme];
  if (!value) throw new Error(`styles/tokens.css has no light-dark() hex for --${name}`);
  return value;
}

const TEXT = 4.5;
const NON_TEXT = 3;
const TONES = ['danger', 'warn', 'ok', 'info'];

/** [foreground, background, minimum ratio]. */
const PAIRS: Array<[string, string, number]> = [
  ...['ink', 'muted', 'accent', ...TONES].flatMap(
    (ink): Array<[string, string, number]> => [
      [ink, 'surface', TEXT],
      [ink, 'raised', TEXT],
    ],
  ),
  ...TONES.map((tone): [string, string, number] => [tone, `${tone}-tint`, TEXT]),
  ['ink', 'danger-tint', TEXT],
  ['accent-ink', 'accent', TEXT],
  ['focus', 'surface', NON_TEXT],
  ['focus', 'raised', NON_TEXT],
  ['control-border', 'surface', NON_TEXT],
  ['control-border', 'raised', NON_TEXT],
  // A profile's swatch is its only mark beside the name (lib/profiles/profile-list.ts PROFILE_COLOURS).
  ...PROFILE_COLOURS.flatMap(
    (colour): Array<[string, string, number]> => [
      [`profile-${colour}`, 'surface', NON_TEXT],
      [`profile-${colour}`, 'raised', NON_TEXT],
    ],
  ),
];

describe('styles/tokens.css', () => {
  it('writes every colour token with light-dark()', () => {
    const names = ['surface', 'raised', 'ink', 'muted', 'border', 'control-border', 'accent', 'focus'];
    const profiles = PROFILE_COLOURS.map((colour) => `profile-${colour}`);
    for (const name of [...names, ...TONES, ...TONES.map((tone) => `${tone}-tint`), ...profiles])
      expect(TOKENS.has(name), `--${name}`).toBe(true);
  });
  describe.each([
    ['light', 0],
    ['dark', 1],
  ] as const)('%s scheme', (_, scheme) => {
    it.each(PAIRS)('--%s on --%s reaches %d:1', (front, back, minimum) => {
      expect(contrastRatio(token(front, scheme), token(back, scheme))).toBeGreaterThanOrEqual(minimum);
    });
  });
});
