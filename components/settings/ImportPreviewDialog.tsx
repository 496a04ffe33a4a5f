import type { ImportChange } from '../../lib/settings/settings-import-diff';
import { Modal } from '../ui/Modal';

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
  return (
    <Modal title={`Import ${fileName}?`} onClose={onClose}>
      {({ close }) => (
        <>
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
                close();
              }}
            >
              Apply
            </button>
            <button type="button" onClick={close}>
              Cancel
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}
