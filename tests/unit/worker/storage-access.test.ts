import { beforeEach, describe, expect, it } from 'vitest';
import { setLogLevel, setLogSink } from '../../../lib/log/log';
import type { LogEntry } from '../../../lib/store/db';
import { restrictStorageToTrustedContexts } from '../../../lib/worker/storage-access';

const logged: LogEntry[] = [];
beforeEach(() => {
  logged.length = 0;
  setLogSink((entry) => logged.push(entry));
  setLogLevel('debug');
});

/** A storage area as the browser has it: with setAccessLevel (Chromium), or without (Firefox's local). */
function area(kind: 'supported' | 'absent' | 'refused') {
  const levels: string[] = [];
  if (kind === 'absent') return { levels };
  return {
    levels,
    setAccessLevel: async ({ accessLevel }: { accessLevel: string }) => {
      if (kind === 'refused') throw new Error('This StorageArea does not support setAccessLevel.');
      levels.push(accessLevel);
    },
  };
}

const lines = () => logged.map(({ level, message }) => `${level}: ${message}`);

describe('restrictStorageToTrustedContexts', () => {
  it('limits local and session storage to trusted contexts where the browser can (Chromium)', async () => {
    const local = area('supported');
    const session = area('supported');
    await restrictStorageToTrustedContexts({ local, session });
    expect(local.levels).toEqual(['TRUSTED_CONTEXTS']);
    expect(session.levels).toEqual(['TRUSTED_CONTEXTS']);
    expect(lines()).toEqual([]);
  });

  it('says so at debug, and fails nothing, where local storage has no access level (Firefox)', async () => {
    const session = area('supported');
    await restrictStorageToTrustedContexts({ local: area('absent'), session });
    expect(session.levels).toEqual(['TRUSTED_CONTEXTS']);
    expect(lines()).toEqual([
      "debug: storage.local cannot be limited to the extension's pages in this browser.",
    ]);
  });

  it('warns when the browser has the method but refuses it', async () => {
    await restrictStorageToTrustedContexts({ local: area('refused') });
    expect(lines()).toEqual([
      "debug: storage.session cannot be limited to the extension's pages in this browser.",
      "warn: storage.local cannot be limited to the extension's pages: This StorageArea does not support setAccessLevel.",
    ]);
  });
});
