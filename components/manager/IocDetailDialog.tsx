import { useEffect, useRef, useState } from 'preact/hooks';
import { defang } from '../../lib/iocs/defang';
import { displayText, escapeHiddenInJson } from '../../lib/iocs/display-text';
import type { Ioc } from '../../lib/s1/schemas';
import { errorText } from '../../lib/text/error-text';
import { useBlockStateLine } from '../page/use-block-cache';

interface Props {
  ioc: Ioc;
  onClose(): void;
  onDelete(ioc: Ioc): Promise<void>;
  onEdit(ioc: Ioc): void;
  onRenew(ioc: Ioc): void;
}

type Step =
  | { kind: 'view' }
  | { kind: 'confirm' }
  | { kind: 'deleting' }
  | { kind: 'error'; message: string };

/** One IOC as the console returned it, with copy actions and a confirmed delete. */
export function IocDetailDialog({ ioc, onClose, onDelete, onEdit, onRenew }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [step, setStep] = useState<Step>({ kind: 'view' });
  const [copied, setCopied] = useState('');
  const blockState = useBlockStateLine(ioc.value);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const copy = async (label: string, text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(`${label} copied.`);
    } catch (error) {
      setCopied(`Could not copy: ${errorText(error)}`);
    }
  };
  // Invisible and bidi characters as \u escapes: the same JSON, copied as it is seen.
  const json = escapeHiddenInJson(JSON.stringify(ioc, null, 2));

  return (
    <dialog ref={dialog} class="detail" aria-labelledby="detail-title" onClose={onClose}>
      <h2 id="detail-title" class="clamped">
        {ioc.type} <span class="mono">{displayText(ioc.value)}</span>
      </h2>
      {/* What the console does with the value: this IOC detects it; the Blocklist and Firewall
          Control, as last synced, say whether it is also blocked. */}
      <p class="block-state" role="status" aria-label="Block state">
        {blockState ?? '\u00a0'}
      </p>
      <pre class="json">{json}</pre>
      <div class="actions">
        <button type="button" onClick={() => void copy('JSON', json)}>
          Copy JSON
        </button>
        <button type="button" onClick={() => void copy('Value', ioc.value)}>
          Copy value
        </button>
        <button type="button" onClick={() => void copy('Defanged value', defang(ioc.value, ioc.type))}>
          Copy defanged
        </button>
        <button
          type="button"
          onClick={() => {
            dialog.current?.close();
            onEdit(ioc);
          }}
        >
          Edit…
        </button>
        <button
          type="button"
          onClick={() => {
            dialog.current?.close();
            onRenew(ioc);
          }}
        >
          Renew…
        </button>
        <button
          type="button"
          class="danger"
          onClick={() => setStep({ kind: 'confirm' })}
          disabled={step.kind === 'deleting'}
        >
          Delete…
        </button>
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
      <p role="status" aria-label="Copy status">
        {copied}
      </p>
      {(step.kind === 'confirm' || step.kind === 'deleting' || step.kind === 'error') && (
        <div role="alertdialog" aria-labelledby="confirm-delete" class="confirm">
          <p id="confirm-delete" class="clamped">
            Delete <strong class="mono">{displayText(ioc.value)}</strong> ({ioc.type}, source{' '}
            {displayText(ioc.source)}) from SentinelOne?
          </p>
          {step.kind === 'error' && (
            <p class="error" data-tone="danger">
              {step.message}
            </p>
          )}
          <button
            type="button"
            class="danger"
            disabled={step.kind === 'deleting'}
            onClick={async () => {
              setStep({ kind: 'deleting' });
              try {
                await onDelete(ioc);
                dialog.current?.close();
              } catch (error) {
                setStep({ kind: 'error', message: errorText(error) });
              }
            }}
          >
            {step.kind === 'deleting' ? 'Deleting…' : 'Delete'}
          </button>
          <button type="button" onClick={() => setStep({ kind: 'view' })} disabled={step.kind === 'deleting'}>
            Cancel
          </button>
        </div>
      )}
    </dialog>
  );
}
