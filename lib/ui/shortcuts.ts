/**
 * The manager's keyboard shortcuts: single keys, as in Gmail or GitHub, so an analyst moves between
 * the filter, a paste and a sync without the mouse. The table is what the shortcuts dialog lists;
 * `shortcutFor` decides, from plain values, whether a key press is one of them.
 */

export type ShortcutId = 'focusFilter' | 'newIocs' | 'grab' | 'help';

export interface Shortcut {
  id: ShortcutId;
  /** `KeyboardEvent.key`, exactly: "?" is Shift+/ on most layouts, so Shift itself is not checked. */
  key: string;
  description: string;
  /** Only once a console is connected: before that, the manager shows nothing but Settings. */
  needsConnection: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'focusFilter', key: '/', description: 'Focus the Value filter of the IOCs', needsConnection: true },
  { id: 'newIocs', key: 'n', description: 'Open New IOCs', needsConnection: true },
  { id: 'grab', key: 'g', description: 'Grab the IOC ✊: fetch what changed now', needsConnection: true },
  { id: 'help', key: '?', description: 'List these shortcuts', needsConnection: false },
];

/** The browser's own shortcut (manifest `commands`), listed beside ours; the analyst may change it. */
export const POPUP_COMMAND = {
  keys: 'Ctrl+Shift+Y',
  macKeys: '⌘+Shift+Y',
  description: 'Open the look-up popup, from any tab',
  changeAt: 'chrome://extensions/shortcuts',
  changeAtFirefox: 'about:addons, ⚙, Manage Extension Shortcuts',
} as const;

/** The parts of a KeyboardEvent that decide. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  /** Held down: one press, one action. */
  repeat?: boolean;
  /** Part of an IME composition, not a key of its own. */
  isComposing?: boolean;
}

export interface ShortcutContext {
  /** The focus is where the key types text or picks an option (see `isTypingTarget`). */
  typing: boolean;
  /** A modal dialog is open: keys belong to it, and the page behind is inert. */
  modalOpen: boolean;
  connected: boolean;
}

/** The shortcut a key press asks for, or null when it is none or must be left to the page. */
export function shortcutFor(press: KeyPress, context: ShortcutContext): Shortcut | null {
  // Ctrl/Alt/Meta combinations are the browser's and the system's (Ctrl+N, Alt+G, ⌘G).
  if (press.ctrlKey || press.altKey || press.metaKey || press.repeat || press.isComposing) return null;
  if (context.typing || context.modalOpen) return null;
  const shortcut = SHORTCUTS.find((candidate) => candidate.key === press.key) ?? null;
  if (shortcut?.needsConnection && !context.connected) return null;
  return shortcut;
}

/** What a focused element is, as `isTypingTarget` needs it. */
export interface FocusTarget {
  tagName: string;
  /** An <input>'s type attribute, lower case. */
  type?: string;
  isContentEditable?: boolean;
}

/** <input> types where a letter is a click or nothing, never text: a shortcut still applies there. */
const NON_TEXT_INPUTS = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'image',
  'range',
  'color',
  'file',
]);

/** Whether a key pressed with this focus types into it (a text field, textarea, select or editable). */
export function isTypingTarget(target: FocusTarget | null): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && !NON_TEXT_INPUTS.has(target.type ?? 'text');
}
