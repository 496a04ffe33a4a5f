import { browser } from 'wxt/browser';
import { EMPTY_FILTER } from '../../lib/iocs/filter';
import { filterToSearch } from '../../lib/iocs/filter-url';

/** Opens the manager tab filtered to `value`. */
export function openInManager(value: string): void {
  // `%` and `*` are wildcards in the value filter; a URL holding one matches a little more, never less.
  const url = `${browser.runtime.getURL('/options.html')}${filterToSearch({ ...EMPTY_FILTER, value })}#iocs`;
  void browser.tabs.create({ url });
}
