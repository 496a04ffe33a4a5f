/**
 * The persistent activity log: a bounded ring in IndexedDB (the original tool truncated its
 * S1_IOC_manager.log at every start; ours keeps the last MAX_LOG_ENTRIES across restarts).
 */
import type { IocDatabase, LogEntry } from './db';

export const MAX_LOG_ENTRIES = 10_000;
/** Trimming every write would double the writes; every TRIM_EVERY-th is enough for a ring this size. */
const TRIM_EVERY = 250;

export const LOG_LEVELS_ORDER: Record<LogEntry['level'], number> = { debug: 0, info: 1, warn: 2, error: 3 };

export function createLogRepo(database: Promise<IocDatabase>) {
  return {
    async append(entry: LogEntry): Promise<void> {
      const db = await database;
      const seq = await db.add('log', entry);
      if (seq % TRIM_EVERY === 0) await db.delete('log', IDBKeyRange.upperBound(seq - MAX_LOG_ENTRIES));
    },
    /** Entries at `minLevel` or above, oldest first. */
    async list(minLevel: LogEntry['level'] = 'debug'): Promise<LogEntry[]> {
      const entries = await (await database).getAll('log');
      return entries.filter((entry) => LOG_LEVELS_ORDER[entry.level] >= LOG_LEVELS_ORDER[minLevel]);
    },
    async clear(): Promise<void> {
      await (await database).clear('log');
    },
  };
}

export type LogRepo = ReturnType<typeof createLogRepo>;

/** One entry as a line of S1_IOC_manager.log: `2026-11-27T12:00:00.000Z INFO  [sync] message`. */
export function formatLogLine(entry: LogEntry): string {
  const message = entry.message.replace(/\r?\n/g, ' ⏎ ');
  return `${entry.at} ${entry.level.toUpperCase().padEnd(5)} [${entry.area}] ${message}`;
}

export const LOG_FILE_NAME = 'S1_IOC_manager.log';

export function formatLogFile(entries: readonly LogEntry[]): string {
  return entries.map(formatLogLine).join('\n') + (entries.length > 0 ? '\n' : '');
}
