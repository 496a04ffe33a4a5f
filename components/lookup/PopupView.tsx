import { useEffect, useRef, useState } from 'preact/hooks';
import type { StoredSettings } from '../../config/settings';
import { IDLE_STATUS, type SyncStatus, syncHeadline, tokenWarning } from '../../lib/sync/sync-status';
import { toneOf } from '../../lib/ui/tones';
import { whenIdle } from '../page/when-idle';
import { LookupAnswers } from './LookupAnswers';
import { useAnswerActions } from './use-answer-actions';
import { useBlockStates } from './use-block-states';
import { preloadFullLookup, useLookup } from './use-lookup';

interface Props {
  settings: StoredSettings | undefined;
  /** Undefined until the published status has been read. */
  status: SyncStatus | undefined;
  onOpen(value: string): void;
  onOpenSettings(): void;
}

const formatTime = (iso: string) => new Date(iso).toLocaleString();

/** The toolbar popup: is this value in SentinelOne? Answered from the local cache as you type. */
export function PopupView({ settings, status: published, onOpen, onOpenSettings }: Props) {
  const status = published ?? IDLE_STATUS;
  const [text, setText] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);
  // autofocus alone is not honoured in every browser's popup: focus once, when it opens.
  useEffect(() => {
    box.current?.focus();
    return whenIdle(() => void preloadFullLookup());
  }, []);
  const { answers, error } = useLookup(text, published);
  const blockStates = useBlockStates(answers, published);
  const { progress, run } = useAnswerActions(settings);
  const connected = Boolean(settings?.connection);
  const headline = syncHeadline(status, formatTime);
  const warnings = [
    settings && !connected ? 'Not connected: set the console URL and API token first.' : null,
    tokenWarning(status, Date.now()),
    // Unconfigured, the sync "fails" for the reason the line above already gives.
    connected && headline.state === 'failed' ? headline.text : null,
    error,
  ].filter((w, i, all): w is string => w !== null && all.indexOf(w) === i);
  const now = Date.now();

  return (
    <main>
      {/* Named for screen readers, which list a page by its first heading; the 400 px have no room for it. */}
      <h1 class="visually-hidden">S1 IOC Manager look-up</h1>
      <div class="popup-status">
        <output aria-label="IOC count">{status.iocCount.toLocaleString('en-US')} IOCs cached</output>
        <span
          role="status"
          aria-label="Sync status"
          class={`sync-${headline.state}`}
          data-tone={toneOf('sync', headline.state)}
        >
          {settings && !connected
            ? 'Not connected'
            : headline.state === 'failed'
              ? 'Last sync failed'
              : headline.text}
        </span>
      </div>
      {warnings.map((warning) => (
        <p key={warning} role="alert" class="status-error" data-tone="danger">
          {warning}
        </p>
      ))}
      {settings && !connected && (
        <button type="button" class="primary" onClick={onOpenSettings}>
          Open the connection screen
        </button>
      )}
      <label for="lookup">Look up values (one or many; defanged is fine)</label>
      <textarea
        id="lookup"
        rows={3}
        autofocus
        ref={box}
        value={text}
        onInput={(event) => setText(event.currentTarget.value)}
        placeholder="evil[.]com, 1.2.3.4, a hash…"
      />
      <LookupAnswers
        answers={answers}
        now={now}
        blockStates={blockStates}
        firewall={status.blocks.firewall.available}
        blocklistReadable={status.blocks.blocklist.readable}
        progress={progress}
        onAction={connected ? (answer, kind) => void run(answer, kind) : undefined}
        onOpen={(answer) => onOpen(answer.value)}
      />
    </main>
  );
}
