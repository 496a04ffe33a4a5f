import { useEffect, useState } from 'preact/hooks';
import { displayText } from '../../lib/iocs/display-text';
import type { LogEntry } from '../../lib/store/db';
import { openIocDb } from '../../lib/store/db';
import { createLogRepo, formatLogFile, LOG_FILE_NAME } from '../../lib/store/log-repo';
import { errorText } from '../../lib/text/error-text';
import { toneOf } from '../../lib/ui/tones';
import { downloadText } from '../page/download';
import { IDLE, type Status, StatusLine } from '../ui/StatusLine';

const logRepo = createLogRepo(openIocDb());
const LEVELS: Array<LogEntry['level']> = ['debug', 'info', 'warn', 'error'];

/** The activity log: newest first, filtered by level, downloadable as S1_IOC_manager.log. */
export function LogView() {
  const [level, setLevel] = useState<LogEntry['level']>('info');
  const [entries, setEntries] = useState<LogEntry[] | null>(null);
  const [status, setStatus] = useState<Status>(IDLE);
  // Not useAction: a level picked while a read is under way must read again, not be ignored.
  const load = () =>
    logRepo.list(level).then(
      (list) => {
        setEntries(list.reverse());
        setStatus(IDLE);
      },
      (e: unknown) =>
        setStatus({ kind: 'error', text: `The activity log could not be read: ${errorText(e)}` }),
    );
  useEffect(() => {
    void load();
  }, [level]);

  return (
    <section aria-label="Activity log" class="log-view">
      <div class="toolbar">
        <label>
          Level
          <select
            value={level}
            onChange={(event) => setLevel(event.currentTarget.value as LogEntry['level'])}
          >
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {l} and above
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void load()}>
          Refresh
        </button>
        <button
          type="button"
          onClick={async () =>
            downloadText(LOG_FILE_NAME, formatLogFile(await logRepo.list('debug')), 'text/plain')
          }
        >
          Download {LOG_FILE_NAME}
        </button>
      </div>
      <StatusLine label="Log status" status={status} />
      <table class="log">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Level</th>
            <th scope="col">Area</th>
            <th scope="col">Message</th>
          </tr>
        </thead>
        <tbody>
          {(entries ?? []).slice(0, 2000).map((entry) => (
            <tr key={entry.seq} class={`log-${entry.level}`} data-tone={toneOf('log', entry.level)}>
              <td>{new Date(entry.at).toLocaleString()}</td>
              <td>{entry.level}</td>
              <td>{entry.area}</td>
              <td>{displayText(entry.message)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries?.length === 0 && <p>No entries at this level yet.</p>}
    </section>
  );
}
