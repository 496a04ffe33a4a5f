/** The WCAG arithmetic the contrast tests rely on, checked against known answers. */
import { describe, expect, it } from 'vitest';
import { contrastRatio, over, parseColor } from '../../../lib/ui/contrast';

describe('parseColor', () => {
  it.each([
    ['#fff', { r: 255, g: 255, b: 255, a: 1 }],
    ['#5b3cc4', { r: 91, g: 60, b: 196, a: 1 }],
    ['#00000080', { r: 0, g: 0, b: 0, a: 128 / 255 }],
    ['rgb(1, 2, 3)', { r: 1, g: 2, b: 3, a: 1 }],
    ['rgba(1, 2, 3, 0.5)', { r: 1, g: 2, b: 3, a: 0.5 }],
    ['color(srgb 1 0 0.5 / 0.25)', { r: 255, g: 0, b: 127.5, a: 0.25 }],
    ['Canvas', null],
  ])('%s', (text, rgba) => {
    expect(parseColor(text)).toEqual(rgba);
  });
});

describe('contrastRatio', () => {
  const color = (text: string) => parseColor(text) ?? { r: 0, g: 0, b: 0, a: 1 };
  it.each([
    ['#000', '#fff', 21],
    ['#fff', '#fff', 1],
    ['#767676', '#fff', 4.54],
    ['#fff', '#767676', 4.54],
  ])('%s on %s is %d:1', (front, back, ratio) => {
    expect(contrastRatio(color(front), color(back))).toBeCloseTo(ratio, 2);
  });
  it('composites a translucent colour over its background first', () => {
    expect(over(color('rgba(0, 0, 0, 0.5)'), color('#fff'))).toEqual({ r: 127.5, g: 127.5, b: 127.5, a: 1 });
  });
});
