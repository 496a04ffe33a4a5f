/** The periodic sync runs on chrome.alarms: an MV3 worker is stopped when idle and its timers with it. */
import { browser } from 'wxt/browser';

/** The first profile's alarm, as named before profiles (each profile has its own: profile-storage-names.ts). */
export const SYNC_ALARM = 'sync';

/** (Re)creates the alarm `name` at the configured interval; an unchanged alarm is left alone. */
export async function scheduleSyncAlarm(intervalMinutes: number, name = SYNC_ALARM): Promise<void> {
  const existing = await browser.alarms.get(name);
  if (existing?.periodInMinutes === intervalMinutes) return;
  await browser.alarms.create(name, {
    periodInMinutes: intervalMinutes,
    delayInMinutes: intervalMinutes,
  });
}
