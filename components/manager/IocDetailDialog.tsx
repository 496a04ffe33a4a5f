import { useState } from 'preact/hooks';
import { defang } from '../../lib/iocs/defang';
import { displayText, escapeHiddenInJson } from '../../lib/iocs/display-text';
import type { Tenant } from '../../lib/iocs/tenants';
import type { Ioc } from '../../lib/s1/schemas';
import type { BlockRepo } from '../../lib/store/block-repo';
import type { FireStatus } from '../../lib/sync/fire-status';
import { FireSentence } from '../fire/FireNotes';
import { useBlockStateLine } from '../page/use-block-cache';
import { PivotLinks } from '../pivots/PivotLinks';
import { DetailActions } from '../ui/DetailActions';
import { Modal } from '../ui/Modal';
import { IDLE, StatusLine } from '../ui/StatusLine';
import { type Action, useAction } from '../ui/use-action';
import type { Copyable } from '../ui/use-copy';
import { IocContextList } from './IocContextList';
import { TenantLine } from './TenantLine';

interface Props {
  ioc: Ioc;
  /** Across profiles: the tenant the IOC is in, and that tenant's cached blocks. */
  tenant?: Tenant;
  blocks?: BlockRepo;
  /** The scope's TI settings from the last sync, for whether this IOC raises a threat; absent across profiles. */
  fire?: FireStatus | null;
  onClose(): void;
  onDelete(ioc: Ioc): Promise<void>;
  onEdit(ioc: Ioc): void;
  onRenew(ioc: Ioc): void;
}

/** One IOC as the console returned it, with copy actions and a confirmed delete. */
export function IocDetailDialog({ ioc, onClose, ...actions }: Props) {
  const title = (
    <>
      {ioc.type} <span class="mono">{displayText(ioc.value)}</span>
    </>
  );
  return (
    <Modal title={title} class="detail" onClose={onClose}>
      {({ close }) => <IocDetail ioc={ioc} close={close} {...actions} />}
    </Modal>
  );
}

function IocDetail({
  ioc,
  tenant,
  blocks,
  fire,
  close,
  onDelete,
  onEdit,
  onRenew,
}: Omit<Props, 'onClose'> & { close(): void }) {
  const [confirming, setConfirming] = useState(false);
  const remove = useAction('Deleting…', async () => {
    await onDelete(ioc);
    close();
    return undefined;
  });
  const blockState = useBlockStateLine(ioc.value, blocks);
  // Invisible and bidi characters as \u escapes: the same JSON, copied as it is seen.
  const json = escapeHiddenInJson(JSON.stringify(ioc, null, 2));
  const copies: Copyable[] = [
    { button: 'Copy JSON', what: 'JSON', text: json },
    { button: 'Copy value', what: 'Value', text: ioc.value },
    { button: 'Copy defanged', what: 'Defanged value', text: defang(ioc.value, ioc.type) },
  ];
  const closeAnd = (then: (ioc: Ioc) => void) => () => {
    close();
    then(ioc);
  };

  return (
    <>
      {tenant && <TenantLine tenant={tenant} />}
      {/* What the console does with the value: this IOC detects it; the Blocklist and Firewall
          Control, as last synced, say whether it is also blocked. */}
      <p class="block-state" role="status" aria-label="Block state">
        {blockState ?? '\u00a0'}
      </p>
      {fire !== undefined && <FireSentence fire={fire} ioc={ioc} />}
      <IocContextList ioc={ioc} />
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a long JSON scrolls inside the dialog, and a keyboard can scroll only what takes the focus (WCAG 2.1.1). */}
      <pre class="json" tabIndex={0}>
        {json}
      </pre>
      <PivotLinks value={ioc.value} type={ioc.type} profileId={tenant?.id} />
      <DetailActions copies={copies} close={close}>
        <button type="button" onClick={closeAnd(onEdit)}>
          Edit…
        </button>
        <button type="button" onClick={closeAnd(onRenew)}>
          Renew…
        </button>
        <button type="button" class="danger" onClick={() => setConfirming(true)} disabled={remove.busy}>
          Delete…
        </button>
      </DetailActions>
      {confirming && (
        <DeleteQuestion
          ioc={ioc}
          tenant={tenant}
          remove={remove}
          onCancel={() => {
            setConfirming(false);
            remove.setStatus(IDLE);
          }}
        />
      )}
    </>
  );
}

/** The delete, asked in place: the value, its type and source, and why it failed if it did. */
function DeleteQuestion({
  ioc,
  tenant,
  remove,
  onCancel,
}: {
  ioc: Ioc;
  tenant?: Tenant;
  remove: Action<[]>;
  onCancel(): void;
}) {
  return (
    <div role="alertdialog" aria-labelledby="confirm-delete" class="confirm">
      <p id="confirm-delete" class="clamped">
        Delete <strong class="mono">{displayText(ioc.value)}</strong> ({ioc.type}, source{' '}
        {displayText(ioc.source)}) from SentinelOne
        {tenant ? ` tenant ${displayText(tenant.label)}` : ''}?
      </p>
      {remove.status.kind === 'error' && <StatusLine label="Delete status" status={remove.status} />}
      <button type="button" class="danger" disabled={remove.busy} onClick={() => void remove.run()}>
        {remove.busy ? 'Deleting…' : 'Delete'}
      </button>
      <button type="button" onClick={onCancel} disabled={remove.busy}>
        Cancel
      </button>
    </div>
  );
}
