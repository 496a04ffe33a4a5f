import { Modal } from './Modal';
import { StatusLine } from './StatusLine';
import { useAction } from './use-action';

interface Props {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm(): Promise<void>;
  onClose(): void;
}

/** A modal question with one destructive answer; a failure stays in the dialog with its reason. */
export function ConfirmDialog({ title, message, confirmLabel, onConfirm, onClose }: Props) {
  return (
    <Modal title={title} onClose={onClose}>
      {({ close }) => (
        <ConfirmBody message={message} confirmLabel={confirmLabel} onConfirm={onConfirm} close={close} />
      )}
    </Modal>
  );
}

function ConfirmBody({
  message,
  confirmLabel,
  onConfirm,
  close,
}: Pick<Props, 'message' | 'confirmLabel' | 'onConfirm'> & { close(): void }) {
  const confirm = useAction('Working…', async () => {
    await onConfirm();
    close();
    return undefined;
  });
  return (
    <>
      <p>{message}</p>
      {confirm.status.kind === 'error' && <StatusLine label="Confirm status" status={confirm.status} />}
      <div class="actions">
        <button type="button" class="danger" disabled={confirm.busy} onClick={() => void confirm.run()}>
          {confirm.busy ? 'Working…' : confirmLabel}
        </button>
        <button type="button" disabled={confirm.busy} onClick={close}>
          Cancel
        </button>
      </div>
    </>
  );
}
