/**
 * The sheet's own copy of what it shows, in window.sessionStorage: the pending sheet is taken out of
 * storage.session when the sheet opens, and a reload of the same window must still show it.
 */
import type { PendingSheet } from '../../lib/menu/pending-sheet';

const keyFor = (id: string) => `sheet-${id}`;

export function readWindowCopy(id: string): PendingSheet | null {
  try {
    const kept = JSON.parse(sessionStorage.getItem(keyFor(id)) ?? 'null') as PendingSheet | null;
    return kept && kept.id === id && typeof kept.text === 'string' ? kept : null;
  } catch {
    return null;
  }
}

export function keepWindowCopy(sheet: PendingSheet): void {
  try {
    sessionStorage.setItem(keyFor(sheet.id), JSON.stringify(sheet));
  } catch {
    // Over the window's quota: the sheet shows now, and a reload says to select again.
  }
}
