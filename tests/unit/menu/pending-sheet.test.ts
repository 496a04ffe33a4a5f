import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveSheet, sheetsToPrune, takeSheet } from '../../../lib/menu/pending-sheet';

const NOW = new Date(Date.UTC(2026, 3, 28, 8, 0, 0));
const HOUR = 3_600_000;
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const sheet = (key: string, createdAt: unknown) => ({ key, createdAt });

describe('sheetsToPrune', () => {
  it.each<[string, Array<{ key: string; createdAt: unknown }>, string[]]>([
    ['nothing waiting', [], []],
    ['a sheet just saved', [sheet('a', ago(0))], []],
    ['a sheet a day old, to the millisecond', [sheet('a', ago(24 * HOUR))], []],
    ['a sheet older than a day', [sheet('old', ago(24 * HOUR + 1)), sheet('new', ago(HOUR))], ['old']],
    ['a date that cannot be read', [sheet('bad', 'yesterday'), sheet('none', undefined)], ['bad', 'none']],
    [
      'a date in the future (the clock was set back)',
      [sheet('a', new Date(NOW.getTime() + HOUR).toISOString())],
      [],
    ],
  ])('%s', (_name, sheets, pruned) => {
    expect(sheetsToPrune(sheets, NOW)).toEqual(pruned);
  });

  it('keeps only the newest, whatever their order', () => {
    const sheets = [
      sheet('2h', ago(2 * HOUR)),
      sheet('1h', ago(HOUR)),
      sheet('3h', ago(3 * HOUR)),
      sheet('0h', ago(0)),
    ];
    expect(sheetsToPrune(sheets, NOW, { keep: 2 })).toEqual(['2h', '3h']);
  });

  it('keeps 20 by default', () => {
    const sheets = Array.from({ length: 25 }, (_, i) => sheet(`s${i}`, ago(i * 60_000)));
    expect(sheetsToPrune(sheets, NOW)).toEqual(['s20', 's21', 's22', 's23', 's24']);
  });
});

describe('saveSheet and takeSheet', () => {
  beforeEach(() => fakeBrowser.reset());
  const waiting = async () =>
    Object.keys(await fakeBrowser.storage.session.get(null))
      .filter((key) => key.startsWith('sheet-'))
      .sort();

  it('hands a sheet over once, then it is gone', async () => {
    const saved = await saveSheet({ mode: 'add', text: 'evil.com', note: 'n' }, NOW);
    expect(await waiting()).toEqual([`sheet-${saved.id}`]);
    expect(await takeSheet(saved.id)).toEqual({
      mode: 'add',
      text: 'evil.com',
      note: 'n',
      id: saved.id,
      createdAt: NOW.toISOString(),
    });
    expect(await waiting()).toEqual([]);
    expect(await takeSheet(saved.id)).toBeNull();
  });

  it('prunes old and surplus sheets on save, and leaves other session data alone', async () => {
    await fakeBrowser.storage.session.set({
      'sheet-old': { id: 'old', mode: 'add', text: 'x', createdAt: ago(25 * HOUR) },
      'sheet-broken': 'not a sheet',
      'sync-status': { running: true },
      ...Object.fromEntries(
        Array.from({ length: 20 }, (_, i) => [
          `sheet-k${i}`,
          { id: `k${i}`, mode: 'add', text: 'x', createdAt: ago((i + 1) * 60_000) },
        ]),
      ),
    });
    const saved = await saveSheet({ mode: 'lookup', text: 'evil.com' }, NOW);
    const expected = [`sheet-${saved.id}`, ...Array.from({ length: 19 }, (_, i) => `sheet-k${i}`)].sort();
    expect(await waiting()).toEqual(expected);
    expect(await fakeBrowser.storage.session.get('sync-status')).toEqual({
      'sync-status': { running: true },
    });
  });
});
