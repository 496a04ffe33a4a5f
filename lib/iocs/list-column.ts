/**
 * One context list (threat actors, labels…) of every cached IOC, stored as text-column.ts stores a
 * text field: each distinct list once, its items in one text column of distinct items. A list
 * filter then tests each distinct item once (the same few actors and labels repeat over thousands of
 * IOCs, and the printable-ASCII ones go through text-column's native `indexOf`), marks the lists
 * holding a matching item, and a row is one array look-up.
 */
import type { AsciiGlob } from './filter';
import { buildTextColumn, matchingTexts, type TextColumn } from './text-column';

/** The id of "no list" (null, missing or empty): no list filter matches it. */
export const NO_LIST = 0;

/** As in text-column.ts: past this many distinct lists or items, a new one just gets a fresh id. */
const DEDUPE_LIMIT = 200_000;

export interface ListColumn {
  /** Per row, the id of its list. */
  ids: Uint32Array;
  /** Per list id, the ids of its items in `items`; entry NO_LIST is empty. */
  lists: Uint32Array[];
  /** Every distinct item. */
  items: TextColumn;
}

export function buildListColumn(values: ArrayLike<readonly string[] | null | undefined>): ListColumn {
  const ids = new Uint32Array(values.length);
  const seenLists = new Map<string, number>();
  const seenItems = new Map<string, number>();
  const itemTexts: string[] = [];
  /** Per list id, the positions of its items in itemTexts. */
  const listItems: number[][] = [[]];
  const itemAt = (item: string): number => {
    let at = seenItems.get(item);
    if (at === undefined) {
      at = itemTexts.length;
      itemTexts.push(item);
      if (seenItems.size < DEDUPE_LIMIT) seenItems.set(item, at);
    }
    return at;
  };
  for (let row = 0; row < values.length; row++) {
    const list = values[row];
    if (!list || list.length === 0) continue;
    // JSON, not a join: no separator is safe inside console text, and two lists must never share a key.
    const key = JSON.stringify(list);
    let id = seenLists.get(key);
    if (id === undefined) {
      id = listItems.length;
      listItems.push(list.map(itemAt));
      if (seenLists.size < DEDUPE_LIMIT) seenLists.set(key, id);
    }
    ids[row] = id;
  }
  const items = buildTextColumn(itemTexts);
  const lists = listItems.map((list) => Uint32Array.from(list, (at) => items.ids[at] as number));
  return { ids, lists, items };
}

/** Which lists hold a matching item, by id (1 = matches); `glob` and `test` as for matchingTexts. */
export function matchingLists(
  column: ListColumn,
  glob: AsciiGlob | null,
  test: (text: string) => boolean,
): Uint8Array {
  const itemMatched = matchingTexts(column.items, glob, test);
  const matched = new Uint8Array(column.lists.length);
  for (let id = 1; id < column.lists.length; id++) {
    for (const item of column.lists[id] as Uint32Array)
      if (itemMatched[item] === 1) {
        matched[id] = 1;
        break;
      }
  }
  return matched;
}
