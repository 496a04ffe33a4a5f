/**
 * WCAG 2 contrast between two colours, for the tests that hold the token sheet and the rendered
 * pages to 4.5:1 (text) and 3:1 (focus ring, control edges). Pure: it reads colour strings as CSS
 * writes them (`#rrggbb`, `rgb(r, g, b)`, `rgba(r, g, b, a)`), nothing from a page.
 */

export type Rgba = { r: number; g: number; b: number; a: number };

/** `#rgb`, `#rrggbb`, `#rrggbbaa`, `rgb(…)`, `rgba(…)` or `color(srgb …)` (as getComputedStyle answers), else null. */
export function parseColor(text: string): Rgba | null {
  const value = text.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3,8})$/.exec(value)?.[1];
  if (hex) {
    const full = hex.length <= 4 ? [...hex].map((digit) => digit + digit).join('') : hex;
    const byte = (at: number) => Number.parseInt(full.slice(at, at + 2), 16);
    return { r: byte(0), g: byte(2), b: byte(4), a: full.length === 8 ? byte(6) / 255 : 1 };
  }
  // What Chrome answers for a color-mix(in srgb, …): channels from 0 to 1.
  const srgb = /^color\(srgb\s+([^)]+)\)$/.exec(value)?.[1];
  if (srgb) {
    const [r = 0, g = 0, b = 0, a = 1] = srgb
      .split(/[\s/]+/)
      .filter(Boolean)
      .map(Number);
    return { r: r * 255, g: g * 255, b: b * 255, a };
  }
  const rgb = /^rgba?\(([^)]+)\)$/.exec(value)?.[1];
  if (!rgb) return null;
  const parts = rgb
    .split(/[\s,/]+/)
    .filter(Boolean)
    .map(Number);
  if (parts.length < 3 || parts.some(Number.isNaN)) return null;
  const [r = 0, g = 0, b = 0, a = 1] = parts;
  return { r, g, b, a };
}

/** `top` painted over the opaque `bottom`: what the eye sees of a translucent colour. */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const mix = (front: number, back: number) => front * top.a + back * (1 - top.a);
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1 };
}

function luminance({ r, g, b }: Rgba): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The WCAG contrast ratio, 1 to 21, of two opaque colours. */
export function contrastRatio(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
