import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatArgs, logFor, setLogLevel, setLogSink } from '../../../lib/log/log';
import { registerSecret } from '../../../lib/log/redact';
import type { LogEntry } from '../../../lib/store/db';

describe('formatArgs', () => {
  it.each([
    [['a', 'b'], 'a b'],
    [[new Error('boom')], 'boom'],
    [[{ n: 1 }], '{"n":1}'],
    [['x'.repeat(5000)], `${'x'.repeat(4000)}…`],
  ])('%j', (args, text) => {
    expect(formatArgs(args)).toBe(text);
  });
});

describe('logFor', () => {
  afterEach(() => {
    setLogSink(null);
    setLogLevel('info');
  });

  it('hands each entry, redacted, to the sink and the console, at or above the level', () => {
    const entries: LogEntry[] = [];
    setLogSink((entry) => entries.push(entry));
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    registerSecret('token-for-the-log-test-123');
    const log = logFor('test-area');
    log.debug('hidden at info');
    log.info('sent with token-for-the-log-test-123');
    expect(entries).toEqual([
      { at: expect.any(String), level: 'info', area: 'test-area', message: 'sent with [redacted]' },
    ]);
    expect(info).toHaveBeenCalledWith('sent with [redacted]');
    setLogLevel('debug');
    log.debug('now kept');
    expect(entries.at(-1)).toMatchObject({ level: 'debug', message: 'now kept' });
  });
});
