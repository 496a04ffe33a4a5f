/** The filter state kept in the page's URL, so that a reload or a bookmark restores it. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { EMPTY_FILTER, type IocFilter } from '../../lib/iocs/filter';
import { filterFromSearch, searchWithFilter } from '../../lib/iocs/filter-url';

/** Writing the URL costs ~3 ms in Chromium: done once typing pauses, not on every keystroke. */
const URL_WRITE_DELAY_MS = 300;

function writeUrl(filter: IocFilter): void {
  // replaceState: typing is not navigation; the Back button should leave the page, not undo a keystroke.
  // The page's other parameters (the profile it shows) stay: a reload must not change tenant.
  history.replaceState(
    null,
    '',
    `${location.pathname}${searchWithFilter(location.search, filter)}${location.hash}`,
  );
}

export function useUrlFilter(): [IocFilter, (filter: IocFilter) => void] {
  const [filter, setFilter] = useState<IocFilter>(() => filterFromSearch(location.search));
  const pending = useRef<{ filter: IocFilter; timer: number } | null>(null);
  const flush = useCallback(() => {
    if (!pending.current) return;
    clearTimeout(pending.current.timer);
    writeUrl(pending.current.filter);
    pending.current = null;
  }, []);
  // Leaving the view writes what is pending (a reload within the delay keeps the URL before it).
  useEffect(() => flush, [flush]);
  const update = useCallback(
    (next: IocFilter) => {
      setFilter(next);
      if (pending.current) clearTimeout(pending.current.timer);
      pending.current = { filter: next, timer: window.setTimeout(flush, URL_WRITE_DELAY_MS) };
    },
    [flush],
  );
  return [filter, update];
}

export { EMPTY_FILTER };
