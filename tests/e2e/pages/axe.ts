/**
 * axe-core on a page of the extension, as it is on screen: the WCAG 2.0 and 2.1 A and AA rules, and
 * only the serious and critical findings fail a view. A failure's message is the whole finding (rule,
 * impact, the elements' selectors, what axe says is wrong and how to fix it), so whoever reads the
 * report can fix the markup without running the test again.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
export type Violation = AxeResults['violations'][number];

/** WCAG 2.0 and 2.1, levels A and AA: what the pages promise (no best-practice rules). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** axe's two lower impacts, minor and moderate, are reported by axe but do not fail a view. */
export const FAILING_IMPACTS: ReadonlySet<string> = new Set(['serious', 'critical']);
/** Elements listed per rule; the rest are counted, so one rule on 500 rows stays readable. */
const MAX_NODES = 8;

export function failingViolations(violations: readonly Violation[]): Violation[] {
  return violations.filter((violation) => FAILING_IMPACTS.has(violation.impact ?? ''));
}

/** A node's target: one selector, or a path through frames and shadow roots joined by ">>>". */
const selectorOf = (target: Violation['nodes'][number]['target']) =>
  target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : part)).join(' >>> ');

/** axe's failure summary on one line: "Fix any of the following: Element has … (colours …)". */
const summaryOf = (node: Violation['nodes'][number]) =>
  (node.failureSummary ?? '').replace(/\s*\n\s*/g, ' ').trim();

/** The findings of one view, one block per rule, in a form a reader can fix from. */
export function formatViolations(view: string, violations: readonly Violation[]): string {
  if (violations.length === 0) return `${view}: no serious or critical axe violations`;
  const lines = [`${view}: ${violations.length} serious or critical axe violation(s)`];
  for (const violation of violations) {
    lines.push(`- ${violation.id} (${violation.impact}): ${violation.help}`, `  ${violation.helpUrl}`);
    for (const node of violation.nodes.slice(0, MAX_NODES))
      lines.push(`  • ${selectorOf(node.target)}: ${summaryOf(node)}`);
    if (violation.nodes.length > MAX_NODES)
      lines.push(`  • and ${violation.nodes.length - MAX_NODES} more element(s)`);
  }
  return lines.join('\n');
}

/** Runs axe on the whole page as it is now and returns the findings that fail a view. */
export async function axeViolations(page: Page): Promise<Violation[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return failingViolations(results.violations);
}

/**
 * Checks `page` in the light and then the dark scheme (the same page, re-rendered by emulateMedia),
 * as soft assertions: every failing view is reported, not only the first. Leaves the page in the
 * light scheme.
 */
export async function expectAccessibleInBothSchemes(page: Page, view: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const violations = await axeViolations(page);
    const label = `${view} (${colorScheme})`;
    // The count as the assertion, the findings as its message: a diff of axe's objects reads worse.
    expect.soft(violations.length, formatViolations(label, violations)).toBe(0);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
