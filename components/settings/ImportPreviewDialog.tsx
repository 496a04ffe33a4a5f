import { useEffect, useRef } from 'preact/hooks';
import type { ImportChange } from '../../lib/settings/settings-import-diff';

interface Props {
  fileName: string;
  changes: readonly ImportChange[];
  onApply(): void;
  onClose(): void;
}

/**
 * What a settings file would change, before anything is saved: Apply saves it, Cancel (or Escape)
 * leaves the settings as they are. A file can swap the console and its token at once, so the
 * analyst sees that first.
 */
export function ImportPreviewDialog({ fileName, changes, onApply, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} aria-labelledby="import-title" onClose={onClose}>
      <h2 id="import-title" class="clamped">
        Import {fileName}?
      </h2>
      {changes.length === 0 ? (
        <p>The file changes nothing.</p>
      ) : (
        <table class="log" aria-label="What the import changes">
          <thead>
            <tr>
              <th scope="col">Setting</th>
              <th scope="col">Now</th>
              <th scope="col">After the import</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr key={change.label}>
                <th scope="row">{change.label}</th>
                <td>{change.before}</td>
                <td>{change.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>Nothing is saved until you apply.</p>
      <div class="actions">
        <button
          type="button"
          onClick={() => {
            onApply();
            dialog.current?.close();
          }}
        >
          Apply
        </button>
        <button type="button" onClick={() => dialog.current?.close()}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
