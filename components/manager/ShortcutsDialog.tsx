import { POPUP_COMMAND, SHORTCUTS } from '../../lib/ui/shortcuts';
import { Modal } from '../ui/Modal';

interface Props {
  onClose(): void;
}

const onMac = /Mac/.test(navigator.platform);

/** The manager's keyboard shortcuts, and the browser's one for the popup; Esc or Close shut it. */
export function ShortcutsDialog({ onClose }: Props) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose}>
      {({ close }) => (
        <>
          <table aria-label="Shortcuts">
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Does</th>
              </tr>
            </thead>
            <tbody>
              {SHORTCUTS.map((shortcut) => (
                <tr key={shortcut.id}>
                  <td>
                    <kbd>{shortcut.key}</kbd>
                  </td>
                  <td>{shortcut.description}</td>
                </tr>
              ))}
              <tr>
                <td>
                  <kbd>{onMac ? POPUP_COMMAND.macKeys : POPUP_COMMAND.keys}</kbd>
                </td>
                <td>
                  {POPUP_COMMAND.description}; change it at <code>{POPUP_COMMAND.changeAt}</code> (in Firefox:{' '}
                  {POPUP_COMMAND.changeAtFirefox})
                </td>
              </tr>
            </tbody>
          </table>
          <p class="hint">Single keys work anywhere on the page except while typing in a field.</p>
          <div class="actions">
            <button type="button" onClick={close}>
              Close
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}
