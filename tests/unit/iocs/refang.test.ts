import { describe, expect, it } from 'vitest';
import { refang } from '../../../lib/iocs/refang';

describe('refang', () => {
  it.each([
    ['hxxp://evil.com', 'http://evil.com'],
    ['hxxps://evil.com', 'https://evil.com'],
    ['hXXp://evil.com', 'http://evil.com'],
    ['hXXps://evil.com', 'https://evil.com'],
    ['HXXP://evil.com', 'http://evil.com'],
    ['HXXPS://evil.com', 'https://evil.com'],
    ['evil[.]com', 'evil.com'],
    ['evil(.)com', 'evil.com'],
    ['evil{.}com', 'evil.com'],
    ['evil[dot]com', 'evil.com'],
    ['evil[DOT]com', 'evil.com'],
    ['evil(dot)com', 'evil.com'],
    ['evil{dot}com', 'evil.com'],
    ['evil[ . ]com', 'evil.com'],
    ['evil[ dot ]com', 'evil.com'],
    ['1.2.3[.]4', '1.2.3.4'],
    ['192[.]168[.]0[.]1', '192.168.0.1'],
    ['fe80[:]:1', 'fe80::1'],
    ['2001[:]db8[:][:]1', '2001:db8::1'],
    ['http[:]//x[.]com[/]path', 'http://x.com/path'],
    ['hxxp[:]//x[.]com', 'http://x.com'],
    ['hxxps[://]x[.]com', 'https://x.com'],
    ['user[@]evil[.]com', 'user@evil.com'],
    ['user[at]evil[.]com', 'user@evil.com'],
    ['user(at)evil(.)com', 'user@evil.com'],
    ['user[AT]evil[DOT]com', 'user@evil.com'],
    ['evil[[.]]com', 'evil.com'],
    ['evil [.] com', 'evil . com'],
    ['C2 at evil[.]com and 10[.]0[.]0[.]1', 'C2 at evil.com and 10.0.0.1'],
  ])('turns %s into %s', (input, expected) => {
    expect(refang(input)).toBe(expected);
  });

  it.each([
    ['http://evil.com/a.b'],
    ['[1.2.3.4]'],
    ['[2001:db8::1]'],
    ['the hxxp scheme word alone'],
    ['bücher.example'],
  ])('leaves %s as it is', (input) => {
    expect(refang(input)).toBe(input);
  });

  it.each([['evil[[.]]com'], ['hXXps[:]//a[.]b[/]c'], ['x(dot)y{.}z[at]w']])(
    'is idempotent on %s',
    (input) => {
      const once = refang(input);
      expect(refang(once)).toBe(once);
    },
  );

  it('never joins across a line break', () => {
    expect(refang('evil[\n.\n]com')).toBe('evil[\n.\n]com');
  });
});
