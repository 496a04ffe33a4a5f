/**
 * The manager's single-key shortcuts on the page (which key does what: lib/ui/shortcuts.ts). One
 * listener on the document, reading the focus and the open dialogs at the moment of the key press.
 */
import { useEffect, useRef } from 'preact/hooks';
import { isTypingTarget, type ShortcutId, shortcutFor } from '../../lib/ui/shortcuts';

export type ShortcutActions = Record<ShortcutId, () => void>;

/** The focused element, looking into shadow roots (a field inside one has the focus, not its host). */
function focused(): Element | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element;
}

export function useShortcuts(connected: boolean, actions: ShortcutActions): void {
  // The latest actions and state, without adding and removing the listener on every render.
  const latest = useRef({ connected, actions });
  latest.current = { connected, actions };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Something on the page handled the key already (the grid's keys, a dialog's Esc).
      if (event.defaultPrevented) return;
      const target = focused();
      const shortcut = shortcutFor(event, {
        typing: isTypingTarget(
          target instanceof HTMLElement
            ? {
                tagName: target.tagName,
                type: target instanceof HTMLInputElement ? target.type : undefined,
                isContentEditable: target.isContentEditable,
              }
            : null,
        ),
        modalOpen: document.querySelector('dialog:modal') !== null,
        connected: latest.current.connected,
      });
      if (!shortcut) return;
      // "/" would otherwise open Firefox's quick find, and the key would land in the field it focuses.
      event.preventDefault();
      latest.current.actions[shortcut.id]();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

/**
 * Focuses the control whose label reads `label` inside the element named `region`, once it is on
 * the page (a view just switched to renders on the next frames); gives up after about a second.
 */
export function focusLabelled(region: string, label: string, tries = 60): void {
  const find = () => {
    for (const scope of document.querySelectorAll(`[aria-label="${region}"]`))
      for (const candidate of scope.querySelectorAll('label'))
        if (candidate.textContent?.trim() === label && candidate.control) return candidate.control;
    return null;
  };
  const control = find();
  if (control instanceof HTMLElement) {
    control.focus();
    if (control instanceof HTMLInputElement) control.select();
    return;
  }
  if (tries > 0) requestAnimationFrame(() => focusLabelled(region, label, tries - 1));
}
