import { describe, expect, it } from 'vitest';
import { displayText, escapeHiddenInJson } from '../../../lib/iocs/display-text';

describe('displayText', () => {
  it.each([
    ['plain text is left alone', 'evil.badcorp.top', 'evil.badcorp.top'],
    ['markup stays text', '<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
    ['an RTL override is spelled out', 'invoice\u202Efdp.exe', 'invoice⟨U+202E⟩fdp.exe'],
    ['bidi isolates too', 'a\u2067b\u2069', 'a⟨U+2067⟩b⟨U+2069⟩'],
    ['zero-width characters', 'pay\u200Bpal\uFEFF', 'pay⟨U+200B⟩pal⟨U+FEFF⟩'],
    ['a Unicode tag (an astral character)', 'x\u{E0041}', 'x⟨U+E0041⟩'],
    ['C0 controls as control pictures', 'a\u0000b\u0007c\u001b[31m\nd\u007f', 'a␀b␇c␛[31m␊d␡'],
    ['C1 controls', 'nel\u0085', 'nel⟨U+0085⟩'],
    ['emoji with a variation selector are kept', '❤\uFE0F', '❤\uFE0F'],
    ['non-Latin text is kept', 'анна.иванова@acme.example', 'анна.иванова@acme.example'],
  ])('%s', (_, text, shown) => {
    expect(displayText(text)).toBe(shown);
  });

  it('cuts long text to the limit, ending in an ellipsis', () => {
    expect(displayText('A'.repeat(100_000), 10)).toBe(`${'A'.repeat(9)}…`);
    expect(displayText('short', 10)).toBe('short');
  });

  it('never cuts a surrogate pair in two', () => {
    expect(displayText(`${'A'.repeat(8)}😀😀`, 10)).toBe(`${'A'.repeat(8)}…`);
  });

  it('counts the limit before spelling out, so a marker is never cut', () => {
    expect(displayText('ab\u202Ecd', 4)).toBe('ab⟨U+202E⟩…');
  });
});

describe('escapeHiddenInJson', () => {
  it('escapes what JSON.stringify leaves raw, and the JSON means the same', () => {
    const value = {
      name: 'invoice\u202Efdp.exe',
      creator: 'pay\u200Bpal\u0085',
      tag: 'x\u{E0041}',
      bell: '\u0007',
    };
    const shown = escapeHiddenInJson(JSON.stringify(value));
    expect(shown).toBe(
      '{"name":"invoice\\u202efdp.exe","creator":"pay\\u200bpal\\u0085","tag":"x\\udb40\\udc41","bell":"\\u0007"}',
    );
    expect(JSON.parse(shown)).toEqual(value);
  });

  it('leaves JSON without hidden characters unchanged', () => {
    const json = JSON.stringify({ name: '<script>alert(1)</script>', n: 1 }, null, 2);
    expect(escapeHiddenInJson(json)).toBe(json);
  });
});
