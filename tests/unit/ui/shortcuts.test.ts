/** The manager's single-key shortcuts: which key does what, and when a key is left to the page. */
import { describe, expect, it } from 'vitest';
import {
  isTypingTarget,
  type KeyPress,
  SHORTCUTS,
  type ShortcutContext,
  shortcutFor,
} from '../../../lib/ui/shortcuts';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...extra,
});
const READY: ShortcutContext = { typing: false, modalOpen: false, connected: true };

describe('shortcutFor', () => {
  it.each([
    ['/', 'focusFilter'],
    ['n', 'newIocs'],
    ['g', 'grab'],
    ['?', 'help'],
  ])('%s → %s', (key, id) => {
    expect(shortcutFor(press(key), READY)?.id).toBe(id);
  });

  it.each([
    ['a letter with no shortcut', 'x'],
    ['an upper-case N (Shift or Caps Lock: not ours)', 'N'],
    ['Enter, which the grid uses', 'Enter'],
    ['Escape, which closes dialogs', 'Escape'],
    ['a space', ' '],
    ['an empty key', ''],
  ])('ignores %s', (_, key) => {
    expect(shortcutFor(press(key), READY)).toBeNull();
  });

  it.each(SHORTCUTS.map((shortcut) => shortcut.key))('ignores %s while the focus is in a field', (key) => {
    expect(shortcutFor(press(key), { ...READY, typing: true })).toBeNull();
  });

  it.each(SHORTCUTS.map((shortcut) => shortcut.key))('ignores %s while a modal dialog is open', (key) => {
    expect(shortcutFor(press(key), { ...READY, modalOpen: true })).toBeNull();
  });

  it.each(
    SHORTCUTS.flatMap((shortcut) =>
      (['ctrlKey', 'altKey', 'metaKey'] as const).map((modifier) => [shortcut.key, modifier] as const),
    ),
  )('ignores %s with %s held (the browser’s and the system’s)', (key, modifier) => {
    expect(shortcutFor(press(key, { [modifier]: true }), READY)).toBeNull();
  });

  it.each([
    ['a held key repeating', { repeat: true }],
    ['an IME composition', { isComposing: true }],
  ])('ignores %s', (_, extra) => {
    expect(shortcutFor(press('n', extra), READY)).toBeNull();
  });

  it('takes Shift as part of the key: "?" is Shift+/', () => {
    expect(shortcutFor({ ...press('?'), shiftKey: true } as KeyPress, READY)?.id).toBe('help');
  });

  it.each([
    ['/', null],
    ['n', null],
    ['g', null],
    ['?', 'help'],
  ])('before a console is connected, %s → %s', (key, id) => {
    expect(shortcutFor(press(key), { ...READY, connected: false })?.id ?? null).toBe(id);
  });

  it('gives each key one shortcut', () => {
    const keys = SHORTCUTS.map((shortcut) => shortcut.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('isTypingTarget', () => {
  it.each([
    ['nothing focused', null, false],
    ['the body', { tagName: 'BODY' }, false],
    ['a button', { tagName: 'BUTTON' }, false],
    ['a link', { tagName: 'A' }, false],
    ['a table cell of the grid', { tagName: 'TD' }, false],
    ['a search field', { tagName: 'INPUT', type: 'search' }, true],
    ['a text field', { tagName: 'INPUT', type: 'text' }, true],
    ['an input without a type', { tagName: 'INPUT' }, true],
    ['a number field', { tagName: 'INPUT', type: 'number' }, true],
    ['a password field', { tagName: 'INPUT', type: 'password' }, true],
    ['a checkbox', { tagName: 'INPUT', type: 'checkbox' }, false],
    ['a radio button', { tagName: 'INPUT', type: 'radio' }, false],
    ['a file picker', { tagName: 'INPUT', type: 'file' }, false],
    ['a textarea', { tagName: 'TEXTAREA' }, true],
    ['a select', { tagName: 'SELECT' }, true],
    ['an editable element', { tagName: 'DIV', isContentEditable: true }, true],
    ['a lower-case tag name (XHTML)', { tagName: 'textarea' }, true],
  ])('%s → %s', (_, target, typing) => {
    expect(isTypingTarget(target)).toBe(typing);
  });
});
