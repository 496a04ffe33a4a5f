/**
 * Traps and probes for hostile data (tests/e2e/hostile-data.spec.ts): did a payload run, did it become
 * markup, did a bidi override reorder what the analyst reads. Extension pages refuse inline script by their
 * CSP, so "no script ran" alone proves little there: a payload that became markup shows up as an element, an
 * on* attribute or a CSP violation, and each is looked for.
 */
import type { BrowserContext, Locator, Page } from '@playwright/test';

interface TrapWindow {
  __pwned?: string;
  __cspViolations?: string[];
}

/** Uncaught errors and dialogs seen so far; `readTraps` adds each page's `__pwned` and CSP refusals. */
export interface ScriptTraps {
  pageErrors: string[];
  dialogs: string[];
  /** The pages opened since arming (the context's first blank page predates the init script). */
  pages: Page[];
}

/**
 * Arms every page the context opens from now on: a CSP-violation recorder before any page script,
 * and listeners for uncaught errors and dialogs (dismissed, so a payload's alert cannot block).
 */
export async function armTraps(context: BrowserContext): Promise<ScriptTraps> {
  const traps: ScriptTraps = { pageErrors: [], dialogs: [], pages: [] };
  context.on('page', (page) => traps.pages.push(page));
  await context.addInitScript(() => {
    const w = window as unknown as TrapWindow;
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      // zod 4 probes once whether it may compile with `new Function`; the refused eval is expected.
      if (e.blockedURI === 'eval') return;
      w.__cspViolations?.push(`${e.effectiveDirective} ${e.blockedURI}`);
    });
  });
  context.on('weberror', (error) => traps.pageErrors.push(error.error().message));
  context.on('dialog', (dialog) => {
    traps.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return traps;
}

/** Every sign of a script that ran on the open pages; an unarmed page throws, so no trap is missing. */
export async function readTraps(traps: ScriptTraps): Promise<string[]> {
  const found = [...traps.pageErrors.map((e) => `error: ${e}`), ...traps.dialogs];
  for (const page of traps.pages.filter((p) => !p.isClosed())) {
    const seen = await page.evaluate(() => {
      const w = window as unknown as TrapWindow;
      return { pwned: w.__pwned ?? null, csp: w.__cspViolations ?? null };
    });
    if (seen.csp === null) throw new Error(`The traps were not armed on ${page.url()}`);
    if (seen.pwned !== null) found.push(`${page.url()}: window.__pwned = ${seen.pwned}`);
    found.push(...seen.csp.map((v) => `${page.url()}: CSP refused ${v}`));
  }
  return found;
}

/** Markup made from data: elements the extension never draws, on* attributes, javascript: URLs. */
export function markupFromData(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const foreign = document.body.querySelectorAll('img, script, svg, iframe, object, embed, style, link');
    for (const el of foreign) found.push(`<${el.tagName.toLowerCase()}> in the page`);
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) found.push(`${el.tagName}[${attr.name}]`);
        const urlAttr = ['href', 'src', 'action', 'formaction', 'srcdoc', 'data', 'xlink:href'];
        if (urlAttr.includes(attr.name) && /^\s*javascript:/i.test(attr.value))
          found.push(`${el.tagName}[${attr.name}=javascript:]`);
      }
    }
    return found;
  });
}

/**
 * Whether each element's characters are laid out left to right in their logical order on each line,
 * i.e. no bidi override reversed them. Measures one range per character: for short texts only.
 */
export function readsLeftToRight(elements: Locator): Promise<boolean[]> {
  return elements.evaluateAll((els) =>
    els.map((el) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let previous: DOMRect | null = null;
      let inOrder = true;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < (node.textContent ?? '').length; i++) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getBoundingClientRect();
          if (rect.width === 0) continue;
          // A wrapped line starts again at the left: compare only characters on the same line.
          const sameLine = previous !== null && Math.abs(rect.top - previous.top) < rect.height / 2;
          if (sameLine && rect.left < (previous as DOMRect).left - 0.5) inOrder = false;
          previous = rect;
        }
      }
      return inOrder;
    }),
  );
}

/** Bidi controls and invisible format characters, which a display should never pass on raw. */
export const BIDI_OR_INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/;

/** A box of the page, for layout assertions. */
export function box(locator: Locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return {
      top: r.top,
      bottom: r.bottom,
      height: r.height,
      width: r.width,
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
      scrollHeight: el.scrollHeight,
      clientHeight: el.clientHeight,
      viewportHeight: innerHeight,
      viewportWidth: innerWidth,
    };
  });
}

/**
 * The heights of the `elements`, and by how many px the page is wider than its body (a popup's body
 * may be wider than the test's window: Chrome sizes a popup to its body).
 */
export async function layoutOf(elements: Locator) {
  const heights = await elements.evaluateAll((els) => els.map((el) => el.clientHeight));
  const overflow = await elements
    .page()
    .evaluate(() => document.documentElement.scrollWidth - Math.max(innerWidth, document.body.offsetWidth));
  return { heights, overflow };
}

/** Table rows: their tops (sorted), the tallest cell, and how many cells start left of the previous one. */
export async function rowGeometry(rows: Locator) {
  const geometry = await rows.evaluateAll((trs) =>
    trs.map((tr) => ({
      top: tr.getBoundingClientRect().top,
      cells: [...tr.children]
        .map((td) => td.getBoundingClientRect())
        .map(({ left, right, height }) => ({ left, right, height })), // a DOMRect would arrive empty
    })),
  );
  const cells = geometry.map((row) => row.cells);
  return {
    tops: geometry.map((row) => row.top).sort((a, b) => a - b),
    tallestCell: Math.max(...cells.flat().map((cell) => cell.height)),
    cellsOutOfOrder: cells.flatMap((row) =>
      row.filter((cell, i) => i > 0 && cell.left < (row[i - 1]?.right ?? 0) - 1),
    ).length,
  };
}
