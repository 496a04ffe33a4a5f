/**
 * One logger module for the whole extension: a named loglevel logger per area (`logFor('sync')`). Every
 * message is redacted before it reaches the console or the activity log, and each context (service
 * worker, manager tab) hands its entries to a sink that persists them.
 */
import log from 'loglevel';
import type { LogEntry } from '../store/db';
import { redact } from './redact';

type Sink = (entry: LogEntry) => void;
let sink: Sink | null = null;

/** Where log entries go besides the console (the IndexedDB activity log); null stops persisting. */
export function setLogSink(next: Sink | null): void {
  sink = next;
}

const MAX_MESSAGE = 4_000;

/** Log arguments as one line of text; errors by their message, objects as JSON. */
export function formatArgs(args: readonly unknown[]): string {
  const text = args
    .map((arg) => {
      if (typeof arg === 'string') return arg;
      if (arg instanceof Error) return arg.message;
      try {
        return JSON.stringify(arg);
      } catch {
        return String(arg);
      }
    })
    .join(' ');
  return redact(text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text);
}

const levelOf = (method: string): LogEntry['level'] =>
  method === 'trace' ? 'debug' : (method as LogEntry['level']);

const consoleFactory = log.methodFactory;
log.methodFactory = (method, level, loggerName) => {
  const toConsole = consoleFactory(method, level, loggerName);
  return (...args: unknown[]) => {
    const message = formatArgs(args);
    toConsole(message);
    sink?.({ at: new Date().toISOString(), level: levelOf(method), area: String(loggerName), message });
  };
};
log.setDefaultLevel('info');
log.rebuild();

/** The logger of one area of the extension. */
export const logFor = (area: string) => log.getLogger(area);

/** Sets the lowest level every logger keeps. */
export function setLogLevel(level: LogEntry['level']): void {
  log.setDefaultLevel(level);
  for (const logger of Object.values(log.getLoggers())) logger.setLevel(level, false);
}
