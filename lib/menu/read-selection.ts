/**
 * The script the context menu runs in the clicked frame to read its selection. It is serialised by
 * scripting.executeScript, so it is one self-contained function: no imports, no helpers outside it.
 *
 * A page chooses what selection.toString() holds, not only what the analyst sees: text drawn by CSS
 * (::before content) is not in it, and text in a zero-size or transparent box is. So the script
 * returns the selection twice, as the page holds it and as a person sees it, and the worker uses the
 * quick path only when the two agree. Both are capped here, in the page, so a 1 MB selection never
 * crosses to the worker whole.
 */

export interface PageSelection {
  /** selection.toString(), cut at the cap. */
  text: string;
  /**
   * Only the characters a person can see, with a line break between blocks; null when the page was
   * too large to check in time (then nothing may be taken as seen).
   */
  visibleText: string | null;
  /** Whether `text` was cut. */
  truncated: boolean;
  /** The length of the whole selection, before the cap. */
  totalChars: number;
}

/** At most this many characters of a selection reach the worker (about 2,000 lines of IOCs). */
export const SELECTION_MAX_CHARS = 100_000;

/** Runs in the page. `maxChars` caps both texts; `budgetMs` bounds the visibility check. */
export function readSelectionInPage(maxChars: number, budgetMs = 1_000): PageSelection {
  const selection = globalThis.getSelection?.() ?? null;
  const whole = selection?.toString() ?? '';
  const text = whole.slice(0, maxChars);
  const result = { text, truncated: whole.length > maxChars, totalChars: whole.length };
  if (!selection || whole === '') return { ...result, visibleText: '' };

  const deadline = performance.now() + budgetMs;
  const view = document.defaultView ?? window;
  const styleOf = (element: Element) => view.getComputedStyle(element);
  const root = document.scrollingElement ?? document.documentElement;
  const rootStyle = styleOf(root);
  const clipsX = rootStyle.overflowX === 'hidden' || rootStyle.overflowX === 'clip';
  const clipsY = rootStyle.overflowY === 'hidden' || rootStyle.overflowY === 'clip';

  /** A colour with no alpha: transparent, rgba(r, g, b, 0), or any function ending in "/ 0". */
  const invisibleColour = (colour: string) => {
    if (colour === 'transparent') return true;
    const alpha =
      /^rgba\([^,]+,[^,]+,[^,]+,\s*([\d.]+%?)\s*\)$/.exec(colour) ?? /\/\s*([\d.]+%?)\s*\)$/.exec(colour);
    return alpha?.[1] !== undefined && Number.parseFloat(alpha[1]) === 0;
  };

  // Per element: whether its own style hides its text, and the boxes its ancestors clip it to.
  const hiddenByStyle = new Map<Element, boolean>();
  const isHiddenByStyle = (element: Element): boolean => {
    const known = hiddenByStyle.get(element);
    if (known !== undefined) return known;
    const style = styleOf(element);
    const visible =
      element.checkVisibility?.({ opacityProperty: true, visibilityProperty: true }) ??
      style.display !== 'none';
    const hidden =
      !visible ||
      Number.parseFloat(style.fontSize) < 2 ||
      Number.parseFloat(style.opacity) < 0.1 ||
      invisibleColour(style.color) ||
      invisibleColour(style.getPropertyValue('-webkit-text-fill-color')) ||
      // Clipping paths are drawn by the page to hide (clip: rect(0 0 0 0), clip-path: inset(50%)).
      (style.clip !== '' && style.clip !== 'auto') ||
      style.clipPath !== 'none' ||
      (element.parentElement !== null && isHiddenByStyle(element.parentElement));
    hiddenByStyle.set(element, hidden);
    return hidden;
  };
  const clipBoxes = new Map<Element, DOMRect[]>();
  const clipBoxesOf = (element: Element | null): DOMRect[] => {
    if (!element || element === document.body || element === document.documentElement) return [];
    const known = clipBoxes.get(element);
    if (known) return known;
    const style = styleOf(element);
    // Overflow does not apply to an inline box. A scrolling box shows its text when scrolled,
    // unless it is too small to scroll.
    const overflow = style.display === 'inline' ? '' : `${style.overflowX} ${style.overflowY}`;
    const clips =
      /hidden|clip/.test(overflow) ||
      (/auto|scroll/.test(overflow) && (element.clientWidth < 8 || element.clientHeight < 8));
    const boxes = clipBoxesOf(element.parentElement);
    const own = clips ? [element.getBoundingClientRect(), ...boxes] : boxes;
    clipBoxes.set(element, own);
    return own;
  };
  /** A line of text a person can read whole: not clipped, not off the page. */
  const readable = (rect: DOMRect, clips: readonly DOMRect[]) => {
    let { left, top, right, bottom } = rect;
    for (const clip of clips) {
      left = Math.max(left, clip.left);
      top = Math.max(top, clip.top);
      right = Math.min(right, clip.right);
      bottom = Math.min(bottom, clip.bottom);
    }
    // A box that cuts part of a line (an ellipsis, a 1 px screen-reader box) hides that part.
    if (right - left < rect.width - 1 || bottom - top < rect.height - 2) return false;
    const x = view.scrollX;
    const y = view.scrollY;
    if (right + x <= 0 || bottom + y <= 0) return false;
    if (left + x >= root.scrollWidth || top + y >= root.scrollHeight) return false;
    if (clipsX && (left >= view.innerWidth || right <= 0)) return false;
    if (clipsY && (top >= view.innerHeight || bottom <= 0)) return false;
    return true;
  };
  /** Every line of the text readable; a zero-width line (a collapsed space at a wrap) holds nothing to read. */
  const shown = (rects: DOMRectList, clips: readonly DOMRect[]) => {
    const lines = [...rects].filter((rect) => rect.width >= 1 && rect.height >= 2);
    return lines.length > 0 && lines.every((rect) => readable(rect, clips));
  };

  // The block a text is laid out in: a new block starts a new line, as toString() does.
  const blocks = new Map<Element, Element>();
  const blockOf = (element: Element): Element => {
    const known = blocks.get(element);
    if (known) return known;
    const display = styleOf(element).display;
    const inline = display.startsWith('inline') || display === 'contents';
    const block = inline && element.parentElement ? blockOf(element.parentElement) : element;
    blocks.set(element, block);
    return block;
  };

  const parts: string[] = [];
  let length = 0;
  let lastBlock: Element | null = null;
  const piece = document.createRange();
  for (let index = 0; index < selection.rangeCount; index++) {
    const range = selection.getRangeAt(index);
    const walker = document.createTreeWalker(
      range.commonAncestorContainer,
      NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT,
    );
    for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
      if (length >= maxChars) break;
      if (performance.now() > deadline) return { ...result, visibleText: null };
      if (!range.intersectsNode(node)) continue;
      if (node instanceof Element) {
        if (node.tagName === 'BR' && !isHiddenByStyle(node)) {
          parts.push('\n');
          length += 1;
        }
        continue;
      }
      const parent = node.parentElement;
      if (!(node instanceof Text) || !parent || isHiddenByStyle(parent)) continue;
      const start = node === range.startContainer ? range.startOffset : 0;
      const end = node === range.endContainer ? range.endOffset : node.data.length;
      if (end <= start) continue;
      piece.setStart(node, start);
      piece.setEnd(node, end);
      const clips = clipBoxesOf(parent);
      if (!shown(piece.getClientRects(), clips)) continue;
      const block = blockOf(parent);
      if (lastBlock && block !== lastBlock) parts.push('\n');
      lastBlock = block;
      const data = node.data.slice(start, end);
      parts.push(data);
      length += data.length;
    }
  }
  return { ...result, visibleText: parts.join('').slice(0, maxChars) };
}
