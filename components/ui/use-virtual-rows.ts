/**
 * Virtualized rows: only the rows in view, plus a few either side, are in the DOM, so 1,000,000
 * rows scroll as smoothly as 100. The range is arithmetic on the fixed row height (lib/ui/virtual-rows.ts).
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { type RowGeometry, scrollTopFor, visibleRows } from '../../lib/ui/virtual-rows';

const OVERSCAN = 6;

export function useVirtualRows(count: number, rowHeight: number, scrollElement: () => HTMLElement | null) {
  const [view, setView] = useState({ top: 0, height: 0 });
  // The scroller is found once it is mounted; the getter may be a new function every render.
  useEffect(() => {
    const element = scrollElement();
    if (!element) return;
    const update = () =>
      setView((current) =>
        current.top === element.scrollTop && current.height === element.clientHeight
          ? current
          : { top: element.scrollTop, height: element.clientHeight },
      );
    update();
    element.addEventListener('scroll', update, { passive: true });
    const resize = new ResizeObserver(update);
    resize.observe(element);
    return () => {
      element.removeEventListener('scroll', update);
      resize.disconnect();
    };
  }, []);
  // The sticky header is one row high.
  const geometry: RowGeometry = { rowHeight, headerHeight: rowHeight };
  const { start, end } = visibleRows(count, geometry, view.top, view.height, OVERSCAN);
  const items: Array<{ index: number; start: number }> = [];
  for (let index = start; index < end; index++) items.push({ index, start: index * rowHeight });
  const scrollToIndex = useCallback(
    (index: number) => {
      const element = scrollElement();
      if (!element) return;
      element.scrollTop = scrollTopFor(
        index,
        { rowHeight, headerHeight: rowHeight },
        element.scrollTop,
        element.clientHeight,
      );
    },
    [scrollElement, rowHeight],
  );
  return { items, totalSize: count * rowHeight, scrollToIndex };
}
