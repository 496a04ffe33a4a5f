/**
 * Contrast as the analyst sees it: an element's computed text colour against the background
 * actually behind it (its own and its ancestors' backgrounds composited, translucent row tints
 * included), and the focus ring against what surrounds the focused element. The arithmetic is
 * lib/ui/contrast.ts, the same the token sheet's unit test uses.
 */
import type { Locator, Page } from '@playwright/test';
import { contrastRatio, over, parseColor, type Rgba } from '../../../lib/ui/contrast';

/** Backgrounds from `element` up to <html>, nearest first, as getComputedStyle writes them. */
type Layers = string[];

/** The opaque colour the layers show: the first opaque one from the top down, the nearer ones painted over it. */
function backdrop(layers: Layers): Rgba {
  const colors = layers.map((text) => {
    const color = parseColor(text);
    if (!color) throw new Error(`unreadable background ${text}`);
    return color;
  });
  const base = colors.findIndex((color) => color.a === 1);
  if (base < 0) throw new Error(`no opaque background behind the element: ${layers.join(' < ')}`);
  return colors.slice(0, base).reduceRight((below, layer) => over(layer, below), colors[base] as Rgba);
}

function color(text: string): Rgba {
  const parsed = parseColor(text);
  if (!parsed) throw new Error(`unreadable colour ${text}`);
  return parsed;
}

export interface Measured {
  label: string;
  ratio: number;
}

/** The text contrast of each element `locator` matches, named by `key(element)`. */
export async function textContrasts(locator: Locator, key: string | null = null): Promise<Measured[]> {
  const found = await locator.evaluateAll((elements) =>
    elements
      .filter((element) => (element as HTMLElement).offsetParent !== null || element.tagName === 'BODY')
      .map((element) => {
        const layers: string[] = [];
        for (let node: Element | null = element; node; node = node.parentElement)
          layers.push(getComputedStyle(node).backgroundColor);
        const style = getComputedStyle(element);
        return {
          tone: element.getAttribute('data-tone'),
          color: style.color,
          opacity: style.opacity,
          layers,
        };
      }),
  );
  return found.map((item) => {
    const background = backdrop(item.layers);
    const text = color(item.color);
    return { label: key ?? item.tone ?? 'ink', ratio: contrastRatio(over(text, background), background) };
  });
}

/** The focused element's ring against the background it is drawn on (its parent's), or why there is none. */
export async function focusRingContrast(page: Page): Promise<Measured> {
  const ring = await page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const layers: string[] = [];
    for (let node = element.parentElement; node; node = node.parentElement)
      layers.push(getComputedStyle(node).backgroundColor);
    const style = getComputedStyle(element);
    return {
      what: `${element.tagName.toLowerCase()} ${element.getAttribute('aria-label') ?? element.textContent?.trim() ?? ''}`,
      visible: element.matches(':focus-visible'),
      style: style.outlineStyle,
      width: Number.parseFloat(style.outlineWidth),
      color: style.outlineColor,
      layers,
    };
  });
  if (!ring) throw new Error('nothing has the focus');
  if (!ring.visible || ring.style === 'none' || ring.width < 2)
    throw new Error(
      `${ring.what}: no focus ring (${ring.style} ${ring.width}px, focus-visible ${ring.visible})`,
    );
  const background = backdrop(ring.layers);
  return {
    label: `focus ring (${ring.what.slice(0, 30)})`,
    ratio: contrastRatio(color(ring.color), background),
  };
}
