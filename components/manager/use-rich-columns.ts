/** The optional columns the analyst chose (lib/ui/rich-columns.ts), and the way to change them. */
import { useCallback, useMemo } from 'preact/hooks';
import type { RichKey } from '../../lib/iocs/rich-fields';
import { richColumnsItem, shownRichColumns, withRichColumn } from '../../lib/ui/rich-columns';
import { useStorageItem } from '../page/use-storage-item';

export function useRichColumns(): [RichKey[], (key: RichKey, on: boolean) => void] {
  const stored = useStorageItem(richColumnsItem);
  const shown = useMemo(() => shownRichColumns(stored), [stored]);
  // From the stored list, not this render's: two quick ticks must both count.
  const toggle = useCallback((key: RichKey, on: boolean) => {
    void richColumnsItem
      .getValue()
      .then((current) => richColumnsItem.setValue(withRichColumn(shownRichColumns(current), key, on)));
  }, []);
  return [shown, toggle];
}
