/**
 * A sheet waiting to be shown: the context menu saves what was selected, then opens sheet.html with
 * its id. Kept in storage.session (memory only, never written to disk, gone when the browser
 * closes), so a selection survives the worker being stopped and a reload of the sheet.
 */
import { storage } from 'wxt/utils/storage';
import type { SheetRequest } from './handle-menu-click';

export interface PendingSheet extends SheetRequest {
  id: string;
  createdAt: string;
}

const keyFor = (id: string) => `session:sheet-${id}` as const;

export async function saveSheet(request: SheetRequest, now: Date): Promise<PendingSheet> {
  const sheet: PendingSheet = { ...request, id: crypto.randomUUID(), createdAt: now.toISOString() };
  await storage.setItem(keyFor(sheet.id), sheet);
  return sheet;
}

export function readSheet(id: string): Promise<PendingSheet | null> {
  return storage.getItem<PendingSheet>(keyFor(id));
}
