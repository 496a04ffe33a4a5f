/**
 * The context fields (rich-fields.ts) between the forms and the drafts: as the analyst typed them,
 * as sent on POST, and as checked after an edit. The console upserts on POST
 * (docs/sentinelone-api.md#upsert-semantics): a field left out is not meant to change, an empty
 * list clears it (lib/s1/schemas.ts, IocDraftSchema), so an unset field is never sent as [].
 */
import type { Ioc, IocDraft } from '../s1/schemas';
import {
  listFromText,
  RICH_FIELDS,
  RICH_LIST_KEYS,
  type RichKey,
  type RichListKey,
  richFieldText,
} from './rich-fields';

export interface ContextText {
  /** 0–7, or null for none. */
  severity: number | null;
  /** Each list as the analyst typed it ("APT28, Sofacy"); listFromText makes the list sent. */
  lists: Partial<Record<RichListKey, string>>;
}

/** The context fields of a draft, as IocDraft names them. */
export type ContextDraft = Pick<IocDraft, RichKey>;

export const emptyContext = (): ContextText => ({ severity: null, lists: {} });

/** What a form shows for an IOC: its severity, and its lists joined with ", ". */
export function contextTextOf(ioc: Partial<Pick<Ioc, RichKey>>): ContextText {
  const lists: Partial<Record<RichListKey, string>> = {};
  for (const key of RICH_LIST_KEYS) {
    const list = ioc[key];
    if (list && list.length > 0) lists[key] = list.join(', ');
  }
  return { severity: ioc.severity ?? null, lists };
}

/** Whether any context field is set, so the form opens its Context group. */
export function hasContext(context: ContextText | undefined): boolean {
  if (!context) return false;
  return (
    context.severity !== null ||
    RICH_LIST_KEYS.some((key) => listFromText(context.lists[key] ?? '').length > 0)
  );
}

/** The fields to send: the severity when chosen, each list that has an item; nothing else. */
export function contextDraft(context: ContextText | undefined): ContextDraft {
  const draft: ContextDraft = {};
  if (!context) return draft;
  if (context.severity !== null) draft.severity = context.severity;
  for (const key of RICH_LIST_KEYS) {
    const list = listFromText(context.lists[key] ?? '');
    if (list.length > 0) draft[key] = list;
  }
  return draft;
}

/**
 * An IOC's own context fields as sent again (a renew): the severity and each non-empty list. The
 * console's upsert is said to keep what is left out, but which fields it keeps is UNCONFIRMED
 * (docs/sentinelone-api.md#upsert-semantics), so a re-sent IOC carries its context itself.
 */
export function contextOfIoc(ioc: Partial<Pick<Ioc, RichKey>>): ContextDraft {
  const draft: ContextDraft = {};
  if (typeof ioc.severity === 'number') draft.severity = ioc.severity;
  for (const key of RICH_LIST_KEYS) {
    const list = ioc[key];
    if (list && list.length > 0) draft[key] = [...list];
  }
  return draft;
}

/**
 * The lists an edit emptied that the IOC had, as [] so the upsert clears them; a list the IOC did
 * not have is left out. The severity cannot be cleared this way (no draft value means "none"), so
 * the edit does not offer "none" for an IOC that has one.
 */
export function clearedLists(ioc: Partial<Pick<Ioc, RichKey>>, context: ContextText): ContextDraft {
  const draft: ContextDraft = {};
  for (const key of RICH_LIST_KEYS) {
    const had = (ioc[key] ?? []).length > 0;
    if (had && listFromText(context.lists[key] ?? '').length === 0) draft[key] = [];
  }
  return draft;
}

const sameList = (sent: readonly string[], held: readonly string[] | null | undefined): boolean => {
  const heldList = held ?? [];
  return sent.length === heldList.length && sent.every((item) => heldList.includes(item));
};

/** Whether `ioc` holds every context field `draft` sent (a list in any order; [] matches none). */
export function holdsContext(draft: ContextDraft, ioc: Partial<Pick<Ioc, RichKey>>): boolean {
  if (draft.severity !== undefined && draft.severity !== ioc.severity) return false;
  return RICH_LIST_KEYS.every((key) => {
    const sent = draft[key];
    return sent === undefined || sameList(sent, ioc[key]);
  });
}

/**
 * No console limit on these lists is documented (UNCONFIRMED). These only catch the IOC values
 * pasted into a context box, which would copy hundreds of "labels" onto every IOC: real context
 * (STIX relationships, MISP galaxies) runs to a few names, and a reference URL to a few hundred
 * characters.
 */
export const MAX_LIST_ITEMS = 50;
export const MAX_ITEM_LENGTH = 2048;

/** The first problem with the context fields as a sentence naming the field, or null. */
export function validateContext(context: ContextText | undefined): string | null {
  if (!context) return null;
  const { severity } = context;
  if (severity !== null && (!Number.isInteger(severity) || severity < 0 || severity > 7)) {
    return 'Severity must be a whole number from 0 to 7.';
  }
  for (const { key, label } of RICH_FIELDS) {
    if (key === 'severity') continue;
    const list = listFromText(context.lists[key] ?? '');
    if (list.length > MAX_LIST_ITEMS) return `${label} can hold at most ${MAX_LIST_ITEMS} items.`;
    if (list.some((item) => item.length > MAX_ITEM_LENGTH)) {
      return `Each item of ${label} must be at most ${MAX_ITEM_LENGTH} characters.`;
    }
  }
  return null;
}

/** The context fields `ioc` has, as the detail lists them: label and text, in RICH_FIELDS order. */
export function contextLines(ioc: Partial<Pick<Ioc, RichKey>>): Array<{ label: string; text: string }> {
  return RICH_FIELDS.flatMap(({ key, label }) => {
    const text = richFieldText(ioc, key);
    return text === '' ? [] : [{ label, text }];
  });
}
