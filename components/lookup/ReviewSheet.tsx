import { useState } from 'preact/hooks';
import type { StoredSettings } from '../../config/settings';
import type { SheetMode } from '../../lib/menu/handle-menu-click';
import type { PendingSheet } from '../../lib/menu/pending-sheet';
import { sendMessage } from '../../lib/messages';
import { storedFireStatus } from '../../lib/sync/fire-status';
import type { SyncStatus } from '../../lib/sync/sync-status';
import { FireNote } from '../fire/FireNotes';
import { NewIocsView } from '../new-iocs/NewIocsView';
import { lookupInCache } from '../page/cache-lookup';
import { LookupAnswers } from './LookupAnswers';
import { useAnswerActions } from './use-answer-actions';
import { useBlockStates } from './use-block-states';
import { useLookup } from './use-lookup';

interface Props {
  sheet: PendingSheet;
  settings: StoredSettings;
  /** Undefined until the published status has been read. */
  status: SyncStatus | undefined;
  onOpen(value: string): void;
}

const TITLES: Readonly<Record<SheetMode, string>> = {
  add: 'Add to SentinelOne',
  lookup: 'Look up in SentinelOne IOCs',
};

/** What the context menu found in a selection: the New IOCs review to block, or the cache's answers. */
export function ReviewSheet({ sheet, settings, status, onOpen }: Props) {
  const [mode, setMode] = useState<SheetMode>(sheet.mode);
  const { answers, error } = useLookup(mode === 'lookup' ? sheet.text : '', status);
  const blockStates = useBlockStates(answers, status);
  const { progress, run } = useAnswerActions(settings);
  const fire = storedFireStatus(status);
  return (
    <main class="sheet-main">
      <h1 class="product-mark">{TITLES[mode]}</h1>
      {sheet.note && (
        <p role="alert" class="status-error" data-tone="danger">
          {sheet.note}
        </p>
      )}
      {mode === 'add' ? (
        <NewIocsView
          lookupExisting={lookupInCache}
          settings={settings}
          initialText={sheet.text}
          firewall={status?.blocks.firewall.available ?? null}
          firewallReason={status?.blocks.firewall.reason}
          onApply={(profileId, requests) => sendMessage('applyActions', requests, profileId)}
        />
      ) : (
        <>
          {error && (
            <p role="alert" class="status-error" data-tone="danger">
              {error}
            </p>
          )}
          <FireNote fire={fire} />
          <LookupAnswers
            fire={fire}
            answers={answers}
            now={Date.now()}
            blockStates={blockStates}
            firewall={status?.blocks.firewall.available ?? null}
            blocklistReadable={status?.blocks.blocklist.readable ?? null}
            progress={progress}
            onAction={(answer, kind) => void run(answer, kind)}
            onOpen={(answer) => onOpen(answer.value)}
          />
          <button type="button" onClick={() => setMode('add')}>
            Review all to add…
          </button>
        </>
      )}
    </main>
  );
}
