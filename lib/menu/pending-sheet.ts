/**
 * A sheet waiting to be shown: the context menu saves what was selected, then opens sheet.html with
 * its id. Kept in storage.session (memory only, never written to disk, gone when the browser
 * closes), so a selection survives the worker being stopped. The sheet takes it out when it opens
 * (keeping its own copy for a reload of its window); a sheet never opened is pruned on a later
 * save, so the session area's quota (10 MB) never fills and stops the menu.
 */
import { storage } from 'wxt/utils/storage';
import type { SheetRequest } from './handle-menu-click';

export interface PendingSheet extends SheetRequest {
  id: string;
  createdAt: string;
}

/** A sheet not opened within a day was forgotten; more than this many waiting is a stuck window. */
export const SHEET_MAX_AGE_MS = 86_400_000;
export const SHEETS_KEPT = 20;

const PREFIX = 'sheet-';
const keyFor = (id: string) => `session:${PREFIX}${id}` as const;

/**
 * The keys of the sheets to remove: those older than `maxAgeMs` (or with no readable date) and
 * all but the newest `keep`. A date in the future (the clock was set back) counts as new.
 */
export function sheetsToPrune(
  sheets: ReadonlyArray<{ key: string; createdAt: unknown }>,
  now: Date,
  { maxAgeMs = SHEET_MAX_AGE_MS, keep = SHEETS_KEPT } = {},
): string[] {
  const dated = sheets.map(({ key, createdAt }) => ({
    key,
    at: typeof createdAt === 'string' ? Date.parse(createdAt) : Number.NaN,
  }));
  const fresh = dated
    .filter(({ at }) => now.getTime() - at <= maxAgeMs)
    .sort((a, b) => b.at - a.at)
    .slice(0, keep);
  const kept = new Set(fresh.map(({ key }) => key));
  return dated.filter(({ key }) => !kept.has(key)).map(({ key }) => key);
}

export async function saveSheet(request: SheetRequest, now: Date): Promise<PendingSheet> {
  const sheet: PendingSheet = { ...request, id: crypto.randomUUID(), createdAt: now.toISOString() };
  // Pruned before saving, with the new sheet counted, so a full area makes room for it.
  const stored = await storage.snapshot('session');
  const waiting = Object.entries(stored)
    .filter(([key]) => key.startsWith(PREFIX))
    .map(([key, value]) => ({ key, createdAt: (value as Partial<PendingSheet> | null)?.createdAt }));
  const stale = sheetsToPrune([...waiting, { key: `${PREFIX}${sheet.id}`, createdAt: sheet.createdAt }], now);
  if (stale.length > 0) await storage.removeItems(stale.map((key) => `session:${key}` as const));
  await storage.setItem(keyFor(sheet.id), sheet);
  return sheet;
}

/** The sheet, removed from the session area: each is shown once. */
export async function takeSheet(id: string): Promise<PendingSheet | null> {
  const sheet = await storage.getItem<PendingSheet>(keyFor(id));
  if (sheet) await storage.removeItem(keyFor(id));
  return sheet;
}
