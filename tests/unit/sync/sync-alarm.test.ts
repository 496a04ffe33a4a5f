import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SYNC_ALARM, scheduleSyncAlarm } from '../../../lib/sync/sync-alarm';

describe('scheduleSyncAlarm', () => {
  beforeEach(() => fakeBrowser.reset());

  it('creates the periodic alarm at the configured interval and moves it when that changes', async () => {
    await scheduleSyncAlarm(15);
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toMatchObject({ name: SYNC_ALARM, periodInMinutes: 15 });
    await scheduleSyncAlarm(5);
    expect(await fakeBrowser.alarms.getAll()).toEqual([expect.objectContaining({ periodInMinutes: 5 })]);
  });
});
