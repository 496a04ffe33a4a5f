import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../lib/store/db';
import { openIocDb } from '../../../lib/store/db';
import { createLogRepo, formatLogFile, formatLogLine, MAX_LOG_ENTRIES } from '../../../lib/store/log-repo';

let n = 0;
const entry = (message: string, level: LogEntry['level'] = 'info'): LogEntry => ({
  at: '2026-11-27T12:00:00.000Z',
  level,
  area: 'sync',
  message,
});

describe('formatLogLine', () => {
  it.each([
    [
      entry('Full sync complete: 2345 IOCs.'),
      '2026-11-27T12:00:00.000Z INFO  [sync] Full sync complete: 2345 IOCs.',
    ],
    [entry('two\nlines', 'error'), '2026-11-27T12:00:00.000Z ERROR [sync] two ⏎ lines'],
    [entry('x', 'debug'), '2026-11-27T12:00:00.000Z DEBUG [sync] x'],
  ])('%j', (e, line) => {
    expect(formatLogLine(e)).toBe(line);
  });

  it('writes one line per entry', () => {
    expect(formatLogFile([entry('a'), entry('b')])).toBe(
      `${formatLogLine(entry('a'))}\n${formatLogLine(entry('b'))}\n`,
    );
    expect(formatLogFile([])).toBe('');
  });
});

describe('createLogRepo', () => {
  it('filters by level', async () => {
    const repo = createLogRepo(openIocDb(`log-test-${++n}`));
    for (const level of ['debug', 'info', 'warn', 'error'] as const) await repo.append(entry(level, level));
    expect((await repo.list('warn')).map((e) => e.message)).toEqual(['warn', 'error']);
    expect(await repo.list()).toHaveLength(4);
  });

  it(`keeps the last ${MAX_LOG_ENTRIES} entries`, async () => {
    const repo = createLogRepo(openIocDb(`log-test-${++n}`));
    const total = MAX_LOG_ENTRIES + 500;
    for (let i = 1; i <= total; i++) await repo.append(entry(`#${i}`));
    const kept = await repo.list();
    expect(kept.length).toBeGreaterThanOrEqual(MAX_LOG_ENTRIES);
    expect(kept.length).toBeLessThan(MAX_LOG_ENTRIES + 250);
    expect(kept.at(-1)?.message).toBe(`#${total}`);
  });
});
