/** The periodic sync runs on chrome.alarms: an MV3 worker is stopped when idle and its timers with it. */
import { browser } from 'wxt/browser';

export const SYNC_ALARM = 'sync';

/** (Re)creates the alarm at the configured interval; an unchanged alarm is left alone. */
export async function scheduleSyncAlarm(intervalMinutes: number): Promise<void> {
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (existing?.periodInMinutes === intervalMinutes) return;
  await browser.alarms.create(SYNC_ALARM, {
    periodInMinutes: intervalMinutes,
    delayInMinutes: intervalMinutes,
  });
}
