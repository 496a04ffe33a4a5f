/**
 * The keyboard of a virtualized data grid (the WAI-ARIA grid pattern, focus on the table, the active
 * row named by aria-activedescendant): arrows, Page Up/Down, Home/End move; Enter opens; Space ticks.
 * Shared by the IOC and the block tables.
 */
import type { RefObject } from 'preact';
import { useState } from 'preact/hooks';

interface GridKeys {
  count: number;
  rowHeight: number;
  scroller: RefObject<HTMLElement | null>;
  scrollToIndex(index: number): void;
  onOpen(index: number): void;
  onToggle(index: number): void;
}

export function useGridKeys({ count, rowHeight, scroller, scrollToIndex, onOpen, onToggle }: GridKeys) {
  const [active, setActive] = useState(0);
  const activeIndex = Math.min(active, Math.max(0, count - 1));

  function move(to: number) {
    const next = Math.max(0, Math.min(count - 1, to));
    setActive(next);
    scrollToIndex(next);
  }

  function onKeyDown(event: KeyboardEvent) {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 320) / rowHeight) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(activeIndex + 1),
      ArrowUp: () => move(activeIndex - 1),
      PageDown: () => move(activeIndex + page),
      PageUp: () => move(activeIndex - page),
      Home: () => move(0),
      End: () => move(count - 1),
      Enter: () => count > 0 && onOpen(activeIndex),
      ' ': () => count > 0 && onToggle(activeIndex),
    };
    const action = keys[event.key];
    // Keys typed into a row's checkbox or link are theirs.
    if (action && event.target === event.currentTarget) {
      event.preventDefault();
      action();
    }
  }

  return { activeIndex, setActive, onKeyDown };
}
