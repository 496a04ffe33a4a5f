import { describe, expect, it } from 'vitest';
import { type ProfileFigures, pasteList, profileRatios } from './profile-ratios';

const figures = (
  popupMs: number,
  pasteMs: number[],
  firstRowsMs: number,
  allView: number | null = null,
  floor = 10,
) =>
  ({
    popupMs,
    pasteMs,
    firstRowsMs,
    allViewFirstRowsMs: allView,
    databasesFloorMs: floor,
  }) satisfies ProfileFigures;

describe('profileRatios', () => {
  it('divides each run’s ten-profile figure by its own one-profile figure', () => {
    const ratios = profileRatios([
      { one: figures(100, [10, 20, 40], 200), ten: figures(110, [10, 20, 60], 300, 500) },
      { one: figures(200, [10], 400), ten: figures(180, [5], 400, 800) },
    ]);
    expect(ratios).toMatchObject({
      popup: [1.1, 0.9],
      paste: [1.5, 0.5],
      firstRows: [1.5, 1],
      allView: [2.5, 2],
    });
  });

  it.each<[string, [number, number], [number, number], number, number]>([
    ['the platform adds nothing: the popup ratio stands', [100, 10], [120, 10], 1, 1.2],
    [
      'the platform adds 30 ms for ten databases: taken off the ten-profile popup',
      [100, 5],
      [140, 35],
      7,
      1.1,
    ],
    ['a popup slower than the platform explains stays over', [100, 5], [200, 35], 7, 1.7],
  ])('%s', (_label, [onePopup, oneFloor], [tenPopup, tenFloor], floorRatio, overFloor) => {
    const ratios = profileRatios([
      { one: figures(onePopup, [1], 1, null, oneFloor), ten: figures(tenPopup, [1], 1, null, tenFloor) },
    ]);
    expect(ratios.floor).toEqual([floorRatio]);
    expect(ratios.popupOverFloor[0]).toBeCloseTo(overFloor, 10);
  });

  it('has no all-view ratio for a run that did not open the view', () => {
    expect(profileRatios([{ one: figures(1, [1], 1), ten: figures(1, [1], 1) }]).allView).toEqual([]);
  });
});

describe('pasteList', () => {
  const sources = {
    first: Array.from({ length: 5000 }, (_, i) => `first-${i}`),
    seventh: Array.from({ length: 5000 }, (_, i) => `seventh-${i}`),
    absent: Array.from({ length: 1000 }, (_, i) => `absent-${i}`),
  };

  it('interleaves the kinds: 8 of the first profile, 4 of the seventh, 8 absent', () => {
    const list = pasteList(sources);
    expect(list).toHaveLength(20);
    expect(list.slice(0, 5).map((value) => value.split('-')[0])).toEqual([
      'first',
      'absent',
      'seventh',
      'first',
      'absent',
    ]);
    expect(list.filter((value) => value.startsWith('seventh'))).toHaveLength(4);
  });

  it('never pastes a value twice, even from short lists', () => {
    const list = pasteList({ first: ['a', 'b'], seventh: ['c'], absent: ['d', 'e', 'f'] });
    expect(new Set(list).size).toBe(list.length);
  });
});
