/** The filter state kept in the page's URL, so that a reload or a bookmark restores it. */
import { useCallback, useState } from 'preact/hooks';
import { EMPTY_FILTER, type IocFilter } from '../lib/iocs/filter';
import { filterFromSearch, filterToSearch } from '../lib/iocs/filter-url';

export function useUrlFilter(): [IocFilter, (filter: IocFilter) => void] {
  const [filter, setFilter] = useState<IocFilter>(() => filterFromSearch(location.search));
  const update = useCallback((next: IocFilter) => {
    setFilter(next);
    // replaceState: typing is not navigation; the Back button should leave the page, not undo a keystroke.
    history.replaceState(null, '', `${location.pathname}${filterToSearch(next)}${location.hash}`);
  }, []);
  return [filter, update];
}

export { EMPTY_FILTER };
