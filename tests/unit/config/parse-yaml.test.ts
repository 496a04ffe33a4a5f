import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseYamlWith } from '../../../config/parse-yaml';

describe('parseYamlWith', () => {
  it.each([
    [
      'an alias, at its line',
      'a: &x 1\nb: 2\nc: 3\nd: *x\n',
      'Line 4: settings files may not use YAML aliases (*x).',
    ],
    [
      'an alias inside a flow list',
      'a: &x 1\nb: [1, 2, *x]\n',
      'Line 2: settings files may not use YAML aliases (*x).',
    ],
    [
      'an anchor on a block mapping, at its name',
      'a: 1\nb: &m\n  c: 1\n',
      'Line 2: settings files may not use YAML anchors (&m).',
    ],
    [
      'an anchor on a list item',
      'a:\n  - 1\n  - &i 2\n',
      'Line 3: settings files may not use YAML anchors (&i).',
    ],
  ])('refuses %s', (_, text, message) => {
    expect(parseYamlWith(z.unknown(), text)).toEqual({ ok: false, message });
  });

  it('takes an ampersand or asterisk inside a quoted or plain value as text', () => {
    expect(parseYamlWith(z.unknown(), 'a: "&x *y"\nb: R&D *team*\n')).toEqual({
      ok: true,
      value: { a: '&x *y', b: 'R&D *team*' },
    });
  });

  it('turns an error thrown while checking the value into a message, never a throw', () => {
    const throwing = z.unknown().transform(() => {
      throw new RangeError('too much');
    });
    expect(parseYamlWith(throwing, 'a: 1\n')).toEqual({
      ok: false,
      message: 'The file could not be read as YAML: too much.',
    });
  });
});
