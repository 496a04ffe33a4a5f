import { describe, expect, it } from 'vitest';
import { browserTicks, type ProcStat, parseProcStat } from './process-cpu';

describe('parseProcStat', () => {
  it.each<[string, string, ProcStat | null]>([
    [
      'a plain name',
      '4242 (chromium) S 4000 4242 4000 0 -1 4194560 100 0 0 0 150 30 7 3 20 0 1 0 100 0 0',
      { pid: 4242, ppid: 4000, comm: 'chromium', ticks: 150 + 30 + 7 + 3 },
    ],
    [
      'a name with spaces and parentheses',
      '77 (Web (Content) x) R 1 77 1 0 -1 0 0 0 0 0 5 6 0 0 20 0 1 0 100 0 0',
      { pid: 77, ppid: 1, comm: 'Web (Content) x', ticks: 11 },
    ],
    ['not a stat line', 'garbage', null],
  ])('%s', (_name, line, expected) => {
    expect(parseProcStat(line)).toEqual(expected);
  });
});

describe('browserTicks', () => {
  const stat = (pid: number, ppid: number, comm: string, ticks: number): ProcStat => ({
    pid,
    ppid,
    comm,
    ticks,
  });
  const NODE = 10;
  it.each<[string, ProcStat[], number]>([
    ['no browser', [stat(NODE, 1, 'node', 500)], 0],
    [
      'the browser and every descendant, whatever its name',
      [
        stat(NODE, 1, 'node', 500),
        stat(20, NODE, 'chromium', 100),
        stat(21, 20, 'chromium', 10),
        stat(22, 21, 'chromium', 5),
        stat(23, 20, 'crashpad_handle', 1),
      ],
      116,
    ],
    [
      'not the other children of the launcher, nor processes elsewhere',
      [
        stat(NODE, 1, 'node', 500),
        stat(30, NODE, 'esbuild', 70),
        stat(40, 1, 'chromium', 900),
        stat(20, NODE, 'chrome', 3),
      ],
      3,
    ],
  ])('%s', (_name, stats, expected) => {
    expect(browserTicks(stats, NODE)).toBe(expected);
  });
});
