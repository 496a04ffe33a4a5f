/** What a failing accessibility check says: enough to fix the markup without running it again. */
import { describe, expect, it } from 'vitest';
import { failingViolations, formatViolations, type Violation } from './axe';

function violation(
  id: string,
  impact: Violation['impact'],
  targets: Array<Violation['nodes'][number]['target']>,
): Violation {
  return {
    id,
    impact,
    tags: ['wcag2aa'],
    description: `${id} description`,
    help: `${id} help`,
    helpUrl: `https://dequeuniversity.com/rules/axe/4.14/${id}`,
    nodes: targets.map((target) => ({
      target,
      html: '<p>',
      impact,
      any: [],
      all: [],
      none: [],
      failureSummary: `Fix any of the following:\n  ${id} on ${target.join(' ')}`,
    })),
  };
}

describe('failingViolations', () => {
  it.each<[Violation['impact'], boolean]>([
    ['critical', true],
    ['serious', true],
    ['moderate', false],
    ['minor', false],
    [null, false],
    [undefined, false],
  ])('an impact of %s fails the view: %s', (impact, fails) => {
    expect(failingViolations([violation('rule', impact, [['p']])])).toHaveLength(fails ? 1 : 0);
  });
});

describe('formatViolations', () => {
  it('says so when nothing fails', () => {
    expect(formatViolations('popup (dark)', [])).toBe('popup (dark): no serious or critical axe violations');
  });

  it('lists each rule with its impact, help, link, and each element with its selector and summary', () => {
    const text = formatViolations('manager (dark)', [
      violation('color-contrast', 'serious', [['.sync-ok'], ['#lookup']]),
      violation('label', 'critical', [['iframe#frame', 'input.box']]),
    ]);
    expect(text.split('\n')).toEqual([
      'manager (dark): 2 serious or critical axe violation(s)',
      '- color-contrast (serious): color-contrast help',
      '  https://dequeuniversity.com/rules/axe/4.14/color-contrast',
      '  • .sync-ok: Fix any of the following: color-contrast on .sync-ok',
      '  • #lookup: Fix any of the following: color-contrast on #lookup',
      '- label (critical): label help',
      '  https://dequeuniversity.com/rules/axe/4.14/label',
      '  • iframe#frame >>> input.box: Fix any of the following: label on iframe#frame input.box',
    ]);
  });

  it('joins a path through a shadow root', () => {
    expect(formatViolations('sheet', [violation('label', 'critical', [[['#host', 'input']]])])).toContain(
      '  • #host >>> input: ',
    );
  });

  it('counts the elements beyond the first eight of a rule instead of listing them', () => {
    const targets = Array.from({ length: 11 }, (_, i) => [`tr:nth-child(${i + 1})`]);
    const lines = formatViolations('blocks', [
      violation('aria-required-children', 'critical', targets),
    ]).split('\n');
    expect(lines.filter((line) => line.startsWith('  • tr:'))).toHaveLength(8);
    expect(lines.at(-1)).toBe('  • and 3 more element(s)');
  });
});
